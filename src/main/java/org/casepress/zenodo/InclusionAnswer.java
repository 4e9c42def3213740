package org.casepress.zenodo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code POST /api/records/{id}/communities}: per community, either processed (a
 * request now exists, or the record was included at once) or an error with Zenodo's reason
 * ("Community not found.", "The record is already included in this community.").
 */
public record InclusionAnswer(List<Processed> processed, List<Failed> errors) {
  public InclusionAnswer {
    processed = List.copyOf(processed);
    errors = List.copyOf(errors);
  }

  /** {@code request} is absent when the server gave no request (included without review). */
  public record Processed(String community, String requestId, CommunityRequest request) {}

  public record Failed(String community, String message) {}

  static InclusionAnswer parse(JsonNode root, Redactor redactor) {
    List<Processed> processed = new ArrayList<>();
    for (JsonNode p : root.path("processed")) {
      JsonNode request = p.path("request");
      processed.add(
          new Processed(
              p.path("community_id").asText(p.path("community").asText("")),
              p.path("request_id").asText(request.path("id").asText("")),
              request.isObject() ? CommunityRequest.parse(request) : null));
    }
    List<Failed> errors = new ArrayList<>();
    for (JsonNode e : root.path("errors")) {
      errors.add(
          new Failed(
              e.path("community").asText(e.path("community_id").asText("")),
              redactor.redact(e.path("message").asText(""))));
    }
    return new InclusionAnswer(processed, errors);
  }
}
