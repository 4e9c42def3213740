package org.casepress.workflow;

import java.util.List;
import org.casepress.model.Problem;

/** {@code check} found errors in a case study that was being submitted or approved. */
final class CheckFailedException extends WorkflowException {

  /**
   * @param problems every problem found in the case study and the metadata, errors and warnings
   */
  CheckFailedException(String message, List<Problem> problems) {
    super(message, problems);
  }
}
