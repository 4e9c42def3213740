package org.casepress.zenodo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.localzenodo.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's answers next to the recorded real answers to the same call: same fields,
 * same JSON types, same state values and checksum forms, for everything the client reads.
 */
@Timeout(60)
class LocalZenodoFidelityTest {

  /** Zenodo's one-second index refresh off: these tests list right after writing. */
  static Options instantIndex() {
    return Options.defaults().withIndexLag(Duration.ZERO);
  }

  /** Fields the client's {@link Deposition} reads. */
  private static final Set<String> DEPOSITION_FIELDS =
      Set.of(
          "id",
          "record_id",
          "conceptrecid",
          "doi",
          "conceptdoi",
          "doi_url",
          "title",
          "state",
          "submitted",
          "metadata",
          "links",
          "files",
          "owner",
          "created",
          "modified");

  @TempDir Path dir;
  LocalZenodo server;
  final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() throws Exception {
    server = LocalZenodo.start(dir.resolve("z"), 0, instantIndex());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode call(String method, String url, String body, String type, int expected)
      throws Exception {
    RequestBody rb = body == null ? null : RequestBody.create(body.getBytes(), MediaType.get(type));
    if (rb == null && method.equals("POST")) {
      rb = RequestBody.create(new byte[0], null);
    }
    try (Response r =
        http.newCall(new Request.Builder().url(url).method(method, rb).build()).execute()) {
      assertEquals(expected, r.code(), method + " " + url);
      assertEquals("application/json", r.header("Content-Type"));
      for (String h :
          new String[] {
            "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"
          }) {
        assertTrue(r.header(h) != null, h + " on every response");
      }
      return Json.MAPPER.readTree(r.body().string());
    }
  }

  /** A recorded real response, copied under src/test/resources (see its SOURCES.md). */
  private static JsonNode fixture(String name) throws Exception {
    try (var in =
        LocalZenodoFidelityTest.class.getResourceAsStream("/localzenodo/responses/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no recorded response " + name + " in test resources");
      }
      return Json.MAPPER.readTree(in);
    }
  }

  private static final String SAMPLE_METADATA =
      "{\"metadata\": {\"title\": \"New Title\", \"upload_type\": \"other\","
          + " \"description\": \"This is the description\", \"access_right\": \"closed\","
          + " \"creators\": [{\"name\": \"A. Person\"}, {\"name\": \"B. Person\"}],"
          + " \"keywords\": [\"one\", \"two\", \"three\"]}}";

  @Test
  void createWithMetadataMatchesRecording() throws Exception {
    JsonNode ours =
        call(
            "POST",
            server.apiUrl() + "/deposit/depositions",
            SAMPLE_METADATA,
            "application/json",
            201);
    JsonNode real = fixture("rdm-sandbox-2025-12_deposit-create-with-metadata_201.json");
    assertSameShape(real, ours, DEPOSITION_FIELDS, "");
    assertEquals(keys(real.path("links")), keys(ours.path("links")));
    assertEquals(
        real.path("metadata").path("access_right"),
        ours.path("metadata").path("access_right"),
        "closed becomes restricted");
    assertSameShape(
        real.path("metadata").path("creators").get(0),
        ours.path("metadata").path("creators").get(0),
        null,
        "creators[0]");
    assertSameShape(
        real.path("metadata").path("prereserve_doi"),
        ours.path("metadata").path("prereserve_doi"),
        null,
        "prereserve_doi");
    assertTrue(
        ours.path("metadata")
            .path("prereserve_doi")
            .path("doi")
            .asText()
            .startsWith("10.5281/zenodo."));
    assertEquals(
        keys(real.path("metadata")).size() - 1,
        keys(ours.path("metadata")).size(),
        "all but the client's notes");
    assertEquals(real.path("state"), ours.path("state"));
    assertEquals(real.path("submitted"), ours.path("submitted"));
    assertEquals(real.path("title"), ours.path("title"));
    assertEquals(
        "",
        call(
                "GET",
                server.apiUrl() + "/deposit/depositions/" + ours.path("id").asLong(),
                null,
                null,
                200)
            .path("links")
            .path("badge")
            .asText()
            .replaceAll(".*/badge/doi/(.*)\\.svg", "$1"));
  }

