package org.casepress.zenodo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded real response is read by the client's own types without error. */
class FixturesTest {
  static Stream<Path> files() throws Exception {
    return Fixtures.all().stream();
  }

  @Test
  void theFolderHoldsTheRecordedResponses() throws Exception {
    assertTrue(Fixtures.all().size() >= 37, "expected the recorded responses next to the clone");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void parsesWithClientTypes(Path file) throws Exception {
    String name = file.getFileName().toString();
    String text = Files.readString(file);
    JsonNode tree = Json.MAPPER.readTree(text);
    if (name.endsWith(".headers.json")) {
      JsonNode headers = tree.path("headers");
      RateLimit limit =
          RateLimit.parse(
              h ->
                  headers.path(h.toLowerCase()).isTextual()
                      ? headers.path(h.toLowerCase()).asText()
                      : null,
              Instant.EPOCH);
      assertEquals(1000, limit.limit());
      assertNotNull(limit.remaining());
      assertTrue(limit.resetAt().isPresent());
    } else if (name.startsWith("error-")) {
      ErrorBodies.Parsed parsed = ErrorBodies.parse(text, "application/json");
      assertFalse(parsed.message().isEmpty(), name);
      if (tree.has("errors")) {
        assertEquals(tree.path("errors").size(), parsed.fieldErrors().size());
        parsed.fieldErrors().forEach(e -> assertFalse(e.messages().isEmpty(), e.toString()));
      }
    } else if (name.contains("bucket-put")) {
      BucketObject o = Json.MAPPER.readValue(text, BucketObject.class);
      assertEquals(32, o.md5().length(), name);
      assertTrue(o.size() > 0);
      assertFalse(o.key().isEmpty());
    } else if (name.contains("files-post-multipart")) {
      DepositFile f = Json.MAPPER.readValue(text, DepositFile.class);
      assertEquals("myfirstfile.csv", f.filename());
      assertEquals(27, f.filesize());
    } else if (name.contains("records-get")) {
      PublishedRecord r = Json.MAPPER.readValue(text, PublishedRecord.class);
      assertTrue(r.id() > 0);
      assertEquals(DepositionState.DONE, r.state());
      assertFalse(r.files().isEmpty());
      assertEquals(32, r.files().get(0).md5().length());
    } else if (name.contains("records-search")) {
      RecordSearch s = RecordSearch.parse(tree);
      assertEquals(tree.path("hits").path("hits").size(), s.hits().size());
    } else if (name.contains("rdm-records-files-list")) {
      RecordFiles f = Json.MAPPER.readValue(text, RecordFiles.class);
      assertFalse(f.entries().isEmpty());
      assertEquals(32, f.entries().get(0).md5().length());
    } else if (tree.isArray()) {
      List<Deposition> list = Json.MAPPER.readValue(text, new TypeReference<List<Deposition>>() {});
      assertFalse(list.isEmpty());
      list.forEach(d -> assertNotEquals(DepositionState.UNKNOWN, d.state()));
    } else {
      Deposition d = Json.MAPPER.readValue(text, Deposition.class);
      assertTrue(d.id() > 0, name);
      assertNotEquals(DepositionState.UNKNOWN, d.state(), name);
      assertNotNull(d.conceptrecid(), name);
      assertEquals(d.submitted(), d.published(), name);
      d.files().forEach(f -> assertEquals(32, f.md5().length(), name));
    }
  }

  @Test
  void publishedDepositionPointsSelfAtRecordsApi() throws Exception {
    Deposition d =
        Json.MAPPER.readValue(
            Fixtures.read("rdm-sandbox-2024-12_deposit-published-done.json"), Deposition.class);
    assertEquals(DepositionState.DONE, d.state());
    assertTrue(d.link("self").orElseThrow().contains("/api/records/143439"));
    assertEquals("10.5072/zenodo.143439", d.doi());
    assertEquals("10.5281/zenodo.143439", d.prereservedDoi().orElseThrow());
  }
}
