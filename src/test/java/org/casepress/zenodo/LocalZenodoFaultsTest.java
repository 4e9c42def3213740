package org.casepress.zenodo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.localzenodo.Options;
import org.casepress.localzenodo.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each fault-injection hook of the embedded server, and what the client makes of it. */
@Timeout(60)
class LocalZenodoFaultsTest {

  /** Zenodo's one-second index refresh off: these tests list right after writing. */
  static Options instantIndex() {
    return Options.defaults().withIndexLag(Duration.ZERO);
  }

  @TempDir Path dir;
  LocalZenodo server;
  ZenodoClient client;
  final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeEach
  void start() throws Exception {
    server = LocalZenodo.start(dir.resolve("zenodo"), 0, instantIndex());
    client =
        ZenodoClient.builder(Target.local(server.apiUrl()))
            .sleeper(sleeper)
            .random(new Random(3))
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Deposition readyToPublish() throws Exception {
    Deposition d = client.create(LocalZenodoFlowTest.metadata("Faulty"));
    Path f = dir.resolve("f.pdf");
    Files.write(f, new byte[] {1, 2, 3});
    client.upload(d, "f.pdf", f);
    return d;
  }

  @Test
  void faultsAtRandomHitTheirShareOfRequestsAndStopWhenCleared() throws Exception {
    Deposition d = client.create(LocalZenodoFlowTest.metadata("Random"));
    server.faults().atRandom(0.25, 7);
    int failed = 0;
    try (ZenodoClient once =
        ZenodoClient.builder(Target.local(server.apiUrl()))
            .sleeper(sleeper)
            .maxAttempts(1)
            .build()) {
      for (int i = 0; i < 200; i++) {
        try {
          once.get(d.id());
        } catch (ZenodoException e) {
          assertTrue(e.status() == 429 || e.status() >= 500, "a fault Zenodo can show: " + e);
          failed++;
        }
      }
    }
    int injected = server.faults().injectedAtRandom();
    assertTrue(injected > 25 && injected < 80, "about a quarter of 200: " + injected);
    assertTrue(failed > 25, "the faults reach the client: " + failed);
    server.faults().clear();
    assertEquals(d.id(), client.get(d.id()).id());
    assertEquals(0, server.faults().injectedAtRandom());
  }

  @Test
  void publish504AfterCommitIsOutcomeUnknownThenGetShowsDone() throws Exception {
    Deposition d = readyToPublish();
    server.faults().failAfterCommit(Route.PUBLISH, 504, 1);
    int before = server.requestCount();
    OutcomeUnknownException e =
        assertThrows(OutcomeUnknownException.class, () -> client.publish(d.id()));
    assertEquals(1, server.requestCount() - before, "not retried");
    ZenodoException answer = assertInstanceOf(ZenodoException.class, e.answer());
    assertEquals(504, answer.status());
    assertEquals("504 Gateway Time-out", answer.serverMessage());
    Deposition resolved = client.get(d.id());
    assertEquals(DepositionState.DONE, resolved.state());
    assertTrue(resolved.doiIfAny().isPresent());
  }

  @Test
  void newVersion500AfterCommitLeavesADraftToFind() throws Exception {
    Deposition d = readyToPublish();
    client.publish(d.id());
    server.faults().failAfterCommit(Route.NEWVERSION, 500, 1);
    assertThrows(OutcomeUnknownException.class, () -> client.newVersion(d.id()));
    // The draft exists; asking again returns the 400 that tells the caller to clean it up.
    ZenodoException again = assertThrows(ZenodoException.class, () -> client.newVersion(d.id()));
    assertEquals("files.enabled", again.fieldErrors().get(0).zenodoField());
    List<Deposition> versions =
        client.list(DepositionQuery.of("conceptrecid:" + d.conceptrecid()).withAllVersions());
    assertEquals(2, versions.size());
  }

  @Test
  void rateLimitBurstMakesTheClientWaitAndSucceed() throws Exception {
    server.faults().rateLimitBurst(2);
    Deposition d = client.create(null);
    assertEquals(DepositionState.UNSUBMITTED, d.state());
    assertEquals(2, sleeper.sleeps.size());
    // Retry-After: 1, measured against the server's window on a real clock.
    sleeper.sleeps.forEach(
        s ->
            assertTrue(
                s.compareTo(Duration.ZERO) > 0 && s.compareTo(Duration.ofSeconds(1)) <= 0,
                s.toString()));
  }

  @Test
  void rateLimitExhaustedAnswers429WithHeaders() throws Exception {
    server.close();
    server =
        LocalZenodo.start(
            dir.resolve("zenodo"), 0, instantIndex().withRateLimit(3, Duration.ofMinutes(1)));
    ZenodoClient once =
        ZenodoClient.builder(Target.local(server.apiUrl()))
            .sleeper(sleeper)
            .maxAttempts(1)
            .lowWater(0)
            .build();
    once.create(null);
    once.create(null);
    once.create(null);
    ZenodoException e = assertThrows(ZenodoException.class, () -> once.create(null));
    assertEquals(ZenodoException.Kind.RATE_LIMITED, e.kind());
    assertTrue(e.retryAfter().orElseThrow().toSeconds() >= 1);
    assertEquals(0, once.lastRateLimit().orElseThrow().remaining());
  }

  @Test
  void droppedUploadIsRetriedAndVerified() throws Exception {
    Deposition d = client.create(null);
    byte[] bytes = new byte[3_000_000];
    new Random(9).nextBytes(bytes);
    Path f = dir.resolve("big.bin");
    Files.write(f, bytes);
    server.faults().dropConnectionMidUpload(1);
    int before = server.requestCount();
    BucketObject stored = client.upload(d, "big.bin", f);
    assertEquals(bytes.length, stored.size());
    // Sent twice: the first connection was dropped half way (OkHttp or our loop re-sent it).
    assertEquals(2, server.requestCount() - before);
    List<DepositFile> files = client.files(d.id());
    assertEquals(1, files.size());
    assertEquals(stored.md5(), files.get(0).md5());
    try (var blobs = Files.list(dir.resolve("zenodo").resolve("blobs"))) {
      assertEquals(1, blobs.count(), "the half upload left nothing behind");
    }
  }

  @Test
  void html502IsTemporaryZenodoException() throws Exception {
    server.faults().htmlError(Route.ANY, 502, 5);
    ZenodoException e = assertThrows(ZenodoException.class, () -> client.get(1));
    assertEquals(502, e.status());
    assertTrue(e.temporary());
    assertEquals(ZenodoException.Kind.SERVER, e.kind());
    assertEquals("502 Bad Gateway", e.serverMessage());
    assertEquals(4, sleeper.sleeps.size(), "5 attempts, 4 waits");
  }

  @Test
  void transientFileDeleteErrorIsRetried() throws Exception {
    Deposition d = readyToPublish();
    String fileId = client.files(d.id()).get(0).id();
    server.faults().failBeforeCommit(Route.FILE_DELETE, 500, 1);
    client.deleteFile(d.id(), fileId);
    assertTrue(client.files(d.id()).isEmpty());
  }

  @Test
  void deleteWhoseAnswerWasLostCountsAsDone() throws Exception {
    Deposition d = client.create(null);
    server.faults().failAfterCommit(Route.DELETE, 502, 1);
    client.delete(d.id());
    assertEquals(404, assertThrows(ZenodoException.class, () -> client.get(d.id())).status());
  }

  @Test
  void searchLagHidesNewDepositionsForAWhile() throws Exception {
    server.faults().searchLag(2);
    Deposition d = client.create(null);
    assertTrue(client.list(DepositionQuery.all()).isEmpty());
    assertTrue(client.list(DepositionQuery.all()).isEmpty());
    assertEquals(d.id(), client.list(DepositionQuery.all()).get(0).id());
  }
}