  @Test
  void draftWithFilesAndBucketPutMatchRecordings() throws Exception {
    JsonNode created =
        call(
            "POST",
            server.apiUrl() + "/deposit/depositions",
            SAMPLE_METADATA,
            "application/json",
            201);
    String bucket = created.path("links").path("bucket").asText();
    byte[] csv = "a,b\n1,2\n".getBytes();
    JsonNode put =
        call("PUT", bucket + "/data.csv", new String(csv), "application/octet-stream", 201);
    JsonNode realPut = fixture("rdm-sandbox-2025-12_bucket-put_201.json");
    assertSameShape(realPut, put, null, "bucket object");
    assertEquals(keys(realPut.path("links")), keys(put.path("links")));
    assertEquals("text/csv", put.path("mimetype").asText());
    assertTrue(put.path("checksum").asText().matches("md5:[0-9a-f]{32}"));
    assertTrue(put.path("links").path("version").asText().contains("?version_id="));
    assertTrue(put.path("links").path("uploads").asText().endsWith("?uploads=1"));
    call("PUT", bucket + "/data2.csv", new String(csv), "application/octet-stream", 201);

    JsonNode ours =
        call(
            "GET",
            server.apiUrl() + "/deposit/depositions/" + created.path("id").asLong(),
            null,
            null,
            200);
    JsonNode real = fixture("rdm-sandbox-2025-12_deposit-get-draft-with-files_200.json");
    // The recording has a DOI only because that client copied prereserve_doi into metadata.doi.
    Set<String> fields = new TreeSet<>(DEPOSITION_FIELDS);
    fields.removeAll(Set.of("doi", "doi_url"));
    assertSameShape(real, ours, fields, "");
    assertEquals(2, ours.path("files").size());
    assertSameShape(real.path("files").get(0), ours.path("files").get(0), null, "files[0]");
    assertSameShape(
        real.path("files").get(0).path("links"),
        ours.path("files").get(0).path("links"),
        null,
        "files[0].links");
    assertTrue(ours.path("files").get(0).path("checksum").asText().matches("[0-9a-f]{32}"));
  }

  @Test
  void publishedMatchesRecording() throws Exception {
    String body =
        "{\"metadata\": {\"title\": \"Testing\", \"upload_type\": \"dataset\", \"description\":"
            + " \"d\", \"creators\": [{\"name\": \"Fitzgerald, Will\", \"affiliation\": \"EDGI\"}],"
            + " \"keywords\": [\"rmp\"]}}";
    JsonNode created =
        call("POST", server.apiUrl() + "/deposit/depositions", body, "application/json", 201);
    call(
        "PUT",
        created.path("links").path("bucket").asText() + "/michigan.zip",
        "zip",
        "application/octet-stream",
        201);
    JsonNode ours =
        call(
            "POST",
            server.apiUrl()
                + "/deposit/depositions/"
                + created.path("id").asLong()
                + "/actions/publish",
            null,
            null,
            202);
    JsonNode real = fixture("rdm-sandbox-2024-12_deposit-published-done.json");
    assertSameShape(real, ours, DEPOSITION_FIELDS, "");
    Set<String> realLinks = keys(real.path("links"));
    realLinks.remove("registerconceptdoi"); // gone from responses by 2025-12
    assertEquals(realLinks, keys(ours.path("links")));
    assertEquals("done", ours.path("state").asText());
    assertTrue(ours.path("submitted").asBoolean());
    assertEquals(
        "cc-zero", ours.path("metadata").path("license").asText(), "dataset default licence");
    assertTrue(ours.path("doi").asText().startsWith("10.5072/zenodo."));
    assertTrue(ours.path("links").path("self").asText().contains("/api/records/"));
    assertTrue(
        ours.path("files")
            .get(0)
            .path("links")
            .path("download")
            .asText()
            .contains("/draft/files/"));
    assertSameShape(real.path("files").get(0), ours.path("files").get(0), null, "files[0]");

    JsonNode record =
        call("GET", server.apiUrl() + "/records/" + created.path("id").asLong(), null, null, 200);
    JsonNode realRecord = fixture("rdm-sandbox-2024-09_records-get-zenodojson_200.json");
    Set<String> recordFields =
        Set.of(
            "id",
            "recid",
            "conceptrecid",
            "doi",
            "conceptdoi",
            "doi_url",
            "title",
            "status",
            "state",
            "submitted",
            "revision",
            "metadata",
            "links",
            "files",
            "created",
            "modified",
            "updated");
    assertSameShape(realRecord, record, recordFields, "record");
    assertSameShape(
        realRecord.path("files").get(0), record.path("files").get(0), null, "record files[0]");
    assertEquals(JsonNodeType.OBJECT, record.path("metadata").path("resource_type").getNodeType());
  }

