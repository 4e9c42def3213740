package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.casepress.localzenodo.Options.Account;

/**
 * One request as the resources see it: the route and its path parameters, the query, the caller's
 * account and, for JSON routes, the body already read (so that a late fault can carry the request
 * out after the connection is gone). {@code unindexed}: what it creates must never be indexed.
 */
record Call(
    Route route,
    List<String> params,
    Map<String, String> query,
    Headers headers,
    byte[] json,
    InputStream body,
    Account account,
    boolean authenticated,
    boolean unindexed) {

  String param(int i) {
    return params.get(i);
  }

  String header(String name) {
    return headers.getFirst(name);
  }

  Call unindexed(boolean value) {
    return new Call(route, params, query, headers, json, body, account, authenticated, value);
  }

  /** The JSON body; an absent or empty body is {@code {}}, like Zenodo's default. */
  JsonNode jsonBody() {
    if (json == null || json.length == 0) {
      return Store.MAPPER.createObjectNode();
    }
    try {
      return Store.MAPPER.readTree(json);
    } catch (IOException e) {
      throw ApiError.of(400, "Unable to decode JSON data in request body.");
    }
  }

  /** Zenodo's proxy refuses chunked bodies; we insist on a Content-Length too. */
  long contentLength() {
    return contentLength(headers);
  }

  static long contentLength(Headers headers) {
    String te = headers.getFirst("Transfer-Encoding");
    String cl = headers.getFirst("Content-Length");
    if (te != null || cl == null) {
      throw ApiError.of(411, "Length Required: send a Content-Length, not a chunked body.");
    }
    try {
      return Long.parseLong(cl.strip());
    } catch (NumberFormatException e) {
      throw ApiError.of(400, "Invalid Content-Length.");
    }
  }

  int intParam(String name, int fallback) {
    try {
      return query.containsKey(name) ? Integer.parseInt(query.get(name)) : fallback;
    } catch (NumberFormatException e) {
      throw ApiError.of(400, "Invalid querystring parameters.");
    }
  }
}
