package org.casepress.publish;

import java.util.List;
import org.casepress.model.CasepressException;
import org.casepress.model.Problem;

/**
 * Publishing stopped: the message says what happened, what state things are in and what to do.
 * {@code temporary} means retrying later may help (the remote side is unavailable); otherwise the
 * user must fix something first.
 */
public final class PublishException extends CasepressException {

  public PublishException(String message, boolean temporary, Throwable cause) {
    super(temporary ? Kind.UNAVAILABLE : Kind.PROBLEM, message, cause);
  }

  private PublishException(Kind kind, String message, List<Problem> problems, Throwable cause) {
    super(kind, message, problems, cause);
  }

  public static PublishException problem(String message) {
    return new PublishException(message, false, null);
  }

  /**
   * Something the user must fix, found by check or the renderer; the problems are printed first.
   */
  static PublishException problem(String message, List<Problem> problems) {
    return new PublishException(Kind.PROBLEM, message, problems, null);
  }

  /** The command line names something that is not there: a launch, a case study, a person. */
  static PublishException usage(String message) {
    return new PublishException(Kind.USAGE, message, List.of(), null);
  }

  public boolean temporary() {
    return kind() == Kind.UNAVAILABLE;
  }
}
