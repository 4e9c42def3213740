package org.casepress.publish;

import java.time.Duration;

/**
 * Tells the person at the launch where things are: which case study, which step, how many, and
 * which case study waits for what while the others go on. The library never prints; a front-end
 * does.
 */
@FunctionalInterface
public interface Progress {
  Progress SILENT = (index, total, slug, step) -> {};

  /** {@code index} counts from 1 up to {@code total}. */
  void step(int index, int total, String slug, String step);

  /**
   * A case study's step is not resolved yet (an answer was lost and Zenodo does not show the
   * outcome yet): it is set aside, the others go on, and it is looked at again until {@code bound}.
   * Called at every look.
   */
  default void waiting(Wait wait) {}

  /**
   * One look at an unresolved step.
   *
   * @param waitingFor what the case study waits for, e.g. "Zenodo to show the deposition it may
   *     have created"
   * @param elapsed since the answer was found missing
   * @param bound how long casepress waits before it acts on what it knows
   */
  record Wait(String slug, String waitingFor, Duration elapsed, Duration bound) {
    /** "northmoor: waiting for Zenodo to show ... (12 s of 30 s)" */
    public String line() {
      return slug
          + ": waiting for "
          + waitingFor
          + " ("
          + elapsed.toSeconds()
          + " s of "
          + bound.toSeconds()
          + " s)";
    }
  }
}
