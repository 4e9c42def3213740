package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.casepress.source.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored ledger: readable, backward compatible, and refused with the key when damaged. */
class LedgerFormatTest {
  private static final String FILE = "case-studies/x/status.json";

  /** A ledger as casepress wrote it before the typed entries, flat keys and free-text outcomes. */
  private static final String EARLIER =
      """
      {"versions": {"1": {
        "version": 1, "phase": "VERIFIED", "identifier": "urn:casepress:c:x:v1",
        "deposit_id": 12, "concept_rec_id": "11", "bucket_url": "https://z/api/files/b",
        "reserved_doi": "10.5281/zenodo.12", "pdf_file": "x.pdf", "pdf_md5": "abc",
        "pdf_size": 2048, "metadata_sha256": "sha256:1", "staged_digest": "sha256:2",
        "publication_date": "2026-12-10", "doi": "10.5281/zenodo.12",
        "concept_doi": "10.5281/zenodo.11", "record_url": "https://z/records/12",
        "community": "pending",
        "events": [
          {"time": "2026-12-10T10:00:00Z", "step": "create", "outcome": "started"},
          {"time": "2026-12-10T10:00:01Z", "step": "create", "outcome": "answer lost"},
          {"time": "2026-12-10T10:05:00Z", "step": "create", "outcome": "found again: deposition 12"},
          {"time": "2026-12-10T10:05:02Z", "step": "upload", "outcome": "done, checksum verified"},
          {"time": "2026-12-10T10:06:00Z", "step": "verify", "outcome": "record matches; community pending"}
        ]}}}
      """;

  private static JsonNode json(String text) throws Exception {
    return LedgerFormat.JSON.readTree(text);
  }

  @Test
  void anEarlierLedgerReadsIntoTypedValues() throws Exception {
    Ledger.Entry e =
        LedgerFormat.fromJson(json(EARLIER), FILE, "targets.production").version(1).orElseThrow();
    assertEquals(Ledger.Phase.VERIFIED, e.phase());
    assertEquals(
        new Ledger.Deposit(12, "11", "https://z/api/files/b", "10.5281/zenodo.12"), e.deposit());
    assertEquals(new Ledger.UploadedPdf("x.pdf", "abc", 2048), e.pdf());
    assertEquals(
        new CommunityState(CommunityState.Inclusion.PENDING, null, null, null),
        e.publication().community(),
        "an earlier ledger's community reads as its state, with no request or time");
    assertEquals(LocalDate.of(2026, 12, 10), e.publicationDate());
    assertEquals(Ledger.Outcome.ANSWER_LOST, e.events().get(1).outcome());
    assertEquals(
        new Ledger.Event(
            Instant.parse("2026-12-10T10:05:00Z"),
            Ledger.Step.CREATE,
            Ledger.Outcome.FOUND_AGAIN,
            "deposition 12"),
        e.events().get(2));
    assertEquals("checksum verified", e.events().get(3).detail());
    assertEquals(Ledger.Outcome.RECORD_MATCHES, e.events().get(4).outcome());
    assertTrue(e.lostAnAnswer());
    assertTrue(e.attempted(Ledger.Step.CREATE));
  }

  @Test
  void writingKeepsTheFlatKeysAndReadsBackTheSame() throws Exception {
    Ledger read = LedgerFormat.fromJson(json(EARLIER), FILE, "");
    JsonNode written = LedgerFormat.toJson(read);
    JsonNode entry = written.get("versions").get("1");
    assertEquals(12, entry.get("deposit_id").asLong());
    assertEquals("VERIFIED", entry.get("phase").asText());
    assertEquals("pending", entry.get("community").asText());
    assertEquals("found again: deposition 12", entry.get("events").get(2).get("outcome").asText());
    assertEquals(read, LedgerFormat.fromJson(written, FILE, ""));
  }

