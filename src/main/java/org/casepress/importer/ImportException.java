package org.casepress.importer;

/**
 * An import that wrote nothing: the draft cannot be read, or the request cannot be carried out. The
 * message names the file and says what to do; the CLI maps the kind to its exit code.
 */
public final class ImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why nothing was imported. */
  public enum Kind {
    /** The command was asked for something impossible: no such person, a malformed slug. */
    USAGE,
    /** The draft or the workspace stands in the way: unreadable file, wrong format, slug taken. */
    BAD_INPUT
  }

  private final Kind kind;

  ImportException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  static ImportException badInput(String message) {
    return new ImportException(Kind.BAD_INPUT, message);
  }

  static ImportException usage(String message) {
    return new ImportException(Kind.USAGE, message);
  }

  public Kind kind() {
    return kind;
  }
}
