package org.casepress.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.casepress.source.Workspace;

/**
 * The content digest of a case study: what an approval pins, so that any later change shows.
 *
 * <p>Format, version 1 (changing it would make every approval look stale, so it is fixed): SHA-256
 * over the bytes {@code casepress-content-digest-1\0}, then for every file in sorted order: its
 * path relative to the case study folder with {@code /} separators in UTF-8, a NUL byte, its length
 * as an 8-byte big-endian number, and its bytes exactly as stored (line endings untouched). Paths
 * are sorted by their UTF-8 bytes, unsigned, so the order is the same on every platform. The length
 * framing means no two different folders give the same byte stream.
 *
 * <p>Left out: {@code status.json} (the tool's own record), anything whose name or any of whose
 * folders starts with {@code .} (editor swap files, {@code .DS_Store}, the atomic writer's
 * temporary files, Emacs lock files {@code .#x}), {@code Thumbs.db} and {@code desktop.ini}
 * (written by Windows), editor backups ending in {@code ~} ({@code case-study.md~}) and Office's
 * owner files starting with {@code ~$} ({@code ~$notes.docx}). None of them can be part of a
 * published case study, and counting them made a stray backup look like a change to an approved
 * one. A folder holding such a file approved before they were left out now shows as changed once;
 * approving it again pins the new digest.
 *
 * <p>A symbolic link is refused: hashing the link would miss changes to what it points at, and
 * following it could reach outside the folder.
 */
public final class ContentDigest {
  static final String PREFIX = "sha256:";
  private static final byte[] FORMAT =
      "casepress-content-digest-1\0".getBytes(StandardCharsets.UTF_8);
  private static final Set<String> OS_FILES = Set.of("Thumbs.db", "desktop.ini");

  private ContentDigest() {}

  /**
   * The digest of a case study folder, as {@code sha256:} and 64 hex digits.
   *
   * @throws WorkflowException when the folder holds a symbolic link
   */
  public static String of(Workspace workspace, Path folder) {
    List<Path> files = files(workspace, folder);
    MessageDigest sha = sha256();
    sha.update(FORMAT);
    byte[] buffer = new byte[64 * 1024];
    for (Path file : files) {
      sha.update(name(folder, file));
      sha.update((byte) 0);
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(file)).array());
        for (int n; (n = in.read(buffer)) != -1; ) {
          sha.update(buffer, 0, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return PREFIX + HexFormat.of().formatHex(sha.digest());
  }

  /** The first 12 hex digits, enough to tell digests apart in a table. */
  public static String shortForm(String digest) {
    if (digest == null) {
      return "-";
    }
    String hex = digest.startsWith(PREFIX) ? digest.substring(PREFIX.length()) : digest;
    return hex.substring(0, Math.min(12, hex.length()));
  }

  static boolean isWellFormed(String digest) {
    return digest.matches("sha256:[0-9a-f]{64}");
  }

  private static List<Path> files(Workspace workspace, Path folder) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path relative = folder.relativize(p);
        if (p.equals(folder) || isLeftOut(relative)) {
          continue;
        }
        if (Files.isSymbolicLink(p)) {
          throw new WorkflowException(
              workspace.relative(p)
                  + " is a symbolic link. Copy the file it points to into the case"
                  + " study's folder instead, so that what is approved is what gets published.");
        }
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort((a, b) -> Arrays.compareUnsigned(name(folder, a), name(folder, b)));
    return files;
  }

  /** True for what the digest leaves out, by its path relative to the case study folder. */
  public static boolean isLeftOut(Path relative) {
    if (relative.getNameCount() == 1 && relative.toString().equals(StatusStore.FILE_NAME)) {
      return true;
    }
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    String name = relative.getFileName().toString();
    return OS_FILES.contains(name) || name.endsWith("~") || name.startsWith("~$");
  }

  private static byte[] name(Path folder, Path file) {
    StringBuilder s = new StringBuilder();
    for (Path part : folder.relativize(file)) {
      if (s.length() > 0) {
        s.append('/');
      }
      s.append(part);
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
