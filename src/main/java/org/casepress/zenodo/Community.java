package org.casepress.zenodo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /api/communities/<slug>}: enough to tell that it exists and what it is called. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Community(String id, String slug, JsonNode metadata) {
  public String title() {
    return metadata == null ? "" : metadata.path("title").asText("");
  }
}
