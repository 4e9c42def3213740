package org.casepress.publish;

/**
 * A case study's step whose outcome Zenodo does not show yet, within its bound: the batch sets the
 * case study aside and comes back to it (see {@link Batch}). Never leaves the batch: it is a state
 * of the run, not a failure, so it carries no stack trace.
 */
final class Unresolved extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Progress.Wait wait;

  Unresolved(Progress.Wait wait) {
    super(wait.line(), null, false, false);
    this.wait = wait;
  }

  Progress.Wait waitState() {
    return wait;
  }
}
