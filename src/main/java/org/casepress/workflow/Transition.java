package org.casepress.workflow;

import java.util.Arrays;
import java.util.Optional;

/** A step of the review workflow, named as its command (docs/workflow.md). */
public enum Transition {
  SUBMIT("submit", "submitted"),
  START_REVIEW("start-review", "taken into review"),
  REQUEST_CHANGES("request-changes", "sent back for changes"),
  APPROVE("approve", "approved"),
  WITHDRAW("withdraw", "withdrawn"),
  RESTORE("restore", "restored"),
  REOPEN("reopen", "reopened");

  private final String id;
  private final String pastParticiple;

  Transition(String id, String pastParticiple) {
    this.id = id;
    this.pastParticiple = pastParticiple;
  }

  /** The command name, e.g. {@code start-review}. */
  public String id() {
    return id;
  }

  /** "it cannot be approved now", "it cannot be taken into review now". */
  String pastParticiple() {
    return pastParticiple;
  }

  public static Optional<Transition> parse(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
