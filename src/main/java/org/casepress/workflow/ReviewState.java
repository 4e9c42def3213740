package org.casepress.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The editorial state of a case study (docs/workflow.md#states). Staged is not among them: it is a
 * per-target publication state, kept in the target ledgers of status.json.
 */
public enum ReviewState {
  DRAFT("draft", "a draft"),
  SUBMITTED("submitted", "submitted"),
  IN_REVIEW("in-review", "in review"),
  CHANGES_REQUESTED("changes-requested", "back with its authors for changes"),
  APPROVED("approved", "approved"),
  WITHDRAWN("withdrawn", "withdrawn"),
  PUBLISHED("published", "published");

  private final String id;
  private final String phrase;

  ReviewState(String id, String phrase) {
    this.id = id;
    this.phrase = phrase;
  }

  /** The name in status.json and on the command line, e.g. {@code in-review}. */
  @JsonValue
  public String id() {
    return id;
  }

  /** How a sentence says it: "'x' is in review". */
  String phrase() {
    return phrase;
  }

  public static Optional<ReviewState> parse(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }

  static String allIds() {
    return Arrays.stream(values()).map(ReviewState::id).collect(Collectors.joining(", "));
  }
}
