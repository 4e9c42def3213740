package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Raw HTTP against the embedded server, independent of casepress's client: these contract tests pin
 * the wire format a client meets, as zenodo.org serves it.
 */
final class Api {
  private static final OkHttpClient HTTP =
      new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
  private static final MediaType JSON = MediaType.get("application/json");

  /** Status, body as JSON (null if not JSON) and as text. */
  record Answer(int status, JsonNode json, String text) {}

  private final LocalZenodo server;
  private final String token;

  Api(LocalZenodo server, String token) {
    this.server = server;
    this.token = token;
  }

  Api(LocalZenodo server) {
    this(server, null);
  }

  Answer get(String path) throws IOException {
    return send(request(path).get());
  }

  Answer post(String path, JsonNode body) throws IOException {
    return send(request(path).post(RequestBody.create(bytes(body), JSON)));
  }

  Answer post(String path) throws IOException {
    return send(request(path).post(RequestBody.create(new byte[0], JSON)));
  }

  Answer put(String path, JsonNode body) throws IOException {
    return send(request(path).put(RequestBody.create(bytes(body), JSON)));
  }

  /** A bucket upload to an absolute link, as a client takes it from {@code links.bucket}. */
  Answer upload(String bucketLink, String key, byte[] content) throws IOException {
    return send(
        authorised(new Request.Builder().url(bucketLink + "/" + key))
            .put(RequestBody.create(content, MediaType.get("application/octet-stream"))));
  }

  /** Creates a draft with {@code metadata}, expecting 201. */
  JsonNode create(ObjectNode metadata) throws IOException {
    ObjectNode body = Store.MAPPER.createObjectNode();
    body.set("metadata", metadata);
    Answer a = post("/deposit/depositions", body);
    if (a.status() != 201) {
      throw new AssertionError("create answered " + a.status() + ": " + a.text());
    }
    return a.json();
  }

  /** Creates, uploads one file and publishes, expecting 202; returns the published deposition. */
  JsonNode publish(ObjectNode metadata) throws IOException {
    JsonNode d = create(metadata);
    upload(d.path("links").path("bucket").asText(), "case-study.pdf", "%PDF-1.7".getBytes());
    Answer p = post("/deposit/depositions/" + d.path("id").asLong() + "/actions/publish");
    if (p.status() != 202) {
      throw new AssertionError("publish answered " + p.status() + ": " + p.text());
    }
    return p.json();
  }

  private Request.Builder request(String path) {
    return authorised(new Request.Builder().url(server.apiUrl() + path));
  }

  private Request.Builder authorised(Request.Builder b) {
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private static Answer send(Request.Builder b) throws IOException {
    try (Response r = HTTP.newCall(b.build()).execute()) {
      String text = r.body().string();
      JsonNode json;
      try {
        json = text.isEmpty() ? null : Store.MAPPER.readTree(text);
      } catch (IOException e) {
        json = null;
      }
      return new Answer(r.code(), json, text);
    }
  }

  private static byte[] bytes(JsonNode body) {
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Metadata that publishes: everything publish requires, in the legacy form. */
  static ObjectNode metadata(String title) {
    ObjectNode m = Store.MAPPER.createObjectNode();
    m.put("title", title);
    m.put("upload_type", "publication");
    m.put("publication_type", "report");
    m.put("description", "<p>What we learned.</p>");
    m.putArray("creators").addObject().put("name", "Doe, Jane").put("orcid", "0000-0002-1825-0097");
    return m;
  }

  /** Adds a related identifier. */
  static ObjectNode related(ObjectNode m, String identifier, String relation) {
    m.withArray("related_identifiers")
        .addObject()
        .put("identifier", identifier)
        .put("relation", relation);
    return m;
  }

  /** A clock the test moves on. */
  static final class TestClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-10T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
