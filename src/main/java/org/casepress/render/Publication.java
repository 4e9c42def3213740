package org.casepress.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the PDF says about the publication of a case study: which version, of what date, in which
 * review state, under which DOI. The caller (the render command, or staging) decides it; the
 * renderer never looks at the clock.
 *
 * @param version the version number printed on the title page and in the citation (1 and up)
 * @param date the date of the state, e.g. the approval or publication date
 * @param state the review state as printed, e.g. "draft", "in review", "approved"
 * @param doi the version DOI (10.5281/zenodo.123), or null before one is reserved
 * @param conceptDoi the DOI of all versions, or null
 */
public record Publication(
    int version, LocalDate date, String state, String doi, String conceptDoi) {

  public Publication {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(state, "state");
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more, not " + version);
    }
  }

  /** A first version in the draft state, without a DOI. */
  public static Publication forDraft(LocalDate date) {
    return new Publication(1, date, "draft", null, null);
  }

  /**
   * A version as it is published: the PDF uploaded at staging says "published" with the reserved
   * DOI and the publication date the ledger records. Rendering from the same three values after the
   * release gives the uploaded file again, byte for byte.
   */
  public static Publication published(int version, LocalDate date, String doi) {
    Objects.requireNonNull(doi, "doi");
    return new Publication(version, date, PUBLISHED, doi, null);
  }

  /** The state printed on a published version's PDF. */
  public static final String PUBLISHED = "published";

  /**
   * The date of a case study's content when no review state gives one: the latest modification time
   * among the files in its folder, as a UTC day. Re-rendering unchanged files therefore gives the
   * same date, and so the same bytes, whatever the clock says.
   */
  public static LocalDate contentDate(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      Instant latest =
          files
              .filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().equals("status.json"))
              .map(Publication::modified)
              .max(Instant::compareTo)
              .orElse(Instant.EPOCH);
      return LocalDate.ofInstant(latest, ZoneOffset.UTC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant modified(Path file) {
    try {
      FileTime time = Files.getLastModifiedTime(file);
      return time.toInstant();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
