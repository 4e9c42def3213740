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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.casepress.zenodo.CommunityRequest.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The calls added for launch day (docs/zenodo.md): the field-scoped identifier search, the native
 * community and request endpoints, and what a lost or refused write becomes. Bodies follow the
 * shapes in docs/zenodo.md; each test asserts what went over the wire.
 */
@Timeout(30)
class ZenodoNativeCallsContractTest {
  private static final String TOKEN = "native-calls-token-41d2";
  private static final String URN = "urn:casepress:fernbank-reproducible-forecasting:v1";

  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();

  private ZenodoClient client() {
    return ZenodoClient.builder(new Target("production", server.url("/api"), "ZENODO_TOKEN"))
        .env(Map.of("ZENODO_TOKEN", TOKEN))
        .sleeper(sleeper)
        .random(new Random(7))
        .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
        .maxAttempts(3)
        .build();
  }

  private static MockResponse json(int code, String body) {
    return Answers.json(code, body);
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(1, SECONDS);
    assertNotNull(r, "expected a request");
    assertEquals("Bearer " + TOKEN, r.getHeaders().get("Authorization"));
    return r;
  }

  private static JsonNode tree(RecordedRequest r) throws IOException {
    return Json.MAPPER.readTree(r.getBody().utf8());
  }

  /** A deposition carrying {@code identifier} with {@code relation}. */
  private static ObjectNode deposition(long id, String identifier, String relation) {
    ObjectNode d = Json.MAPPER.createObjectNode();
    d.put("id", id);
    d.put("state", "unsubmitted");
    ArrayNode related = d.putObject("metadata").putArray("related_identifiers");
    related.addObject().put("identifier", identifier).put("relation", relation);
    return d;
  }

  // ---- field-scoped search with an exact re-check

  @Test
  void alternateIdentifierSearchIsFieldScopedQuotedAndRecheckedExactly() throws Exception {
    ArrayNode hits = Json.MAPPER.createArrayNode();
    hits.add(deposition(11, URN, "isAlternateIdentifier"));
    hits.add(deposition(12, URN + "0", "isAlternateIdentifier")); // tokenised near miss: v10
    hits.add(deposition(13, URN, "isSupplementTo")); // the same text, not as alternate identifier
    server.enqueue(json(200, hits.toString()));

    List<Deposition> found = client().depositionsWithAlternateIdentifier(URN);

    RecordedRequest r = take();
    assertEquals("GET", r.getMethod());
    assertEquals("/api/deposit/depositions", r.getUrl().encodedPath());
    assertEquals("alternate.identifier:\"" + URN + "\"", r.getUrl().queryParameter("q"));
    assertEquals("true", r.getUrl().queryParameter("all_versions"));
    assertEquals("1", r.getUrl().queryParameter("page"));
    assertEquals("100", r.getUrl().queryParameter("size"));
    assertEquals(List.of(11L), found.stream().map(Deposition::id).toList());
  }

  @Test
  void alternateIdentifierSearchEscapesQuotesAndReadsEveryPage() throws Exception {
    String odd = "urn:x:\"quoted\"\\slash";
    ArrayNode full = Json.MAPPER.createArrayNode();
    for (int i = 0; i < 100; i++) {
      full.add(deposition(1000 + i, "urn:other:" + i, "isAlternateIdentifier"));
    }
    server.enqueue(json(200, full.toString()));
    server.enqueue(json(200, "[" + deposition(77, odd, "isAlternateIdentifier").toString() + "]"));

    List<Deposition> found = client().depositionsWithAlternateIdentifier(odd);

    assertEquals(
        "alternate.identifier:\"urn:x:\\\"quoted\\\"\\\\slash\"",
        take().getUrl().queryParameter("q"));
    assertEquals("2", take().getUrl().queryParameter("page"));
    assertEquals(List.of(77L), found.stream().map(Deposition::id).toList());
  }

  // ---- communities and requests

