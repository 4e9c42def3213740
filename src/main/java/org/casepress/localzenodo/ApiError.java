package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Ends a request with Zenodo's JSON error body. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String NOT_FOUND = "The persistent identifier does not exist.";
  static final String NO_ROUTE =
      "The requested URL was not found on the server. If you entered the URL manually please check"
          + " your spelling and try again.";
  static final String DENIED = "Permission denied.";
  static final String VALIDATION = "A validation error occurred.";

  final transient Reply reply;

  ApiError(Reply reply) {
    super(null, null, false, false);
    this.reply = reply;
  }

  static ApiError of(int status, String message) {
    ObjectNode body = Store.MAPPER.createObjectNode();
    body.put("status", status);
    body.put("message", message);
    return new ApiError(Reply.json(status, body));
  }

  static ApiError notFound() {
    return of(404, NOT_FOUND);
  }

  static ApiError denied() {
    return of(403, DENIED);
  }

  /** 400 with {@code errors: [{field, messages: [...]}]}, fields in insertion order. */
  static ApiError validation(Map<String, List<String>> errors) {
    ObjectNode body = Store.MAPPER.createObjectNode();
    body.put("status", 400);
    body.put("message", VALIDATION);
    ArrayNode list = body.putArray("errors");
    errors.forEach(
        (field, messages) -> {
          ObjectNode e = list.addObject();
          e.put("field", field);
          messages.forEach(e.putArray("messages")::add);
        });
    return new ApiError(Reply.json(400, body));
  }
}
