package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer: status, headers and either bytes or a file to stream. */
record Reply(int status, String contentType, byte[] body, Path file, Map<String, String> headers) {
  static Reply json(int status, JsonNode node) {
    return new Reply(status, "application/json", Store.bytes(node), null, new LinkedHashMap<>());
  }

  static Reply empty(int status) {
    return new Reply(status, null, new byte[0], null, new LinkedHashMap<>());
  }

  static Reply html(int status, String reason) {
    String page =
        "<html><head><title>"
            + status
            + " "
            + reason
            + "</title></head><body><center><h1>"
            + status
            + " "
            + reason
            + "</h1></center><hr><center>nginx</center></body></html>\n";
    return new Reply(
        status, "text/html", page.getBytes(StandardCharsets.UTF_8), null, new LinkedHashMap<>());
  }

  static Reply file(Path file, String contentType) {
    return new Reply(200, contentType, null, file, new LinkedHashMap<>());
  }

  /** The body as JSON ({@code {}} when it is not). */
  JsonNode json() {
    try {
      return Store.MAPPER.readTree(body);
    } catch (java.io.IOException | RuntimeException e) {
      return Store.MAPPER.createObjectNode();
    }
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