  @Test
  void listMatchesRecording() throws Exception {
    call(
        "POST", server.apiUrl() + "/deposit/depositions", SAMPLE_METADATA, "application/json", 201);
    JsonNode ours = call("GET", server.apiUrl() + "/deposit/depositions", null, null, 200);
    JsonNode real = fixture("rdm-sandbox-2025-12_deposit-list_200.json");
    assertTrue(ours.isArray());
    Set<String> fields = new TreeSet<>(DEPOSITION_FIELDS);
    fields.removeAll(Set.of("doi", "doi_url"));
    assertSameShape(real.get(0), ours.get(0), fields, "list[0]");
  }

  @Test
  void errorsHaveTheCurrentShape() throws Exception {
    JsonNode notFound = call("GET", server.apiUrl() + "/deposit/depositions/999", null, null, 404);
    assertEquals(Set.of("status", "message"), keys(notFound));
    JsonNode created =
        call("POST", server.apiUrl() + "/deposit/depositions", "{}", "application/json", 201);
    assertEquals(
        keys(fixture("rdm-prod-2023-12_deposit-create-empty_201.json").path("metadata")),
        keys(created.path("metadata")));
    call(
        "PUT",
        created.path("links").path("bucket").asText() + "/a.txt",
        "x",
        "application/octet-stream",
        201);
    call(
        "POST",
        server.apiUrl()
            + "/deposit/depositions/"
            + created.path("id").asLong()
            + "/actions/publish",
        null,
        null,
        400);
    // Published once, a draft holding files blocks newversion with the recorded error.
    String full =
        "{\"metadata\": {\"title\": \"Title\", \"upload_type\": \"other\", \"creators\":"
            + " [{\"name\": \"A, B\"}]}}";
    JsonNode d =
        call("POST", server.apiUrl() + "/deposit/depositions", full, "application/json", 201);
    long id = d.path("id").asLong();
    call(
        "PUT",
        d.path("links").path("bucket").asText() + "/a.txt",
        "x",
        "application/octet-stream",
        201);
    call(
        "POST",
        server.apiUrl() + "/deposit/depositions/" + id + "/actions/publish",
        null,
        null,
        202);
    call(
        "POST",
        server.apiUrl() + "/deposit/depositions/" + id + "/actions/newversion",
        null,
        null,
        201);
    JsonNode error =
        call(
            "POST",
            server.apiUrl() + "/deposit/depositions/" + id + "/actions/newversion",
            null,
            null,
            400);
    assertEquals(fixture("error-rdm-prod-2026-04_newversion-draft-has-files_400.json"), error);
  }

  /** Same keys (restricted to {@code fields} if given) with the same JSON node types. */
  private static void assertSameShape(
      JsonNode real, JsonNode ours, Set<String> fields, String where) {
    Set<String> realKeys = keys(real);
    Set<String> ourKeys = keys(ours);
    if (fields != null) {
      realKeys.retainAll(fields);
      ourKeys.retainAll(fields);
    }
    assertEquals(realKeys, ourKeys, where + ": field names");
    for (String k : realKeys) {
      JsonNodeType a = real.get(k).getNodeType();
      JsonNodeType b = ours.get(k).getNodeType();
      assertEquals(a, b, where + "." + k + ": JSON type");
    }
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> s = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      s.add(it.next());
    }
    return s;
  }
}
