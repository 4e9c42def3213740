package org.casepress.zenodo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Link maps hold strings, except {@code thumbs}, which is an object: read only textual ones. */
final class Links {
  private Links() {}

  static Optional<String> text(Map<String, JsonNode> links, String name) {
    JsonNode node = links.get(name);
    return node != null && node.isTextual() && !node.asText().isEmpty()
        ? Optional.of(node.asText())
        : Optional.empty();
  }

  static Map<String, JsonNode> orEmpty(Map<String, JsonNode> links) {
    return links == null ? Map.of() : Map.copyOf(links);
  }
}
