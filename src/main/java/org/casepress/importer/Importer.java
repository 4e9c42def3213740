package org.casepress.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casepress.model.Metadata;
import org.casepress.model.Problem;
import org.casepress.source.Identifiers;
import org.casepress.source.Suggest;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;

/**
 * {@code casepress import}: turns a draft (Word, web page, Practitioners Hub Markdown) into a new
 * case study folder, then checks it. Nothing is written unless the whole folder can be.
 */
public final class Importer {
  private static final int SLUG_MAX = 50;

  private final Workspace workspace;

  public Importer(Workspace workspace) {
    this.workspace = workspace;
  }

  /**
   * Imports {@code file}.
   *
   * @param slug the folder name, or null to make one from the title
   * @param as the importing person's id in metadata/people.yaml, or null
   * @throws ImportException when nothing could be imported (and nothing was written)
   */
  public Imported importDraft(Path file, String slug, String as) {
    if (slug != null && !Identifiers.isSlug(slug)) {
      throw ImportException.usage(
          "--slug '"
              + slug
              + "' is not a valid folder name: use 3 to 64 lowercase letters, digits and hyphens,"
              + " e.g. --slug flood-model-openness.");
    }
    String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    Format format = Format.of(source);
    byte[] bytes = read(file);
    Metadata metadata = WorkspaceLoader.load(workspace, List.of()).metadata();
    if (as != null && !metadata.people().containsKey(as)) {
      String nearest = Suggest.nearest(as, metadata.people().keySet());
      throw ImportException.usage(
          "--as "
              + as
              + ": there is no such person in metadata/people.yaml"
              + (nearest == null ? "." : "; did you mean '" + nearest + "'?")
              + " Give your own id from that file.");
    }
    if (slug != null) {
      CaseStudyFolder.requireFree(workspace, slug);
    }
    Draft draft =
        switch (format) {
          case WORD -> WordReader.read(source, bytes);
          case WEB_PAGE -> WebPageReader.read(source, file.toAbsolutePath(), bytes);
          case ZIPPED_WEB_PAGE -> WebPageReader.readZip(source, bytes);
          case MARKDOWN -> HubPageReader.read(source, file.toAbsolutePath(), text(source, bytes));
        };
    List<Note> notes = new ArrayList<>(draft.notes());
    Outline.Shaped shaped = Outline.shape(draft.title(), draft.body());
    notes.addAll(shaped.notes());
    String title = shaped.title();
    if (title == null) {
      title = source.replaceFirst("\\.[^.]+$", "").replace('_', ' ').strip();
      notes.add(
          Note.toAdd(
              "title",
              "the draft has no title (no Title style and no first heading): the file name was"
                  + " used; write the real title."));
    }
    if (shaped.description() == null) {
      notes.add(
          Note.toAdd(
              "description",
              "the draft has no abstract and no opening paragraph: write a description of 50 to"
                  + " 300 words."));
    }
    Authors.Resolved authors = Authors.resolve(draft.authors(), metadata, as);
    notes.addAll(authors.notes());
    String chosen = slug != null ? slug : slugOf(title);
    String markdown =
        FrontMatterText.write(
                title,
                draft.subtitle(),
                authors.entries(),
                shaped.description(),
                draft.licence(),
                draft.related())
            + "\n"
            + shaped.body();
    StringBuilder reported = new StringBuilder(markdown);
    notes.forEach(n -> reported.append(' ').append(n.where()).append(' ').append(n.message()));
    Note lost = LostText.check(source, draft.sourceText(), reported.toString());
    if (lost != null) {
      notes.add(lost);
    }
    List<String> files = CaseStudyFolder.write(workspace, chosen, markdown, draft.images());
    String folder = "case-studies/" + chosen + "/";
    List<Problem> problems =
        WorkspaceLoader.load(workspace, List.of(chosen)).problems().stream()
            .filter(p -> p.file().startsWith(folder))
            .toList();
    return new Imported(chosen, "case-studies/" + chosen, format, files, notes, problems);
  }

  private static byte[] read(Path file) {
    if (!Files.exists(file)) {
      throw ImportException.badInput(
          file
              + " does not exist. Check the name and the folder, e.g. drag the file onto the"
              + " terminal window to paste its full path.");
    }
    if (Files.isDirectory(file)) {
      throw ImportException.badInput(
          file + " is a folder; name the draft file inside it (.docx, .html or .md).");
    }
    try {
      return Files.readAllBytes(file);
    } catch (AccessDeniedException e) {
      throw ImportException.badInput(
          file
              + " cannot be read: you have no permission to open it. Copy it somewhere you own,"
              + " or ask its owner for access.");
    } catch (IOException e) {
      throw ImportException.badInput(file + " cannot be read: " + e.getMessage());
    }
  }

  /** Markdown as UTF-8 (with or without a byte order mark) with \n line endings. */
  private static String text(String source, byte[] bytes) {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString()
          .replace("\r\n", "\n")
          .replace('\r', '\n');
    } catch (CharacterCodingException e) {
      throw ImportException.badInput(
          source
              + " is not UTF-8 text. Save it as UTF-8 in your editor (\"Save with encoding\" >"
              + " UTF-8) and import it again.");
    }
  }

  /** "AI in transportation: DigiHaul's vision" → "ai-in-transportation-digihauls-vision". */
  static String slugOf(String title) {
    String s =
        Normalizer.normalize(title, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replaceAll("['’]", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (s.length() > SLUG_MAX) {
      int cut = s.lastIndexOf('-', SLUG_MAX);
      s = s.substring(0, cut > 2 ? cut : SLUG_MAX);
    }
    return s.length() < 3 ? "imported-case-study" : s;
  }
}
