package org.casepress.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.casepress.source.Workspace;

/**
 * The history steps that casepress recorded in this copy of the workspace: one SHA-256 of each
 * step's JSON per line in .casepress/journal/SLUG, which git does not share. {@code history} marks
 * the steps it lists; every other step came with the files (from git, another copy, or a hand
 * edit). It proves nothing to anyone else, and a user of this copy could edit it too: it tells the
 * person at this keyboard which steps this casepress saw happen.
 */
final class Journal {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Workspace workspace;

  Journal(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Notes that casepress has just recorded {@code entry}; the caller holds the lock. */
  void recorded(String slug, HistoryEntry entry) {
    Path file = file(slug);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          hash(entry) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // The step itself is in status.json; without the note, history shows it as not seen here.
    }
  }

  /** The hashes ({@link #hash}) of the steps casepress recorded here for {@code slug}. */
  Set<String> recorded(String slug) {
    Path file = file(slug);
    if (!Files.isRegularFile(file)) {
      return Set.of();
    }
    try {
      return new HashSet<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Set.of();
    }
  }

  static String hash(HistoryEntry entry) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(entry)));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path file(String slug) {
    return workspace.stateDir().resolve("journal").resolve(slug);
  }
}
