package org.casepress.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A hostile or broken Zenodo for MockWebServer: every answer is an error (or a garbled success)
 * that echoes the request's headers, {@code Authorization: Bearer ...} included, into its JSON
 * message, field errors, HTML page and response headers. Whatever casepress prints, logs, stores or
 * throws after talking to it must not contain the token.
 */
public final class HeaderEcho extends Dispatcher {
  /** The shapes the echo comes in. */
  public enum Shape {
    JSON_400,
    JSON_403,
    JSON_404,
    HTML_500,
    GARBLED_200
  }

  private volatile Shape shape;

  public HeaderEcho(Shape shape) {
    this.shape = shape;
  }

  public void answerWith(Shape shape) {
    this.shape = shape;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String headers = request.getHeaders().toString();
    String auth = String.valueOf(request.getHeaders().get("Authorization"));
    String quoted = JsonNodeFactory.instance.textNode(headers).toString();
    MockResponse.Builder b =
        new MockResponse.Builder()
            .addHeader("X-Echo-Authorization", auth)
            .addHeader("Retry-After", "0");
    return switch (shape) {
      case JSON_400 ->
          b.code(400)
              .addHeader("Content-Type", "application/json")
              .body(
                  "{\"status\":400,\"message\":"
                      + quoted
                      + ",\"errors\":[{\"field\":\"metadata.title\",\"messages\":["
                      + quoted
                      + "]},{\"field\":"
                      + quoted
                      + ",\"message\":"
                      + JsonNodeFactory.instance.textNode("?access_token=" + auth)
                      + "}]}")
              .build();
      case JSON_403 ->
          b.code(403)
              .addHeader("Content-Type", "application/json")
              .body("{\"status\":403,\"message\":" + quoted + "}")
              .build();
      case JSON_404 ->
          b.code(404)
              .addHeader("Content-Type", "application/json")
              .body(
                  "{\"message\":"
                      + JsonNodeFactory.instance.textNode("not found for " + auth)
                      + "}")
              .build();
      case HTML_500 ->
          b.code(500)
              .addHeader("Content-Type", "text/html")
              .body(
                  "<html><head><title>Error "
                      + headers
                      + "</title></head><body><pre>"
                      + headers
                      + "</pre></body></html>")
              .build();
      case GARBLED_200 ->
          b.code(200)
              .addHeader("Content-Type", "application/json")
              .body("{\"id\": " + auth + " " + headers)
              .build();
    };
  }
}
