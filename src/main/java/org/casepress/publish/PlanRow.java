package org.casepress.publish;

/**
 * What stage and release would do for one case study on one target, and how many requests it would
 * send. Computed from the state files alone: planning sends nothing.
 */
public record PlanRow(String slug, int version, Action action, int requests, String note) {

  /** The kinds of thing a run can do to one case study version. */
  public enum Action {
    CREATE,
    NEW_VERSION,
    RESUME,
    UPDATE,
    PUBLISH,
    NOTHING;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }
}
