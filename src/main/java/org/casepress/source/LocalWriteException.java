package org.casepress.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import org.casepress.model.CasepressException;

/**
 * A file on this computer could not be written: the disk is full, the folder is read-only, or the
 * system refused. Always the user's to fix (exit 1), never a network problem or a bug, and the
 * message names the folder and what to do. Writes are atomic, so nothing was half-written.
 */
public final class LocalWriteException extends CasepressException {
  private final Path folder;

  private LocalWriteException(String message, Path folder, IOException cause) {
    super(Kind.PROBLEM, message, cause);
    this.folder = folder;
  }

  /**
   * A local failure caught where the file is not known: located by the file the system names, if it
   * names one.
   */
  public static LocalWriteException of(IOException cause) {
    if (cause instanceof FileSystemException f && f.getFile() != null) {
      return of(Path.of(f.getFile()), cause);
    }
    String said = said(cause);
    return new LocalWriteException(
        "casepress could not write a file on this computer ("
            + said
            + "). "
            + switch (cause(cause)) {
              case FULL -> "The disk is full: free some space and run the command again.";
              case READ_ONLY ->
                  "A folder is read-only or may not be written by you: make the workspace"
                      + " writable and run the command again.";
              case OTHER -> "Check that the workspace can be written, then run the command again.";
            }
            + " Nothing was half-written: each file is replaced whole or not at all.",
        null,
        cause);
  }

  private static String said(IOException cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /** The failure to write {@code file}, explained by what the system said. */
  public static LocalWriteException of(Path file, IOException cause) {
    Path folder = file.toAbsolutePath().getParent();
    String said =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String advice =
        switch (cause(cause)) {
          case FULL ->
              "The disk holding " + folder + " is full: free some space and run the command again.";
          case READ_ONLY ->
              folder
                  + " is read-only or may not be written by you: make it writable (or run casepress"
                  + " from a copy you can write to) and run the command again.";
          case OTHER ->
              "Check that " + folder + " exists and can be written, then run the command again.";
        };
    return new LocalWriteException(
        "casepress could not write "
            + file.getFileName()
            + " in "
            + folder
            + " ("
            + said
            + "). "
            + advice
            + " Nothing was half-written: each file is replaced whole or not at all.",
        folder,
        cause);
  }

  /** The folder that could not be written, or null when the system did not say. */
  public Path folder() {
    return folder;
  }

  /**
   * Whether an I/O failure was the local file system's rather than the network's: a disk-full or
   * read-only error, or any failure that names a file. Transport failures (timeouts, refused or
   * reset connections, unknown hosts) are none of these.
   */
  public static boolean isLocal(IOException e) {
    return e instanceof FileSystemException || cause(e) != Cause.OTHER;
  }

  private enum Cause {
    FULL,
    READ_ONLY,
    OTHER
  }

  private static Cause cause(IOException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    // As Linux, macOS and Windows word ENOSPC, EDQUOT and EROFS.
    if (m.contains("no space left")
        || m.contains("not enough space on the disk")
        || m.contains("disk quota exceeded")
        || m.contains("disk full")) {
      return Cause.FULL;
    }
    if (e instanceof AccessDeniedException
        || m.contains("read-only file system")
        || m.contains("permission denied")
        || m.contains("access is denied")) {
      return Cause.READ_ONLY;
    }
    return Cause.OTHER;
  }
}
