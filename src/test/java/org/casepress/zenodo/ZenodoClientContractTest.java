package org.casepress.zenodo;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What goes over the wire, and what each failure class becomes; bodies are real responses. */
@Timeout(30)
class ZenodoClientContractTest {
  private static final String TOKEN = "s3cret-test-token";

  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();
  @TempDir Path tmp;

  private Target target() {
    return new Target("sandbox", server.url("/api"), "ZENODO_SANDBOX_TOKEN");
  }

  private ZenodoClient.Builder builder() {
    return ZenodoClient.builder(target())
        .env(Map.of("ZENODO_SANDBOX_TOKEN", TOKEN))
        .sleeper(sleeper)
        .random(new Random(42))
        .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
        .maxAttempts(3);
  }

  private ZenodoClient client() {
    return builder().build();
  }

  private static MockResponse json(int code, String body) {
    return Answers.json(code, body);
  }

  private static MockResponse html(int code, String title) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "text/html")
        .body(
            "<html><head><title>"
                + title
                + "</title></head><body><h1>"
                + title
                + "</h1></body></html>")
        .build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(1, SECONDS);
    assertNotNull(r, "expected a request");
    return r;
  }

  private static void assertCommonHeaders(RecordedRequest r) {
    assertEquals("Bearer " + TOKEN, r.getHeaders().get("Authorization"));
    assertTrue(r.getHeaders().get("User-Agent").startsWith("casepress/"), "identifying User-Agent");
    assertNull(r.getHeaders().get("Transfer-Encoding"), "never chunked");
    assertFalse(r.getUrl().encodedPath().endsWith("/"), "no trailing slash");
  }

  private static JsonNode tree(RecordedRequest r) throws IOException {
    return Json.MAPPER.readTree(r.getBody().utf8());
  }

  private static ObjectNode metadata() {
    ObjectNode m = Json.MAPPER.createObjectNode();
    m.put("title", "New Title");
    m.put("upload_type", "other");
    m.putArray("creators").addObject().put("name", "Person, A.");
    return m;
  }

  // ---- successful calls

  @Test
  void createSendsExactJsonContentTypeAndParsesDeposition() throws Exception {
    server.enqueue(
        json(201, Fixtures.read("rdm-sandbox-2025-12_deposit-create-with-metadata_201.json")));
    Deposition d = client().create(metadata());

    RecordedRequest r = take();
    assertEquals("POST", r.getMethod());
    assertEquals("/api/deposit/depositions", r.getUrl().encodedPath());
    assertEquals("application/json", r.getHeaders().get("Content-Type"), "no charset parameter");
    assertEquals(Long.toString(r.getBodySize()), r.getHeaders().get("Content-Length"));
    assertCommonHeaders(r);
    ObjectNode expected = Json.MAPPER.createObjectNode();
    expected.set("metadata", metadata());
    assertEquals(expected, tree(r));

    assertEquals(412011, d.id());
    assertEquals("412010", d.conceptrecid());
    assertEquals(DepositionState.UNSUBMITTED, d.state());
    assertFalse(d.submitted());
    assertEquals("10.5281/zenodo.412011", d.prereservedDoi().orElseThrow());
    assertTrue(d.bucketUrl().orElseThrow().endsWith("f04aa88e-ee6b-4fd2-af38-9fe9bf54710b"));
    assertTrue(d.metadata().path("creators").get(0).path("affiliation").isNull());
  }

  @Test
  void updatePutsFullMetadataAndListUsesQueryWithoutTrailingSlash() throws Exception {
    server.enqueue(json(200, Fixtures.read("rdm-sandbox-2025-12_deposit-put-embargoed_200.json")));
    server.enqueue(json(200, Fixtures.read("rdm-sandbox-2025-12_deposit-list_200.json")));
    ZenodoClient client = client();

    Deposition d = client.update(412011, metadata());
    RecordedRequest put = take();
    assertEquals("PUT", put.getMethod());
    assertEquals("/api/deposit/depositions/412011", put.getUrl().encodedPath());
    assertEquals("application/json", put.getHeaders().get("Content-Type"));
    assertEquals(metadata(), tree(put).path("metadata"));
    assertEquals(412011, d.id());

    List<Deposition> list = client.list(DepositionQuery.of("conceptrecid:412010").page(2, 10));
    RecordedRequest get = take();
    assertEquals("GET", get.getMethod());
    assertEquals("/api/deposit/depositions", get.getUrl().encodedPath());
    assertEquals("conceptrecid:412010", get.getUrl().queryParameter("q"));
    assertEquals("2", get.getUrl().queryParameter("page"));
    assertEquals("10", get.getUrl().queryParameter("size"));
    assertCommonHeaders(get);
    assertEquals(1, list.size());
  }

  @Test
  void actionsUseTheirStatusCodesAndNewVersionReturnsTheDraft() throws Exception {
    server.enqueue(json(202, Fixtures.read("rdm-sandbox-2024-12_deposit-published-done.json")));
    server.enqueue(json(201, Fixtures.read("rdm-sandbox-2024-01_zenodraft-mock-141.json")));
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(json(201, Fixtures.read("rdm-sandbox-2024-01_zenodraft-mock-151.json")));
    server.enqueue(new MockResponse.Builder().code(204).build());
    ZenodoClient client = client();

    Deposition published = client.publish(143439);
    assertEquals(DepositionState.DONE, published.state());
    assertEquals("10.5072/zenodo.143438", published.conceptdoi());
    RecordedRequest p = take();
    assertEquals("POST", p.getMethod());
    assertEquals("/api/deposit/depositions/143439/actions/publish", p.getUrl().encodedPath());
    assertEquals(0, p.getBodySize());
    assertCommonHeaders(p);

    assertEquals(DepositionState.INPROGRESS, client.edit(131).state());
    assertEquals("/api/deposit/depositions/131/actions/edit", take().getUrl().encodedPath());
    client.discard(131);
    assertEquals("/api/deposit/depositions/131/actions/discard", take().getUrl().encodedPath());
    Deposition draft = client.newVersion(131);
    assertEquals(151, draft.id());
    assertEquals(DepositionState.UNSUBMITTED, draft.state());
    assertEquals("/api/deposit/depositions/131/actions/newversion", take().getUrl().encodedPath());
    client.delete(151);
    RecordedRequest del = take();
    assertEquals("DELETE", del.getMethod());
    assertEquals("/api/deposit/depositions/151", del.getUrl().encodedPath());
  }

  @Test
  void recordAndFilesParseTheirOwnFormats() throws Exception {
    server.enqueue(json(200, Fixtures.read("rdm-sandbox-2024-09_records-get-zenodojson_200.json")));
    server.enqueue(
        json(
            200,
            Fixtures.read("rdm-sandbox-2025-12_deposit-get-draft-with-files_200.json")
                .replaceAll("(?s)^.*\"files\": (\\[.*?\\]),\\s*\"state\".*$", "$1")));
    ZenodoClient client = client();
    PublishedRecord record = client.record(107873);
    assertEquals("/api/records/107873", take().getUrl().encodedPath());
    assertEquals("107873", record.recid());
    assertEquals("md5:d3b07384d113edec49eaa6238ad5ff00", record.files().get(0).checksum());

    List<DepositFile> files = client.files(412011);
    assertEquals("/api/deposit/depositions/412011/files", take().getUrl().encodedPath());
    assertEquals(2, files.size());
    assertEquals("cc624d72ede85ef061afa494d9951f6f", files.get(0).md5());
  }

  @Test
  void uploadStreamsOctetStreamWithLengthAndVerifiesChecksum() throws Exception {
    Path file = tmp.resolve("case-study.pdf");
    byte[] content = new byte[300_000];
    new Random(1).nextBytes(content);
    Files.write(file, content);
    String md5 = java.util.HexFormat.of().formatHex(FileBody.md5Digest().digest(content));
    ObjectNode answer =
        (ObjectNode) Json.MAPPER.readTree(Fixtures.read("rdm-sandbox-2025-12_bucket-put_201.json"));
    answer.put("checksum", "md5:" + md5).put("size", content.length).put("key", "case-study.pdf");
    server.enqueue(json(201, answer.toString()));
    List<long[]> progress = new java.util.ArrayList<>();

    BucketObject stored =
        builder()
            .progress((key, sent, total) -> progress.add(new long[] {sent, total}))
            .build()
            .upload(server.url("/api/files/f04aa88e").toString(), "case-study.pdf", file);

    RecordedRequest r = take();
    assertEquals("PUT", r.getMethod());
    assertEquals("/api/files/f04aa88e/case-study.pdf", r.getUrl().encodedPath());
    assertEquals("application/octet-stream", r.getHeaders().get("Content-Type"));
    assertEquals(Integer.toString(content.length), r.getHeaders().get("Content-Length"));
    assertCommonHeaders(r);
    assertEquals(content.length, r.getBodySize());
    assertEquals(md5, stored.md5());
    assertEquals(content.length, progress.get(progress.size() - 1)[0]);
    assertEquals(0, progress.get(0)[0]);
  }

  @Test
  void uploadWithWrongChecksumFromServerFails() throws Exception {
    Path file = tmp.resolve("data.csv");
    Files.writeString(file, "a,b\n1,2\n");
    ObjectNode answer =
        (ObjectNode) Json.MAPPER.readTree(Fixtures.read("rdm-sandbox-2025-12_bucket-put_201.json"));
    answer.put("size", Files.size(file));
    server.enqueue(json(201, answer.toString()));

    ChecksumMismatchException e =
        assertThrows(
            ChecksumMismatchException.class,
            () -> client().upload(server.url("/api/files/hash").toString(), "data.csv", file));
    assertEquals("cc624d72ede85ef061afa494d9951f6f", e.actualMd5());
    assertTrue(e.getMessage().contains("upload it again"));
  }

  @Test
  void tokenIsNotSentToAnotherOrigin() throws Exception {
    Path file = tmp.resolve("x.txt");
    Files.writeString(file, "x");
    server.enqueue(
        json(
            201,
            "{\"key\":\"x.txt\",\"size\":1,\"checksum\":\"md5:9dd4e461268c8034f5c8564e155c67a6\"}"));
    // Same server, other host name: a link pointing elsewhere must not receive the token.
    String other = server.url("/api/files/b").toString().replace("localhost", "127.0.0.1");
    if (other.equals(server.url("/api/files/b").toString())) {
      other = other.replace("127.0.0.1", "localhost");
    }
    client().upload(other, "x.txt", file);
    assertNull(take().getHeaders().get("Authorization"));
  }

  // ---- failure classes

  @Test
  void validation400CurrentShapeCarriesFieldErrors() throws Exception {
    server.enqueue(
        json(400, Fixtures.read("error-rdm-prod-2026-04_newversion-draft-has-files_400.json")));
    ZenodoException e = assertThrows(ZenodoException.class, () -> client().newVersion(5));
    assertEquals(1, server.getRequestCount(), "a 400 is not retried");
    assertEquals(ZenodoException.Kind.VALIDATION, e.kind());
    assertFalse(e.temporary());
    assertEquals("files.enabled", e.fieldErrors().get(0).zenodoField());
    assertEquals(List.of("Please remove all files first."), e.fieldErrors().get(0).messages());
    assertTrue(e.getMessage().contains("Please remove all files first."));
  }

  @Test
  void validation400OldShapeMapsToFrontMatterFields() throws Exception {
    server.enqueue(json(400, Fixtures.read("error-legacy-docs_validation_400.json")));
    ZenodoException e = assertThrows(ZenodoException.class, () -> client().update(5, metadata()));
    assertEquals(400, e.status());
    assertEquals("Validation error", e.serverMessage());
    assertEquals(3, e.fieldErrors().size());
    FieldError name = e.fieldErrors().get(1);
    assertEquals("metadata.creators.0.name", name.zenodoField());
    assertEquals("authors[0]", name.field());
    assertEquals(List.of("Name is required."), name.messages());
    assertEquals("non_existent", e.fieldErrors().get(2).field());
    assertTrue(e.getMessage().contains("authors[0]: Name is required."));
  }

  @Test
  void unauthorized401IsExplainedAsATokenProblem() throws Exception {
    server.enqueue(json(401, Fixtures.read("error-legacy-docs_unauthorized_401.json")));
    ZenodoException e = assertThrows(ZenodoException.class, () -> client().get(1));
    assertEquals(ZenodoException.Kind.AUTH, e.kind());
    assertTrue(e.getMessage().contains("ZENODO_SANDBOX_TOKEN"), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN));
  }

  @Test
  void forbidden403IsExplainedAsATokenProblem() throws Exception {
    server.enqueue(json(403, "{\"status\": 403, \"message\": \"Permission denied.\"}"));
    ZenodoException e = assertThrows(ZenodoException.class, () -> client().publish(1));
    assertEquals(ZenodoException.Kind.AUTH, e.kind());
    assertEquals("Permission denied.", e.serverMessage());
    assertTrue(e.getMessage().contains("deposit:actions"));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void notFound404() throws Exception {
    server.enqueue(
        json(404, "{\"status\": 404, \"message\": \"The persistent identifier does not exist.\"}"));
    ZenodoException e = assertThrows(ZenodoException.class, () -> client().get(999));
    assertEquals(ZenodoException.Kind.NOT_FOUND, e.kind());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void tooLarge413MentionsTheLimit() throws Exception {
    Path file = tmp.resolve("big.bin");
    Files.write(file, new byte[1000]);
    server.enqueue(
        json(413, Fixtures.read("error-rdm-prod-2025-02_bucket-put-too-large_413.json")));
    ZenodoException e =
        assertThrows(
            ZenodoException.class,
            () -> client().upload(server.url("/api/files/b").toString(), "big.bin", file));
    assertEquals(ZenodoException.Kind.TOO_LARGE, e.kind());
    assertTrue(e.getMessage().contains("50 GB"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void unsupportedMediaType415IsARequestProblem() throws Exception {
    server.enqueue(
        json(
            415,
            "{\"status\": 415, \"message\": \"Invalid 'Content-Type' header. Expected one of:"
                + " application/json\"}"));
    ZenodoException e = assertThrows(ZenodoException.class, () -> client().update(1, metadata()));
    assertEquals(ZenodoException.Kind.REQUEST, e.kind());
    assertFalse(e.temporary());
  }

  @Test
  void rateLimited429WaitsRetryAfterThenSucceeds() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Content-Type", "application/json")
            .addHeader("Retry-After", "7")
            .addHeader("X-RateLimit-Limit", "100")
            .addHeader("X-RateLimit-Remaining", "0")
            .body("{\"status\": 429, \"message\": \"100 per 1 minute\"}")
            .build());
    server.enqueue(json(202, Fixtures.read("rdm-sandbox-2024-12_deposit-published-done.json")));
    // Even publish: a 429 means the server did nothing.
    Deposition d = client().publish(143439);
    assertEquals(DepositionState.DONE, d.state());
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps);
  }

  @Test
  void rateLimited429GivesUpAfterMaxAttemptsAsTemporary() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(429)
              .addHeader("Retry-After", "1")
              .addHeader("Content-Type", "application/json")
              .body("{\"status\":429,\"message\":\"slow down\"}")
              .build());
    }
    ZenodoException e = assertThrows(ZenodoException.class, () -> client().get(1));
    assertEquals(ZenodoException.Kind.RATE_LIMITED, e.kind());
    assertTrue(e.temporary());
    assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void server500JsonOnGetIsRetriedWithGrowingBackoff() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          json(
              500,
              Fixtures.read(
                  "error-rdm-prod-2026-02_publish-internal-error-with-error-id_500.json")));
    }
    ZenodoException e = assertThrows(ZenodoException.class, () -> client().get(1));
    assertEquals(ZenodoException.Kind.SERVER, e.kind());
    assertTrue(e.temporary());
    assertTrue(e.serverMessage().startsWith("The server encountered an internal error"));
    assertEquals(3, server.getRequestCount());
    assertEquals(2, sleeper.sleeps.size());
    // Equal jitter: attempt n waits between half and all of base * 2^(n-1).
    assertBetween(sleeper.sleeps.get(0), 500, 1000);
    assertBetween(sleeper.sleeps.get(1), 1000, 2000);
  }

  @Test
  void server500HtmlThenSuccessOnGet() throws Exception {
    server.enqueue(html(500, "500 Internal Server Error"));
    server.enqueue(
        json(200, Fixtures.read("rdm-sandbox-2025-12_deposit-get-draft-with-files_200.json")));
    assertEquals(412011, client().get(412011).id());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void gateway502HtmlIsTemporaryWithItsHeading() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(html(502, "502 Bad Gateway"));
    }
    ZenodoException e = assertThrows(ZenodoException.class, () -> client().files(3));
    assertEquals(502, e.status());
    assertTrue(e.temporary());
    assertEquals("502 Bad Gateway", e.serverMessage());
  }

  @Test
  void gateway504OnPublishIsOutcomeUnknownAndNotRetried() throws Exception {
    server.enqueue(html(504, "504 Gateway Time-out"));
    OutcomeUnknownException e =
        assertThrows(OutcomeUnknownException.class, () -> client().publish(77));
    assertEquals(1, server.getRequestCount());
    assertEquals("publish", e.action());
    assertEquals(77, e.depositionId().getAsLong());
    ZenodoException answer = assertInstanceOf(ZenodoException.class, e.answer());
    assertEquals(504, answer.status());
    assertTrue(sleeper.sleeps.isEmpty());
  }

  @Test
  void server500OnCreateIsOutcomeUnknown() throws Exception {
    server.enqueue(json(500, Fixtures.read("error-rdm-prod-2026-09_internal-error_500.json")));
    OutcomeUnknownException e =
        assertThrows(OutcomeUnknownException.class, () -> client().create(metadata()));
    assertTrue(e.depositionId().isEmpty());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void droppedConnectionOnGetIsRetried() throws Exception {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(
        json(200, Fixtures.read("rdm-sandbox-2025-12_deposit-get-draft-with-files_200.json")));
    assertEquals(412011, client().get(412011).id());
    assertEquals(1, sleeper.sleeps.size());
  }

  @Test
  void droppedConnectionOnNewVersionIsOutcomeUnknown() throws Exception {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(201, Fixtures.read("rdm-sandbox-2024-01_zenodraft-mock-151.json")));
    OutcomeUnknownException e =
        assertThrows(OutcomeUnknownException.class, () -> client().newVersion(131));
    assertInstanceOf(IOException.class, e.getCause());
    assertEquals(1, server.getRequestCount(), "never re-sent, not even by OkHttp");
  }

  @Test
  void bodyCutOffIsRetriedForGetAndOutcomeUnknownForPublish() throws Exception {
    String body = Fixtures.read("rdm-sandbox-2025-12_deposit-get-draft-with-files_200.json");
    server.enqueue(
        json(200, body).newBuilder().onResponseBody(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, body));
    assertEquals(412011, client().get(412011).id());
    assertEquals(2, server.getRequestCount());

    server.enqueue(
        json(202, body).newBuilder().onResponseBody(new SocketEffect.CloseSocket()).build());
    assertThrows(OutcomeUnknownException.class, () -> client().publish(412011));
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void droppedConnectionsExhaustRetriesAsPlainIoException() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    }
    IOException e = assertThrows(IOException.class, () -> client().get(1));
    assertFalse(e instanceof ZenodoException);
    assertFalse(e instanceof OutcomeUnknownException);
  }

  @Test
  void stalledResponseTimesOut() throws Exception {
    server.enqueue(json(200, "{}").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
    server.enqueue(json(202, "{}").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
    ZenodoClient client =
        builder()
            .maxAttempts(1)
            .timeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(1))
            .build();
    assertThrows(InterruptedIOException.class, () -> client.get(1));
    OutcomeUnknownException e =
        assertThrows(OutcomeUnknownException.class, () -> client.publish(1));
    assertInstanceOf(InterruptedIOException.class, e.getCause());
  }

  @Test
  void lowRateLimitBudgetSpacesRequests() throws Exception {
    server.enqueue(
        json(200, Fixtures.read("rdm-sandbox-2025-12_deposit-get-draft-with-files_200.json"))
            .newBuilder()
            .addHeader("X-RateLimit-Limit", "100")
            .addHeader("X-RateLimit-Remaining", "1")
            .addHeader("Retry-After", "10")
            .build());
    server.enqueue(
        json(200, Fixtures.read("rdm-sandbox-2025-12_deposit-get-draft-with-files_200.json")));
    ZenodoClient client = client();
    client.get(412011);
    assertTrue(sleeper.sleeps.isEmpty());
    assertEquals(1, client.lastRateLimit().orElseThrow().remaining());
    client.get(412011);
    // One request left in a window ending in 10 s: spread over what remains.
    assertEquals(List.of(Duration.ofSeconds(5)), sleeper.sleeps);
  }

  @Test
  void comfortableBudgetDoesNotWait() throws Exception {
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          json(200, Fixtures.read("rdm-sandbox-2025-12_deposit-get-draft-with-files_200.json"))
              .newBuilder()
              .addHeader("X-RateLimit-Limit", "1000")
              .addHeader("X-RateLimit-Remaining", "997")
              .addHeader("Retry-After", "58")
              .build());
    }
    ZenodoClient client = client();
    client.get(1);
    client.get(1);
    assertTrue(sleeper.sleeps.isEmpty());
  }

  @Test
  void missingTokenSendsNothing() {
    ZenodoClient client = builder().env(Map.of()).build();
    ZenodoException e = assertThrows(ZenodoException.class, () -> client.get(1));
    assertEquals(ZenodoException.Kind.AUTH, e.kind());
    assertEquals(0, e.status());
    assertTrue(e.getMessage().contains("ZENODO_SANDBOX_TOKEN is not set"));
    assertEquals(0, server.getRequestCount());
  }

  private static void assertBetween(Duration d, long minMillis, long maxMillis) {
    assertTrue(
        d.toMillis() >= minMillis && d.toMillis() <= maxMillis,
        d + " not in [" + minMillis + ", " + maxMillis + "] ms");
  }
}
