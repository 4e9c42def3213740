package org.casepress.workflow;

/**
 * A review step that did not happen, with a complete message for the person who asked for it: what
 * is wrong and what to do. Nothing was written when this is thrown.
 */
public class WorkflowException extends RuntimeException {
  private final boolean badInput;

  WorkflowException(String message) {
    this(message, false);
  }

  private WorkflowException(String message, boolean badInput) {
    super(message, null, false, false);
    this.badInput = badInput;
  }

  /** The command line is wrong: an unknown person or case study, an invalid slug or title. */
  static WorkflowException badInput(String message) {
    return new WorkflowException(message, true);
  }

  /** True when the command line itself is wrong (a usage error rather than a refusal). */
  public boolean isBadInput() {
    return badInput;
  }
}
