package org.casepress.publish;

/** What staging one case study did. */
public enum StageOutcome {
  CREATED,
  NEW_VERSION,
  RESUMED,
  UPDATED,
  ALREADY_STAGED,
  ALREADY_PUBLISHED
}
