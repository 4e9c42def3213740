package org.casepress.workflow;

import java.util.List;
import org.casepress.model.CasepressException;
import org.casepress.model.Problem;

/**
 * A review step that did not happen, with a complete message for the person who asked for it: what
 * is wrong and what to do. Nothing was written when this is thrown.
 */
public class WorkflowException extends CasepressException {

  WorkflowException(String message) {
    super(Kind.PROBLEM, message, null);
  }

  WorkflowException(String message, List<Problem> problems) {
    super(Kind.PROBLEM, message, problems, null);
  }

  private WorkflowException(Kind kind, String message) {
    super(kind, message, null);
  }

  /** The command line is wrong: an unknown person or case study, an invalid slug or title. */
  static WorkflowException badInput(String message) {
    return new WorkflowException(Kind.USAGE, message);
  }

  /** True when the command line itself is wrong (a usage error rather than a refusal). */
  public boolean isBadInput() {
    return kind() == Kind.USAGE;
  }
}
