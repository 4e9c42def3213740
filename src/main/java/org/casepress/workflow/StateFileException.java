package org.casepress.workflow;

/**
 * A status.json that casepress cannot trust: malformed, hand-edited into an impossible state, or
 * written by a newer casepress. The file is left exactly as it is.
 */
public final class StateFileException extends WorkflowException {
  private final String file;
  private final int line;

  /**
   * @param file the file, relative to the workspace root
   * @param line the 1-based line of the problem, or 0 when unknown
   * @param what what is wrong, as a sentence
   */
  StateFileException(String file, int line, String what) {
    super(
        file
            + (line > 0 ? ":" + line : "")
            + ": "
            + what
            + " casepress has not changed the file. If it was edited by hand, restore it with"
            + " 'git checkout -- "
            + file
            + "' (or fix it as described), then run the command again.");
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
