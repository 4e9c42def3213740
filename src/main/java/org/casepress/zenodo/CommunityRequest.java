package org.casepress.zenodo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A request to include a record in a community, from {@code GET /api/records/{id}/requests} or the
 * answer of accept and decline. {@code community} is the receiving community's id as the server
 * gives it (a UUID on Zenodo).
 */
public record CommunityRequest(String id, Status status, String type, String community) {
  /** The request's life (invenio-requests): open while submitted, then one of the outcomes. */
  public enum Status {
    CREATED,
    SUBMITTED,
    ACCEPTED,
    DECLINED,
    CANCELLED,
    EXPIRED,
    DELETED,
    UNKNOWN;

    static Status of(String value) {
      try {
        return valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        return UNKNOWN;
      }
    }
  }

  /** Waiting for a curator: the only state in which "pending" is true. */
  public boolean open() {
    return status == Status.SUBMITTED || status == Status.CREATED;
  }

  static CommunityRequest parse(JsonNode node) {
    return new CommunityRequest(
        node.path("id").asText(""),
        Status.of(node.path("status").asText(null)),
        node.path("type").asText(""),
        node.path("receiver").path("community").asText(""));
  }
}
