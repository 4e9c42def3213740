package org.casepress.zenodo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * {@code GET /api/communities/<slug>}: its id (a UUID on Zenodo), slug, title and who may include
 * records without a curator's review (docs/zenodo.md#communities).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Community(String id, String slug, JsonNode metadata, JsonNode access) {
  /** {@code access.review_policy}: who may include a record without a curator accepting it. */
  public enum ReviewPolicy {
    /** Curators, managers and owners include directly; everyone else waits for review. */
    OPEN,
    /** Every member includes directly. */
    MEMBERS,
    /** Every inclusion waits for a curator. */
    CLOSED,
    /** The server did not say. */
    UNKNOWN;

    static ReviewPolicy of(String value) {
      return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
        case "open" -> OPEN;
        case "members" -> MEMBERS;
        case "closed" -> CLOSED;
        default -> UNKNOWN;
      };
    }
  }

  public String title() {
    return metadata == null ? "" : metadata.path("title").asText("");
  }

  public ReviewPolicy reviewPolicy() {
    return ReviewPolicy.of(access == null ? null : access.path("review_policy").asText(null));
  }
}
