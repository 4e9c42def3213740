package org.casepress.zenodo;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.localzenodo.Options;
import org.casepress.zenodo.DoctorCheck.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DoctorTest {
  @TempDir Path dir;
  @StartStop final MockWebServer server = new MockWebServer();

  private static List<Status> statuses(List<DoctorCheck> checks) {
    return checks.stream().map(DoctorCheck::status).toList();
  }

  @Test
  void localNeedsNoTokenAndKnowsTheCommunity() throws Exception {
    try (LocalZenodo server = LocalZenodo.start(dir, 0)) {
      List<DoctorCheck> checks =
          Doctor.run(
              ZenodoClient.builder(Target.local(server.apiUrl())).build(),
              Options.DEFAULT_COMMUNITY);
      assertEquals(
          List.of(Status.SKIPPED, Status.OK, Status.OK, Status.OK, Status.OK, Status.OK),
          statuses(checks));
      // The embedded server's default community reviews every submission, like most on Zenodo.
      assertTrue(checks.get(4).detail().startsWith("closed"), checks.get(4).line());
      assertTrue(
          checks.get(5).detail().startsWith("no: every release waits"), checks.get(5).line());
      assertEquals("skipped token present: local needs no token", checks.get(0).line());
      assertTrue(
          checks
              .get(3)
              .line()
              .startsWith("ok      community exists: the-turing-way-practitioners"));
    }
  }

  @Test
  void missingTokenAndUnknownCommunityFail() throws Exception {
    try (LocalZenodo server = LocalZenodo.start(dir, 0)) {
      ZenodoClient client =
          ZenodoClient.builder(Target.sandbox().withApiBase(server.apiUrl())).env(Map.of()).build();
      List<DoctorCheck> checks = Doctor.run(client, "no-such-community");
      assertEquals(
          List.of(
              Status.FAILED,
              Status.OK,
              Status.SKIPPED,
              Status.FAILED,
              Status.SKIPPED,
              Status.SKIPPED),
          statuses(checks));
      assertTrue(checks.get(0).detail().contains("ZENODO_SANDBOX_TOKEN is not set"));
      assertTrue(checks.get(3).detail().contains("no community 'no-such-community'"));
    }
  }

  @Test
  void rejectedTokenIsReported() throws Exception {
    try (LocalZenodo server =
        LocalZenodo.start(dir, 0, Options.defaults().withRequiredToken("good"))) {
      ZenodoClient client =
          ZenodoClient.builder(Target.production().withApiBase(server.apiUrl()))
              .env(Map.of("ZENODO_TOKEN", "bad"))
              .build();
      List<DoctorCheck> checks = Doctor.run(client, Options.DEFAULT_COMMUNITY);
      assertEquals(Status.OK, checks.get(0).status());
      assertEquals(Status.FAILED, checks.get(2).status());
      assertTrue(checks.get(2).detail().contains("ZENODO_TOKEN"), checks.get(2).detail());
    }
  }

  @Test
  void unreachableServerSkipsTheRest() {
    ZenodoClient client =
        ZenodoClient.builder(Target.local("http://127.0.0.1:1/api"))
            .maxAttempts(1)
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2))
            .build();
    List<DoctorCheck> checks = Doctor.run(client, Options.DEFAULT_COMMUNITY);
    assertEquals(
        List.of(
            Status.SKIPPED,
            Status.FAILED,
            Status.SKIPPED,
            Status.SKIPPED,
            Status.SKIPPED,
            Status.SKIPPED),
        statuses(checks));
    assertTrue(
        checks
            .get(1)
            .line()
            .startsWith("FAILED  API reachable: http://127.0.0.1:1/api cannot be reached"));
  }

  // ---- the community's review policy and direct inclusion, against a scripted server

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private List<DoctorCheck> doctorAgainst(String policy, String mine) throws Exception {
    server.enqueue(
        json(
            "{\"id\":\"c-1\",\"slug\":\"demo\",\"metadata\":{\"title\":\"Demo\"},"
                + "\"access\":{\"review_policy\":\""
                + policy
                + "\"}}"));
    server.enqueue(json("[]"));
    server.enqueue(json("{\"hits\":{\"hits\":[" + mine + "]}}"));
    ZenodoClient client =
        ZenodoClient.builder(new Target("production", server.url("/api"), "ZENODO_TOKEN"))
            .env(Map.of("ZENODO_TOKEN", "doctor-token"))
            .build();
    return Doctor.run(client, "demo");
  }

  @Test
  void closedCommunityMeansEveryReleaseWaitsForACurator() throws Exception {
    List<DoctorCheck> checks = doctorAgainst("closed", "");
    assertEquals("community review policy", checks.get(4).name());
    assertTrue(checks.get(4).detail().startsWith("closed"), checks.get(4).detail());
    assertTrue(checks.get(5).detail().startsWith("no: every release waits"), checks.get(5).line());
    assertEquals(2, server.getRequestCount(), "a closed community needs no membership look-up");
  }

  @Test
  void membersCommunityAndAMemberIncludesDirectly() throws Exception {
    List<DoctorCheck> checks = doctorAgainst("members", "{\"id\":\"c-1\",\"slug\":\"demo\"}");
    assertTrue(checks.get(4).detail().startsWith("members"), checks.get(4).detail());
    assertEquals(
        "ok      token's account includes directly: yes: the account of ZENODO_TOKEN is a member",
        checks.get(5).line());
    server.takeRequest(1, SECONDS);
    server.takeRequest(1, SECONDS);
    RecordedRequest mine = server.takeRequest(1, SECONDS);
    assertEquals("/api/user/communities", mine.getUrl().encodedPath());
  }

  @Test
  void openCommunityAndNoMemberWaitsForReview() throws Exception {
    List<DoctorCheck> checks = doctorAgainst("open", "{\"id\":\"c-9\",\"slug\":\"other\"}");
    assertTrue(
        checks.get(5).detail().startsWith("no: the account of ZENODO_TOKEN is not a member"));
    assertTrue(checks.stream().noneMatch(DoctorCheck::failed), "waiting for review is no failure");
  }
}
