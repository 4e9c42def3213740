package org.casepress.localzenodo;

import static org.casepress.localzenodo.Api.metadata;
import static org.casepress.localzenodo.Api.related;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.casepress.localzenodo.Api.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/deposit/depositions?q=}: the drafts search of zenodo.org (docs/local-zenodo.md).
 */
@Timeout(30)
class LocalZenodoSearchTest {
  @TempDir Path dir;
  final Api.TestClock clock = new Api.TestClock();
  LocalZenodo server;
  Api api;

  @BeforeEach
  void start() throws Exception {
    server = LocalZenodo.start(dir, 0, Options.defaults().withClock(clock));
    api = new Api(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<Long> ids(String q) throws Exception {
    Answer a = search(q);
    assertEquals(200, a.status(), a.text());
    List<Long> ids = new ArrayList<>();
    a.json().forEach(d -> ids.add(d.path("id").asLong()));
    return ids;
  }

  private Answer search(String q) throws Exception {
    return api.get(
        "/deposit/depositions?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&size=100");
  }

  private long create(String title, String alternate) throws Exception {
    JsonNode d = api.create(related(metadata(title), alternate, "isAlternateIdentifier"));
    return d.path("id").asLong();
  }

  @Test
  void fieldScopedAlternateIdentifierMatchesExactlyUnderLegacyAndRdmNames() throws Exception {
    long v1 = create("Flood model", "urn:casepress:hub:flood:v1");
    long v10 = create("Flood model", "urn:casepress:hub:flood:v10");
    clock.advance(Duration.ofSeconds(2));
    assertEquals(List.of(v1), ids("alternate.identifier:\"urn:casepress:hub:flood:v1\""));
    assertEquals(
        List.of(v10), ids("metadata.identifiers.identifier:\"urn:casepress:hub:flood:v10\""));
    assertEquals(List.of(), ids("alternate.identifier:\"urn:casepress:hub:flood\""), "exact");
    assertEquals(List.of(), ids("related.identifier:\"urn:casepress:hub:flood:v1\""));
  }

  @Test
  void legacyFieldsMapToTheirRdmFields() throws Exception {
    JsonNode d =
        api.create(related(metadata("Opening the flood model"), "https://github.com/x/y", "cites"));
    long id = d.path("id").asLong();
    String concept = d.path("conceptrecid").asText();
    clock.advance(Duration.ofSeconds(2));
    assertEquals(List.of(id), ids("conceptrecid:" + concept));
    assertEquals(List.of(id), ids("parent.id:\"" + concept + "\""));
    assertEquals(List.of(id), ids("recid:" + id));
    assertEquals(List.of(id), ids("title:\"flood model\""), "a phrase within the title");
    assertEquals(List.of(), ids("title:\"model flood\""), "in order");
    assertEquals(List.of(id), ids("creators.name:\"doe\""));
    assertEquals(List.of(id), ids("related.identifier:\"https://github.com/x/y\""));
    assertEquals(List.of(id), ids("title:flood AND recid:" + id));
    assertEquals(List.of(id), ids("title:nothing OR recid:" + id));
    assertEquals(List.of(), ids("no.such.field:\"flood\""));
  }

  @Test
  void unfieldedQueryIsATokenisedPhraseNotAnExactMatch() throws Exception {
    long ixodes = create("Ticks of the usnm-ixodes collection", "urn:x:usnm-ixodes");
    long other = create("Something else", "urn:x:other");
    clock.advance(Duration.ofSeconds(2));
    assertEquals(List.of(ixodes), ids("\"usnm\""), "usnm matches usnm-ixodes");
    assertEquals(List.of(ixodes), ids("\"urn:x:usnm\""));
    assertEquals(List.of(other, ixodes), ids("\"urn:x\""));
  }

  @Test
  void unquotedValueWithAColonIsASyntaxError() throws Exception {
    Answer a = search("alternate.identifier:urn:x:y");
    assertEquals(400, a.status());
    assertEquals("Invalid query string syntax.", a.json().path("message").asText());
    assertEquals(400, search("title:\"unclosed").status());
    assertEquals(200, search("alternate.identifier:\"urn:x:y\"").status());
    assertEquals(200, search("alternate.identifier:urn\\:x\\:y").status(), "escaped colons");
  }

  @Test
  void freshDraftIsSearchableOnlyAfterTheIndexRefresh() throws Exception {
    long id = create("Fresh", "urn:x:fresh");
    assertEquals(List.of(), ids(""), "not yet indexed");
    assertEquals(200, api.get("/deposit/depositions/" + id).status(), "but it exists");
    clock.advance(Duration.ofMillis(999));
    assertEquals(List.of(), ids("\"fresh\""));
    clock.advance(Duration.ofMillis(1));
    assertEquals(List.of(id), ids("\"fresh\""));
  }

  @Test
  void createAnswered5xxAfterCommitLeavesADraftNoSearchOrListingShows() throws Exception {
    server.faults().failAfterCommitUnindexed(Route.CREATE, 500, 1);
    Answer lost =
        api.post(
            "/deposit/depositions",
            Store.MAPPER
                .createObjectNode()
                .set("metadata", related(metadata("Lost"), "urn:x:lost", "isAlternateIdentifier")));
    assertEquals(500, lost.status());
    clock.advance(Duration.ofMinutes(10));
    assertEquals(List.of(), ids(""));
    assertEquals(List.of(), ids("alternate.identifier:\"urn:x:lost\""));
    assertEquals(List.of(), ids("\"Lost\""));
    // It exists: the first deposition of a fresh server has id 2 (its concept is 1).
    Answer exists = api.get("/deposit/depositions/2");
    assertEquals(200, exists.status());
    assertEquals("Lost", exists.json().path("title").asText());

    // Written again, it is indexed like any other.
    api.put(
        "/deposit/depositions/2",
        Store.MAPPER.createObjectNode().set("metadata", metadata("Lost")));
    clock.advance(Duration.ofSeconds(2));
    assertEquals(List.of(2L), ids("\"Lost\""));
  }

  @Test
  void listingShowsOnlyTheCallersDepositions() throws Exception {
    server.close();
    server =
        LocalZenodo.start(
            dir,
            0,
            Options.defaults().withClock(clock).withAccount("a", "ta").withAccount("b", "tb"));
    Api a = new Api(server, "ta");
    Api b = new Api(server, "tb");
    long mine = a.create(metadata("Mine")).path("id").asLong();
    b.create(metadata("Theirs"));
    clock.advance(Duration.ofSeconds(2));
    Answer listed = a.get("/deposit/depositions");
    assertEquals(1, listed.json().size());
    assertEquals(mine, listed.json().get(0).path("id").asLong());
    assertTrue(b.get("/deposit/depositions?q=%22Mine%22").json().isEmpty());
  }

  @Test
  void aStaleIndexListsAPublishedDepositionAsItsDraftUntilTheLagHasPassed() throws Exception {
    server.faults().staleAfterPublish(Duration.ofSeconds(60));
    JsonNode published =
        api.publish(
            related(
                metadata("Opening the flood model"), "urn:x:flood:v1", "isAlternateIdentifier"));
    long id = published.path("id").asLong();
    String concept = published.path("conceptrecid").asText();
    clock.advance(Duration.ofSeconds(59));
    JsonNode listed = search("conceptrecid:" + concept).json().get(0);
    assertEquals(id, listed.path("id").asLong());
    assertEquals("unsubmitted", listed.path("state").asText(), "as the index last saw it");
    assertEquals(false, listed.path("submitted").asBoolean());
    assertEquals(
        "done",
        api.get("/deposit/depositions/" + id).json().path("state").asText(),
        "a read is true");
    clock.advance(Duration.ofSeconds(1));
    assertEquals("done", search("conceptrecid:" + concept).json().get(0).path("state").asText());
  }

  @Test
  void aDepositionIndexedWithoutItsIdentifiersIsListedAndFoundByTitleOnly() throws Exception {
    server.faults().identifiersNeverIndexed(1);
    long hidden = create("Opening the flood model", "urn:x:flood:v1");
    long normal = create("Another study", "urn:x:other:v1");
    clock.advance(Duration.ofSeconds(2));
    assertEquals(List.of(), ids("alternate.identifier:\"urn:x:flood:v1\""));
    assertEquals(List.of(), ids("\"urn:x:flood:v1\""), "nor unfielded");
    assertEquals(List.of(normal), ids("alternate.identifier:\"urn:x:other:v1\""));
    assertEquals(List.of(hidden), ids("title:\"Opening the flood model\""));
    assertEquals(List.of(normal, hidden), ids("*"), "the listing shows it");
  }
}