  @Test
  void communityGivesItsIdAndReviewPolicy() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"id\":\"9f3c0a1e-5b7d-4c2a-8e61-0d4b2f7a9c11\",\"slug\":\"casepress-demo\","
                + "\"metadata\":{\"title\":\"Case studies\"},"
                + "\"access\":{\"visibility\":\"public\",\"review_policy\":\"closed\"}}"));
    Community c = client().community("casepress-demo");
    RecordedRequest r = take();
    assertEquals("GET", r.getMethod());
    assertEquals("/api/communities/casepress-demo", r.getUrl().encodedPath());
    assertEquals("9f3c0a1e-5b7d-4c2a-8e61-0d4b2f7a9c11", c.id());
    assertEquals("Case studies", c.title());
    assertEquals(Community.ReviewPolicy.CLOSED, c.reviewPolicy());
  }

  @Test
  void requestInclusionPostsTheNativeBodyAndReadsProcessedAndErrors() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"processed\":[{\"community_id\":\"9f3c\",\"request_id\":\"r-1\","
                + "\"request\":{\"id\":\"r-1\",\"status\":\"submitted\","
                + "\"type\":\"community-inclusion\",\"receiver\":{\"community\":\"9f3c\"}}}],"
                + "\"errors\":[{\"community\":\"nope\",\"message\":\"Community not found.\"}]}"));

    InclusionAnswer answer = client().requestInclusion(4242, "casepress-demo");

    RecordedRequest r = take();
    assertEquals("POST", r.getMethod());
    assertEquals("/api/records/4242/communities", r.getUrl().encodedPath());
    assertEquals("application/json", r.getHeaders().get("Content-Type"));
    assertEquals(Json.MAPPER.readTree("{\"communities\":[{\"id\":\"casepress-demo\"}]}"), tree(r));
    InclusionAnswer.Processed p = answer.processed().get(0);
    assertEquals("9f3c", p.community());
    assertEquals("r-1", p.requestId());
    assertTrue(p.request().open());
    assertEquals(
        List.of(new InclusionAnswer.Failed("nope", "Community not found.")), answer.errors());
  }

  @Test
  void requestInclusionAnswered500IsOutcomeUnknownAndNotResent() throws Exception {
    server.enqueue(json(500, "{\"status\":500,\"message\":\"internal error\"}"));
    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class, () -> client().requestInclusion(4242, "casepress-demo"));
    assertEquals(1, server.getRequestCount());
    assertTrue(sleeper.sleeps.isEmpty());
    assertEquals(4242, e.depositionId().getAsLong());
  }

  @Test
  void recordRequestsListsEachWithItsStatus() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"hits\":{\"total\":2,\"hits\":["
                + "{\"id\":\"r-1\",\"status\":\"submitted\",\"type\":\"community-inclusion\","
                + "\"receiver\":{\"community\":\"9f3c\"},\"topic\":{\"record\":\"4242\"}},"
                + "{\"id\":\"r-0\",\"status\":\"declined\",\"type\":\"community-inclusion\","
                + "\"receiver\":{\"community\":\"7a7a\"}}]}}"));
    List<CommunityRequest> requests = client().recordRequests(4242);
    RecordedRequest r = take();
    assertEquals("GET", r.getMethod());
    assertEquals("/api/records/4242/requests", r.getUrl().encodedPath());
    assertEquals(
        List.of(
            new CommunityRequest("r-1", Status.SUBMITTED, "community-inclusion", "9f3c"),
            new CommunityRequest("r-0", Status.DECLINED, "community-inclusion", "7a7a")),
        requests);
    assertTrue(requests.get(0).open());
    assertFalse(requests.get(1).open());
  }

  @Test
  void acceptAndDeclinePostTheirActionWithAnOptionalComment() throws Exception {
    server.enqueue(json(200, "{\"id\":\"r-1\",\"status\":\"accepted\"}"));
    server.enqueue(json(200, "{\"id\":\"r-2\",\"status\":\"declined\"}"));
    ZenodoClient client = client();

    assertEquals(Status.ACCEPTED, client.acceptRequest("r-1", "Welcome to the launch").status());
    RecordedRequest accept = take();
    assertEquals("POST", accept.getMethod());
    assertEquals("/api/requests/r-1/actions/accept", accept.getUrl().encodedPath());
    assertEquals(
        Json.MAPPER.readTree("{\"payload\":{\"content\":\"Welcome to the launch\"}}"),
        tree(accept));

    assertEquals(Status.DECLINED, client.declineRequest("r-2", null).status());
    RecordedRequest decline = take();
    assertEquals("/api/requests/r-2/actions/decline", decline.getUrl().encodedPath());
    assertEquals(Json.MAPPER.createObjectNode(), tree(decline));
  }

  @Test
  void acceptAnsweredWithADroppedConnectionIsOutcomeUnknown() throws Exception {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    assertThrows(OutcomeUnknownException.class, () -> client().acceptRequest("r-1", null));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void myCommunitiesReadsTheAccountsCommunities() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"hits\":{\"total\":1,\"hits\":[{\"id\":\"9f3c\",\"slug\":\"casepress-demo\"}]}}"));
    List<Community> mine = client().myCommunities();
    assertEquals("/api/user/communities", take().getUrl().encodedPath());
    assertEquals("casepress-demo", mine.get(0).slug());
  }

  // ---- writes whose outcome is unknown, and definite refusals

  @Test
  void publishAnswered504IsOutcomeUnknownAndNeverResentByTheClient() throws Exception {
    server.enqueue(json(504, "{\"message\":\"Gateway Time-out\"}"));
    server.enqueue(json(202, Fixtures.read("rdm-sandbox-2024-12_deposit-published-done.json")));
    OutcomeUnknownException e =
        assertThrows(OutcomeUnknownException.class, () -> client().publish(143439));
    assertEquals(1, server.getRequestCount(), "the second answer is never asked for");
    assertEquals(504, assertInstanceOf(ZenodoException.class, e.answer()).status());
    assertTrue(e.getMessage().contains("Read the deposition"), e.getMessage());
  }

  @Test
  void createWithALostAnswerIsOutcomeUnknownAndNotResent() throws Exception {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(201, Fixtures.read("rdm-prod-2023-12_deposit-create-empty_201.json")));
    OutcomeUnknownException e =
        assertThrows(OutcomeUnknownException.class, () -> client().create(null));
    assertEquals("create", e.action());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void newVersionAnswered502IsOutcomeUnknown() throws Exception {
    server.enqueue(json(502, "{}"));
    assertThrows(OutcomeUnknownException.class, () -> client().newVersion(131));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void create403IsARefusalNotALostAnswer() throws Exception {
    server.enqueue(json(403, "{\"status\":403,\"message\":\"Permission denied.\"}"));
    IOException thrown = assertThrows(IOException.class, () -> client().create(null));
    ZenodoException e = assertInstanceOf(ZenodoException.class, thrown, "a refusal, not unknown");
    assertTrue(e.refused());
    assertFalse(e.temporary());
    assertEquals(1, server.getRequestCount());
    assertTrue(e.getMessage().contains("ZENODO_TOKEN"), e.getMessage());
  }

  @Test
  void firstRead403ExplainsTheOtherAccount() throws Exception {
    server.enqueue(json(403, "{\"status\":403,\"message\":\"Permission denied.\"}"));
    ZenodoException e = assertThrows(ZenodoException.class, () -> client().get(412011));
    assertTrue(
        e.getMessage()
            .contains(
                "This deposition belongs to another Zenodo account: stage and release must use"
                    + " the same account's token"),
        e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void a429IsNotARefusal() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(429, "{}").newBuilder().addHeader("Retry-After", "1").build());
    }
    ZenodoException e = assertThrows(ZenodoException.class, () -> client().create(null));
    assertFalse(e.refused());
    assertTrue(e.temporary());
    assertNull(e.getCause());
  }
}
