package org.casepress.zenodo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.localzenodo.Options;
import org.casepress.zenodo.DoctorCheck.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DoctorTest {
  @TempDir Path dir;

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
      assertEquals(List.of(Status.SKIPPED, Status.OK, Status.OK, Status.OK), statuses(checks));
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
          List.of(Status.FAILED, Status.OK, Status.SKIPPED, Status.FAILED), statuses(checks));
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
        List.of(Status.SKIPPED, Status.FAILED, Status.SKIPPED, Status.SKIPPED), statuses(checks));
    assertTrue(
        checks
            .get(1)
            .line()
            .startsWith("FAILED  API reachable: http://127.0.0.1:1/api cannot be reached"));
  }
}
