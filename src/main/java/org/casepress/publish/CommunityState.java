package org.casepress.publish;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the community took a published record in, as Zenodo said when last asked: the record's
 * communities and its inclusion requests, never what we hoped for.
 *
 * @param requestId the inclusion request on Zenodo, when there is one
 * @param reason why it is not in the community, in Zenodo's words where it gave any; null when it
 *     is in or pending
 * @param readAt when Zenodo was last read for it; null in ledgers written before it was recorded
 */
public record CommunityState(Inclusion inclusion, String requestId, String reason, Instant readAt) {

  /** The states a record's inclusion can be in, as the ledger stores them (lower case). */
  public enum Inclusion {
    /** The record's metadata lists the community. */
    ACCEPTED,
    /** An open request waits for a curator. */
    PENDING,
    /** A curator declined the request. */
    DECLINED,
    /** The request closed without a decision. */
    EXPIRED,
    /** Zenodo refused to file the request (the reason says why), or it was cancelled. */
    FAILED,
    /** No request exists: no community is configured, or the request step did not run. */
    NOT_REQUESTED,
    /** Not read back from Zenodo (an answer was lost, or a ledger older than this field). */
    UNKNOWN;

    /** As stored in the ledger: {@code accepted}, {@code not_requested}... */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Inclusion> parse(String id) {
      for (Inclusion i : values()) {
        if (i.id().equalsIgnoreCase(id)) {
          return Optional.of(i);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A published record whose ledger holds no community state: the step after publishing, which asks
   * for inclusion, has not run (the run stopped in between).
   */
  public static final CommunityState UNREAD =
      new CommunityState(
          Inclusion.NOT_REQUESTED,
          null,
          "the step after publishing has not run; run the same release again to finish it",
          null);

  public Optional<String> request() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The state in words, without the request: "in the community", "pending: awaiting the curators",
   * "declined by the curators", "not requested: metadata/community.yaml names no community". Every
   * place that shows the state uses this and adds the request's link itself.
   */
  public String words() {
    String said =
        switch (inclusion) {
          case ACCEPTED -> "in the community";
          case PENDING -> "pending: awaiting the curators";
          case DECLINED -> "declined by the curators";
          case EXPIRED -> "expired: the request closed without a decision";
          case FAILED -> "failed";
          case NOT_REQUESTED -> "not requested";
          case UNKNOWN -> "not known";
        };
    return reason == null || reason.isBlank() ? said : said + " (" + reason + ")";
  }

  /** The state in words with the request id, for a terminal: no link to follow there. */
  public String line() {
    return requestId == null ? words() : words() + ", request " + requestId;
  }

  /** The same state read again at {@code time}: only the time changes. */
  boolean sameAs(CommunityState other) {
    return other != null
        && inclusion == other.inclusion
        && java.util.Objects.equals(requestId, other.requestId)
        && java.util.Objects.equals(reason, other.reason);
  }
}