  /**
   * A local ledger as main (1b30624) wrote it, copied by hand from its format: a record link at the
   * port of the embedded server of that run, and a community state without its request.
   */
  @Test
  void aLocalLedgerWrittenByMainReadsWithAPortlessLinkAndItsCommunity(@TempDir Path tmp)
      throws Exception {
    Path ledgers = Files.createDirectories(tmp.resolve(".casepress/ledgers/local"));
    Files.copy(
        Path.of("src/test/resources/ledgers/local-main-1b30624.json"),
        ledgers.resolve("base-study.json"));
    LedgerStore store = LedgerStores.forTarget(new Workspace(tmp), TargetKind.LOCAL);
    Ledger.Entry e = store.read("base-study").version(1).orElseThrow();
    assertEquals("/records/2", e.publication().recordUrl(), "no port of a run long gone");
    assertEquals(
        new CommunityState(CommunityState.Inclusion.PENDING, null, null, null),
        e.publication().community());
    assertEquals("pending: awaiting the curators", e.publication().community().line());

    store.write("base-study", store.read("base-study"));
    JsonNode written = json(Files.readString(ledgers.resolve("base-study.json")));
    JsonNode entry = written.path("versions").path("1");
    assertEquals("/records/2", entry.path("record_url").asText());
    assertEquals("pending", entry.path("community").asText());
    assertTrue(entry.path("community_request_id").isMissingNode(), "nothing invented");
  }

  @Test
  void theCommunityRequestAndWhenItWasReadAreKept() throws Exception {
    Ledger read = LedgerFormat.fromJson(json(EARLIER), FILE, "");
    CommunityState declined =
        new CommunityState(
            CommunityState.Inclusion.DECLINED,
            "3f2a-request",
            null,
            Instant.parse("2026-12-11T09:30:00Z"));
    Ledger changed = read.with(read.version(1).orElseThrow().community(declined));
    JsonNode entry = LedgerFormat.toJson(changed).get("versions").get("1");
    assertEquals("declined", entry.get("community").asText());
    assertEquals("3f2a-request", entry.get("community_request_id").asText());
    assertEquals("2026-12-11T09:30:00Z", entry.get("community_read_at").asText());
    assertEquals(
        declined,
        LedgerFormat.fromJson(LedgerFormat.toJson(changed), FILE, "")
            .version(1)
            .orElseThrow()
            .publication()
            .community());
  }

  @Test
  void anUnknownPhaseNamesTheFileAndKey() throws Exception {
    PublishException e =
        assertThrows(
            PublishException.class,
            () ->
                LedgerFormat.fromJson(
                    json(EARLIER.replace("\"VERIFIED\"", "\"SHIPPED\"")),
                    FILE,
                    "targets.production"));
    assertEquals(PublishException.Kind.PROBLEM, e.kind());
    assertTrue(
        e.getMessage()
            .startsWith(
                FILE
                    + ": the ledger at targets.production.versions.1.phase cannot be read:"
                    + " 'SHIPPED' is not a phase casepress writes"),
        e.getMessage());
    assertTrue(e.getMessage().contains("git checkout -- " + FILE), e.getMessage());
  }

  @Test
  void anUnknownStepOrAMistypedValueIsRefusedToo() throws Exception {
    PublishException step =
        assertThrows(
            PublishException.class,
            () ->
                LedgerFormat.fromJson(
                    json(EARLIER.replace("\"step\": \"upload\"", "\"step\": \"uplaod\"")),
                    FILE,
                    ""));
    assertTrue(step.getMessage().contains("versions.1.events[3].step"), step.getMessage());
    PublishException type =
        assertThrows(
            PublishException.class,
            () ->
                LedgerFormat.fromJson(
                    json(EARLIER.replace("\"deposit_id\": 12", "\"deposit_id\": \"twelve\"")),
                    FILE,
                    ""));
    assertTrue(
        type.getMessage().startsWith(FILE + ": the ledger cannot be read:"), type.getMessage());
  }
}
