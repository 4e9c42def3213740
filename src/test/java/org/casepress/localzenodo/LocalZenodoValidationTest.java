package org.casepress.localzenodo;

import static org.casepress.localzenodo.Api.metadata;
import static org.casepress.localzenodo.Api.related;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.casepress.localzenodo.Api.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lenient drafts, strict publish, and identifiers as idutils reads them (docs/local-zenodo.md):
 * what create and PUT store, and what publish refuses with zenodo.org's field paths.
 */
@Timeout(30)
class LocalZenodoValidationTest {
  @TempDir Path dir;
  LocalZenodo server;
  Api api;

  @BeforeEach
  void start() throws Exception {
    server = LocalZenodo.start(dir, 0);
    api = new Api(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} valid={1}")
  @CsvSource({
    "0000-0002-1825-0097, true", // ORCID's own documentation
    "https://orcid.org/0000-0002-1825-0097, true",
    "0000-0001-5000-0007, true", // first block starts at 15,000,000
    "0000-0003-5000-0001, true", // ... and ends at 35,000,000
    "0009-0000-0000-0000, false", // check digit wrong
    "0009-0000-0000-0009, true", // second block
    "0000-0003-9291-3466, false", // valid check digit, outside every block
    "0000-0002-1825-0098, false", // check digit wrong
    "0000-0002-1825-009, false",
  })
  void orcidNeedsItsCheckDigitAndAnIssuedBlock(String orcid, boolean valid) {
    assertEquals(valid, Identifiers.isOrcid(orcid));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://doi.org/10.1234/abc, doi",
    "10.1234/abc, doi",
    "urn:casepress:hub:flood:v1, urn",
    "https://github.com/example/repo, url",
    "https://w3id.org/example, url",
    "0000-0002-1825-0097, isni",
    "arXiv:2101.00001, arxiv",
    "hdl:20.500.12345/678, handle",
    "urn:lsid:ubio.org:namebank:11815, lsid",
    "https://purl.org/example/x, purl",
    "PMC1234567, ''",
    "swh:1:dir:0123456789abcdef0123456789abcdef01234567, ''",
    "0abcdef12, ''",
    "just words, ''",
  })
  void schemeIsTheFirstDetectedOneZenodoAllows(String identifier, String scheme) {
    assertEquals(
        scheme.isEmpty() ? Optional.empty() : Optional.of(scheme), Identifiers.scheme(identifier));
  }

  @Test
  void draftsKeepAnInvalidOrcidShortTitleAndBadVocabularyUntilPublish() throws Exception {
    ObjectNode m = metadata("ab");
    ((ObjectNode) m.withArray("creators").get(0)).put("orcid", "0000-0003-9291-3466");
    m.put("upload_type", "manuscript");
    related(m, "https://example.org/data", "isSupplementedBy");
    related(m, "https://example.org/paper", "isInspiredBy");
    JsonNode d = api.create(m);
    long id = d.path("id").asLong();
    assertEquals("manuscript", d.path("metadata").path("upload_type").asText(), "stored");
    assertEquals(
        200,
        api.put("/deposit/depositions/" + id, Store.MAPPER.createObjectNode().set("metadata", m))
            .status(),
        "a PUT with the same problems is stored too");
    api.upload(d.path("links").path("bucket").asText(), "f.pdf", new byte[] {1});

    Answer refused = api.post("/deposit/depositions/" + id + "/actions/publish");
    assertEquals(400, refused.status());
    assertEquals("A validation error occurred.", refused.json().path("message").asText());
    Map<String, String> errors = errors(refused);
    assertEquals(
        "Invalid ORCID identifier.",
        errors.get("metadata.creators.0.person_or_org.identifiers.0.identifier"));
    assertEquals("Shorter than minimum length 3.", errors.get("metadata.title"));
    assertEquals("Invalid value manuscript.", errors.get("metadata.resource_type"));
    assertEquals(
        "Invalid value isinspiredby.", errors.get("metadata.related_identifiers.1.relation_type"));
    assertEquals(4, errors.size(), errors.toString());
    assertEquals(
        "unsubmitted", api.get("/deposit/depositions/" + id).json().path("state").asText());
  }

  @Test
  void undetectableOrRefusedSchemeFailsTheCreateUnderTheWholeList() throws Exception {
    for (String identifier :
        new String[] {"not an identifier", "swh:1:dir:0123456789abcdef0123456789abcdef01234567"}) {
      ObjectNode body = Store.MAPPER.createObjectNode();
      body.set("metadata", related(metadata("Schemes"), identifier, "isSupplementedBy"));
      Answer a = api.post("/deposit/depositions", body);
      assertEquals(400, a.status(), identifier);
      assertEquals(
          "No valid scheme recognized for identifier.",
          errors(a).get("metadata.related_identifiers.scheme"),
          identifier);
    }
  }

  @Test
  void identifiersAreNormalisedAndAlternatesComeAfterRelatedOnes() throws Exception {
    ObjectNode m = metadata("Identifiers");
    related(m, "urn:casepress:hub:flood:v1", "isAlternateIdentifier");
    related(m, "https://doi.org/10.1234/ABC", "cites");
    related(m, "0000-0002-1825-0097", "isDocumentedBy");
    related(m, "https://w3id.org/example", "isOrignialFormOf");
    JsonNode list = api.create(m).path("metadata").path("related_identifiers");
    assertEquals(4, list.size());
    assertEquals("10.1234/ABC", list.get(0).path("identifier").asText());
    assertEquals("doi", list.get(0).path("scheme").asText());
    assertEquals("isni", list.get(1).path("scheme").asText(), "an ORCID-shaped value is isni");
    assertEquals("url", list.get(2).path("scheme").asText());
    assertEquals("isOriginalFormOf", list.get(2).path("relation").asText(), "typo patched");
    assertEquals("urn:casepress:hub:flood:v1", list.get(3).path("identifier").asText());
    assertEquals("urn", list.get(3).path("scheme").asText());
  }

  @Test
  void publishedRecordListsAlternateIdentifiersApart() throws Exception {
    ObjectNode m = related(metadata("Record"), "urn:casepress:hub:rec:v1", "isAlternateIdentifier");
    related(m, "https://github.com/example/repo", "isSupplementedBy");
    long id = api.publish(m).path("id").asLong();
    JsonNode record = api.get("/records/" + id).json().path("metadata");
    assertEquals(
        "urn:casepress:hub:rec:v1",
        record.path("alternate_identifiers").get(0).path("identifier").asText());
    assertEquals(1, record.path("related_identifiers").size());
    assertFalse(record.path("related_identifiers").toString().contains("urn:casepress"));
  }

  @Test
  void prereservedDoiIsAlwaysTheProductionPrefixAndOnlyAPrediction() throws Exception {
    JsonNode d = api.create(metadata("DOI"));
    long id = d.path("id").asLong();
    assertEquals(
        "10.5281/zenodo." + id, d.path("metadata").path("prereserve_doi").path("doi").asText());
    assertTrue(d.path("doi").isMissingNode(), "no DOI before publish");
    api.upload(d.path("links").path("bucket").asText(), "f.pdf", new byte[] {1});
    JsonNode p = api.post("/deposit/depositions/" + id + "/actions/publish").json();
    assertEquals("10.5072/zenodo." + id, p.path("doi").asText(), "minted under the test prefix");
  }

  private static Map<String, String> errors(Answer a) {
    Map<String, String> m = new LinkedHashMap<>();
    a.json()
        .path("errors")
        .forEach(e -> m.put(e.path("field").asText(), e.path("messages").get(0).asText()));
    return m;
  }
}
