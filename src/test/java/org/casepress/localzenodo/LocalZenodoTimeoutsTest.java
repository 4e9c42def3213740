package org.casepress.localzenodo;

import static org.casepress.localzenodo.Api.metadata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.casepress.localzenodo.Api.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Writes that time out at the proxy yet are applied later (zenodo/zenodo-rdm#1456). */
@Timeout(30)
class LocalZenodoTimeoutsTest {
  @TempDir Path dir;

  @Test
  void publishAnswered504IsAppliedLaterAndARepeatMeanwhileMintsNothing() throws Exception {
    try (LocalZenodo server =
        LocalZenodo.start(dir, 0, Options.defaults().withIndexLag(Duration.ZERO))) {
      Api api = new Api(server);
      JsonNode d = api.create(metadata("Slow publish"));
      long id = d.path("id").asLong();
      api.upload(d.path("links").path("bucket").asText(), "f.pdf", new byte[] {1});
      server.faults().applyLate(Route.PUBLISH, Duration.ofMillis(800), 1);

      Answer timedOut = api.post("/deposit/depositions/" + id + "/actions/publish");
      assertEquals(504, timedOut.status());
      assertTrue(timedOut.text().contains("Gateway Time-out"), "the proxy's HTML page");
      assertEquals(
          "unsubmitted",
          api.get("/deposit/depositions/" + id).json().path("state").asText(),
          "a read right after still shows the old state");
      Answer repeated = api.post("/deposit/depositions/" + id + "/actions/publish");
      assertEquals(500, repeated.status(), "sent again while the first is applied");

      JsonNode done = waitForState(api, id, "done");
      assertEquals("10.5072/zenodo." + id, done.path("doi").asText());
      assertEquals(
          404,
          api.post("/deposit/depositions/" + id + "/actions/publish").status(),
          "once applied, a third publish finds nothing to publish");
      JsonNode all = api.get("/deposit/depositions?all_versions=true").json();
      assertEquals(1, all.size(), "one deposition, one DOI");
    }
  }

  @Test
  void updateAnswered504TakesEffectLater() throws Exception {
    try (LocalZenodo server = LocalZenodo.start(dir, 0)) {
      Api api = new Api(server);
      long id = api.create(metadata("Before")).path("id").asLong();
      server.faults().applyLate(Route.UPDATE, Duration.ofMillis(300), 1);
      Answer a =
          api.put(
              "/deposit/depositions/" + id,
              Store.MAPPER.createObjectNode().set("metadata", metadata("After")));
      assertEquals(504, a.status());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!api.get("/deposit/depositions/" + id).json().path("title").asText().equals("After")) {
        assertTrue(System.nanoTime() < deadline, "the update was never applied");
        Thread.sleep(50);
      }
    }
  }

  @Test
  void faultsCanBeArmedThroughTheOptions() throws Exception {
    Options options = Options.defaults().withFaults(f -> f.failBeforeCommit(Route.CREATE, 503, 1));
    try (LocalZenodo server = LocalZenodo.start(dir, 0, options)) {
      Api api = new Api(server);
      var body = Store.MAPPER.createObjectNode().set("metadata", metadata("Armed"));
      assertEquals(503, api.post("/deposit/depositions", body).status());
      assertEquals(201, api.post("/deposit/depositions", body).status(), "spent after once");
    }
  }

  private static JsonNode waitForState(Api api, long id, String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      JsonNode d = api.get("/deposit/depositions/" + id).json();
      if (d.path("state").asText().equals(state)) {
        return d;
      }
      assertTrue(System.nanoTime() < deadline, "still " + d.path("state").asText());
      Thread.sleep(50);
    }
  }
}
