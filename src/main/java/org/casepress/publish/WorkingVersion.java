package org.casepress.publish;

import org.casepress.workflow.StatusFile;

/**
 * The version of a case study one target works on. Normally the case study's own, from status.json;
 * after a rehearsal's reopen on local or sandbox, the later version that reopen opened there, while
 * status.json (the review state, shared with production) stays where it is (docs/publishing.md,
 * "Rehearsing a new version").
 *
 * @param number the version staged and released on this target
 * @param rehearsal whether it is a rehearsal's own version, ahead of the review: it is staged from
 *     the files as they are when check passes, since no review of it exists yet
 */
record WorkingVersion(int number, boolean rehearsal) {

  static WorkingVersion of(StatusFile status, Ledger ledger) {
    int number = ledger.workingVersion(status.version());
    return new WorkingVersion(number, number > status.version());
  }

  /**
   * The content digest a stage of this version pins, and a release requires unchanged: the
   * approval's, or for a rehearsal's version the files as they are now.
   */
  String digestToStage(StatusFile status, String filesNow) {
    return rehearsal ? filesNow : status.approvedDigest();
  }
}
