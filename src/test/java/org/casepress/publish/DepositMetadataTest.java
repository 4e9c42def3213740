package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepress.model.CaseStudy;
import org.casepress.model.Community;
import org.casepress.model.Metadata;
import org.casepress.publish.DepositMetadata.Edition;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DepositMetadataTest {
  static final Path FIXTURE = Path.of("src/test/resources/depmeta/workspace");
  private static final Path GOLDEN =
      Path.of("src/test/resources/depmeta/afon-flood-data.metadata.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Edition PUBLISHED_V2 = new Edition(2, LocalDate.of(2026, 12, 10));

  private static Loaded loaded;

  @BeforeAll
  static void load() {
    loaded = WorkspaceLoader.load(new Workspace(FIXTURE));
  }

  private static ObjectNode build(String slug, Edition edition) {
    CaseStudy cs = loaded.caseStudy(slug).orElseThrow();
    return DepositMetadata.build(cs, loaded.metadata(), edition);
  }

  private static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(n -> result.add(n.asText()));
    return result;
  }

  @Test
  void fixtureWorkspaceIsClean() {
    // Only check's word on where the fixture's funding (given by name) goes: the notes.
    assertEquals(
        List.of("funding[0]", "funding[1]"),
        loaded.problems().stream().map(org.casepress.model.Problem::field).toList());
    assertTrue(loaded.problems().stream().noneMatch(org.casepress.model.Problem::isError));
    assertEquals(2, loaded.caseStudies().size());
  }

  @Test
  void everyFixtureCaseStudyValidatesAgainstZenodoSchema() {
    for (CaseStudy cs : loaded.caseStudies()) {
      for (Edition edition : List.of(Edition.FIRST, PUBLISHED_V2)) {
        ObjectNode metadata = DepositMetadata.build(cs, loaded.metadata(), edition);
        assertEquals(
            List.of(), DepositMetadataSchema.validate(metadata), cs.slug() + " " + edition);
      }
    }
  }

  @Test
  void schemaRejectsAWrongUploadType() {
    ObjectNode metadata = build("afon-flood-data", Edition.FIRST);
    metadata.put("upload_type", "casestudy");
    List<String> errors = DepositMetadataSchema.validate(metadata);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("upload_type"), errors.toString());
  }

  @Test
  void schemaRejectsUnknownKeysAndMisshapenCreators() {
    ObjectNode metadata = build("afon-flood-data", Edition.FIRST);
    metadata.put("subtitle", "no such field");
    ((ObjectNode) metadata.get("creators").get(0)).put("type", "Editor");
    List<String> errors = DepositMetadataSchema.validate(metadata);
    assertEquals(2, errors.size(), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.contains("subtitle")), errors.toString());
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("creators[0]") && e.contains("type")),
        errors.toString());
  }

  @Test
  void creatorsAreFamilyCommaGivenWithOrcidAndEveryAffiliation() {
    JsonNode creators = build("afon-flood-data", Edition.FIRST).get("creators");
    assertEquals(2, creators.size());
    // Inline author: ORCID given as a URL is sent bare; both affiliations in the one string.
    assertEquals("Llŷr-Évans, Siân", creators.get(0).get("name").asText());
    assertEquals("0000-0001-5109-3700", creators.get(0).get("orcid").asText());
    assertEquals(
        "Prifysgol Bangor; Fernbank Water Analytics", creators.get(0).get("affiliation").asText());
    assertEquals("Nandakumar, Priya", creators.get(1).get("name").asText());
    assertEquals(
        "Fernbank Water Analytics; The Alan Turing Institute",
        creators.get(1).get("affiliation").asText());

    JsonNode minimal = build("station-sensors", Edition.FIRST).get("creators").get(0);
    assertEquals("Núñez, José", minimal.get("name").asText());
    assertFalse(minimal.has("orcid"));
    assertFalse(minimal.has("affiliation"));
  }

  @Test
  void keywordsAreTheCaseStudysThenTheCommunitysEachOnce() {
    // "open data" from community.yaml is a duplicate of the case study's "Open Data".
    assertEquals(
        List.of("flood modelling", "Open Data", "hydrology", "Case study", "research software"),
        texts(build("afon-flood-data", Edition.FIRST).get("keywords")));
    assertEquals(
        List.of("open data", "Case study", "research software"),
        texts(build("station-sensors", Edition.FIRST).get("keywords")));
    assertEquals(
        List.of("A", "b", "C"),
        DepositMetadata.keywords(List.of("A", " b ", "a"), List.of("B", "C", "c")));
  }

  @Test
  void languageIsIso6393() {
    assertEquals("cym", build("afon-flood-data", Edition.FIRST).get("language").asText());
    assertEquals("eng", build("station-sensors", Edition.FIRST).get("language").asText());
  }

  @Test
  void licenceIsSentAsWrittenWithTheCommunityDefault() {
    assertEquals("CC-BY-SA-4.0", build("afon-flood-data", Edition.FIRST).get("license").asText());
    assertEquals("CC-BY-4.0", build("station-sensors", Edition.FIRST).get("license").asText());
  }

  @Test
  void communitySeriesPublisherAndOpenAccess() {
    ObjectNode m = build("station-sensors", Edition.FIRST);
    assertEquals("publication", m.get("upload_type").asText());
    assertEquals("report", m.get("publication_type").asText());
    assertEquals("open", m.get("access_right").asText());
    assertFalse(m.has("communities"), "inclusion is asked for after publish, natively");
    assertEquals("Practitioners Hub Case Studies", m.get("partof_title").asText());
    assertEquals("The Alan Turing Institute", m.get("imprint_publisher").asText());
    assertEquals("<p>Part of Practitioners Hub Case Studies.</p>", m.get("notes").asText());
  }

  @Test
  void editorsFromCommunityBecomeEditorContributors() {
    JsonNode contributors = build("station-sensors", Edition.FIRST).get("contributors");
    assertEquals(1, contributors.size());
    JsonNode editor = contributors.get(0);
    assertEquals("Ellis, Morgan", editor.get("name").asText());
    assertEquals("Editor", editor.get("type").asText());
    assertEquals("0000-0002-1694-233X", editor.get("orcid").asText());
    assertEquals("The Alan Turing Institute", editor.get("affiliation").asText());
  }

  @Test
  void grantsUseFunderDoiAndAward_fundingWithoutDoiGoesToNotes() {
    ObjectNode m = build("afon-flood-data", Edition.FIRST);
    assertEquals("[{\"id\":\"10.13039/501100000266::EP/T001569/1\"}]", m.get("grants").toString());
    assertEquals(
        "<p>Part of Practitioners Hub Case Studies.</p>"
            + "<p>Funding: Llywodraeth Cymru, award WG-2025-17; Wellcome Trust.</p>",
        m.get("notes").asText());
  }

  @Test
  void caseStudyFundingWithAFunderDoiAndAwardJoinsTheGrantsNotTheNotes() {
    CaseStudy cs = loaded.caseStudy("afon-flood-data").orElseThrow();
    CaseStudy funded =
        new CaseStudy(
            cs.slug(),
            cs.folder(),
            cs.source(),
            cs.title(),
            cs.subtitle(),
            cs.authors(),
            cs.organisation(),
            cs.description(),
            cs.keywords(),
            cs.licence(),
            cs.language(),
            cs.related(),
            List.of(
                new org.casepress.model.Funding("https://doi.org/10.13039/501100000780", "283595"),
                new org.casepress.model.Funding("Wellcome Trust", null)),
            cs.body(),
            cs.bodyLine());
    ObjectNode m = DepositMetadata.build(funded, loaded.metadata(), Edition.FIRST);
    assertEquals(
        "[{\"id\":\"10.13039/501100000266::EP/T001569/1\"},"
            + "{\"id\":\"10.13039/501100000780::283595\"}]",
        m.get("grants").toString());
    assertEquals(
        "<p>Part of Practitioners Hub Case Studies.</p><p>Funding: Wellcome Trust.</p>",
        m.get("notes").asText());
  }

  @Test
  void relatedIdentifiersCarryNoScheme() {
    JsonNode related = build("afon-flood-data", Edition.FIRST).get("related_identifiers");
    assertEquals(
        "[{\"identifier\":\"https://github.com/fernbank/afon-models\",\"relation\":\"isSupplementedBy\"},"
            + "{\"identifier\":\"10.5281/zenodo.1234567\",\"relation\":\"references\"},"
            + "{\"identifier\":\"urn:casepress:"
            + loaded.metadata().community().community()
            + ":afon-flood-data:v1\",\"relation\":\"isAlternateIdentifier\"}]",
        related.toString());
  }

  @Test
  void descriptionIsSanitisedHtmlOpeningWithTheSubtitle() {
    String d = build("afon-flood-data", Edition.FIRST).get("description").asText();
    assertTrue(
        d.startsWith(
            "<p><strong>How a small water company published its river data &amp; code</strong></p>"),
        d);
    assertTrue(d.contains("<em>Afon</em>"), d);
    assertTrue(d.contains("<strong>river gauge</strong>"), d);
    assertTrue(
        d.contains("<a href=\"https://github.com/fernbank/afon-models\">our repository</a>"), d);
    assertTrue(d.contains("Nothing else to see."), d);
    for (String unsafe : List.of("<script", "alert", "<img", "onerror")) {
      assertFalse(d.contains(unsafe), unsafe + " survived in " + d);
    }
    assertEquals(
        "<p>A short account of how a community weather network shared ten years of sensor logs."
            + " It tells who kept the logs, how they were cleaned and described, which licence the"
            + " volunteers chose, and how schools and researchers have used the readings since they"
            + " were published, and what it cost them.</p>",
        build("station-sensors", Edition.FIRST).get("description").asText());
  }

  @Test
  void sanitiseKeepsOnlyWhatZenodoKeeps() {
    // Tags Zenodo does not allow go, their text stays.
    assertEquals("Heading", DepositMetadata.sanitise("<h6>Heading</h6>"));
    assertEquals(
        "<table><tr><th>a</th></tr></table>",
        DepositMetadata.sanitise("<table><thead><tr><th>a</th></tr></thead></table>"));
    // Scripts, styles and frames go with their content; event handlers and styles go from tags.
    assertEquals(
        "",
        DepositMetadata.sanitise(
            "<script>alert(1)</script><style>p{}</style><iframe src=\"https://x.org\"></iframe>"));
    assertEquals(
        "<p>text</p>",
        DepositMetadata.sanitise("<p onclick=\"alert(1)\" style=\"color:red\">text</p>"));
    // Links keep http(s) and mailto targets only: a relative link would break on Zenodo.
    assertEquals("<a>x</a>", DepositMetadata.sanitise("<a href=\"javascript:alert(1)\">x</a>"));
    assertEquals(
        "<a>y</a>",
        DepositMetadata.sanitise("<a href=\"figures/chart.png\" target=\"_blank\">y</a>"));
    assertEquals(
        "<a href=\"mailto:a@b.org\" title=\"t\">z</a>",
        DepositMetadata.sanitise("<a href=\"mailto:a@b.org\" title=\"t\">z</a>"));
    assertEquals(
        "<pre><code class=\"language-r\">1</code></pre>",
        DepositMetadata.sanitise("<pre><code class=\"language-r\">1</code></pre>"));
  }

  @Test
  void firstEditionHasVersionOneAndNoDateOrDoi() {
    ObjectNode m = build("afon-flood-data", Edition.FIRST);
    assertEquals("1", m.get("version").asText());
    assertTrue(m.get("version").isTextual());
    assertFalse(m.has("publication_date"));
    assertFalse(m.has("doi"));
    assertFalse(m.has("prereserve_doi"));
  }

  @Test
  void publishedEditionCarriesVersionAndDate() {
    ObjectNode m = build("station-sensors", PUBLISHED_V2);
    assertEquals("2", m.get("version").asText());
    assertEquals("2026-12-10", m.get("publication_date").asText());
    assertFalse(m.has("doi"));
  }

  @Test
  void editionStartsAtOne() {
    assertThrows(IllegalArgumentException.class, () -> new Edition(0, null));
  }

  @Test
  void emptyValuesAreLeftOut() {
    ObjectNode m = build("station-sensors", Edition.FIRST);
    for (String absent : List.of("publication_date", "doi")) {
      assertFalse(m.has(absent), absent);
    }
    assertEquals(1, m.get("related_identifiers").size(), "only our alternate identifier: " + m);
    Community c = loaded.metadata().community();
    Metadata bare =
        new Metadata(
            new Community(
                "", "", "", c.licence(), "publication", "report", List.of(), List.of(), List.of()),
            loaded.metadata().people(),
            loaded.metadata().organisations(),
            loaded.metadata().launches());
    ObjectNode b =
        DepositMetadata.build(
            loaded.caseStudy("station-sensors").orElseThrow(), bare, Edition.FIRST);
    for (String absent :
        List.of(
            "keywords",
            "communities",
            "partof_title",
            "imprint_publisher",
            "notes",
            "contributors",
            "grants")) {
      assertFalse(b.has(absent), absent + " in " + b);
    }
    assertEquals(List.of(), DepositMetadataSchema.validate(b));
  }

  @Test
  void publicationTypeOnlyForPublications() {
    Community c = loaded.metadata().community();
    Metadata asDataset =
        new Metadata(
            new Community(
                c.community(),
                c.series(),
                c.publisher(),
                c.licence(),
                "dataset",
                "report",
                c.keywords(),
                c.editors(),
                c.grants()),
            loaded.metadata().people(),
            loaded.metadata().organisations(),
            loaded.metadata().launches());
    ObjectNode m =
        DepositMetadata.build(
            loaded.caseStudy("station-sensors").orElseThrow(), asDataset, Edition.FIRST);
    assertEquals("dataset", m.get("upload_type").asText());
    assertFalse(m.has("publication_type"));
    assertEquals(List.of(), DepositMetadataSchema.validate(m));
  }

  @Test
  void keysComeInAStableOrder() {
    List<String> keys = new ArrayList<>();
    build("afon-flood-data", PUBLISHED_V2).fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "upload_type",
            "publication_type",
            "title",
            "creators",
            "description",
            "access_right",
            "license",
            "keywords",
            "language",
            "partof_title",
            "imprint_publisher",
            "notes",
            "related_identifiers",
            "contributors",
            "grants",
            "version",
            "publication_date"),
        keys);
  }

  @Test
  void goldenFile() throws IOException {
    String actual =
        JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(build("afon-flood-data", PUBLISHED_V2))
                .replace("\r\n", "\n")
            + "\n";
    String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
    assertEquals(
        expected,
        actual,
        "metadata differs from " + GOLDEN + "; if the change is intended, update the file");
  }

  @Test
  void aLaterVersionSaysWhichVersionItFollowsBeforeOurIdentifier() {
    JsonNode related =
        build("station-sensors", new Edition(2, LocalDate.of(2026, 12, 10), "10.5281/zenodo.7"))
            .get("related_identifiers");
    JsonNode follows = related.get(related.size() - 2);
    assertEquals("10.5281/zenodo.7", follows.get("identifier").asText());
    assertEquals("isNewVersionOf", follows.get("relation").asText());
    assertEquals("isAlternateIdentifier", related.get(related.size() - 1).get("relation").asText());
    for (JsonNode r : build("station-sensors", PUBLISHED_V2).get("related_identifiers")) {
      assertTrue(!r.get("relation").asText().equals("isNewVersionOf"), "nothing to follow: " + r);
    }
  }
}
