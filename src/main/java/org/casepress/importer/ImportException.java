package org.casepress.importer;

import org.casepress.model.CasepressException;

/**
 * An import that wrote nothing: the draft cannot be read, or the request cannot be carried out. The
 * message names the file, says what to do, and ends by saying that nothing was written.
 */
public final class ImportException extends CasepressException {
  private static final long serialVersionUID = 1L;

  private ImportException(Kind kind, String message) {
    super(kind, message + " Nothing was written.", null);
  }

  /** The draft or the workspace stands in the way: unreadable file, wrong format, slug taken. */
  static ImportException badInput(String message) {
    return new ImportException(Kind.PROBLEM, message);
  }

  /** The command asks for something impossible: no such person, a malformed slug. */
  static ImportException usage(String message) {
    return new ImportException(Kind.USAGE, message);
  }
}
