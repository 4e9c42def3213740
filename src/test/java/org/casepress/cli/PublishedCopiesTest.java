package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casepress.model.CaseStudy;
import org.casepress.model.Citation;
import org.casepress.model.Person;
import org.casepress.publish.Ledger;
import org.casepress.publish.LedgerStore;
import org.casepress.publish.LedgerStores;
import org.casepress.publish.TargetKind;
import org.casepress.render.Publication;
import org.casepress.render.RenderMode;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a release of the examples on the local target, every copy of a case study's metadata says
 * the same (printed title page and citation, PDF info and XMP, the deposit, CITATION.cff, BibTeX),
 * and a final render from the ledger gives the uploaded PDF again, byte for byte.
 */
@Timeout(300)
class PublishedCopiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir static Path ws;
  static Loaded loaded;
  static List<Published> published = new ArrayList<>();

  /** One released example: its ledger entry, deposit, PDF and announcement files. */
  record Published(CaseStudy cs, Ledger.Entry entry, JsonNode deposit, Path pdf, JsonNode cff) {}

  @BeforeAll
  static void release() throws Exception {
    TestWorkspaces.copy(Path.of("case-studies"), ws.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), ws.resolve("metadata"));
    CliRun run = CliRun.in(ws, "release");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    loaded = WorkspaceLoader.load(new Workspace(ws));
    JsonNode server = JSON.readTree(ws.resolve(".casepress/local-zenodo/state.json").toFile());
    Path launch;
    try (Stream<Path> launches = Files.list(ws.resolve("build/launch/local"))) {
      launch = launches.findFirst().orElseThrow();
    }
    LedgerStore ledgers = LedgerStores.forTarget(new Workspace(ws), TargetKind.LOCAL);
    for (CaseStudy cs : loaded.caseStudies()) {
      String slug = cs.slug();
      Ledger.Entry entry = ledgers.read(slug).version(1).orElse(null);
      if (entry != null && entry.phase().isPublished()) {
        JsonNode deposit =
            server.get("deposits").get(String.valueOf(entry.depositId())).get("published");
        published.add(
            new Published(
                cs,
                entry,
                deposit,
                ws.resolve("build/stage/local/" + slug + "-v1.pdf"),
                YAML.readTree(launch.resolve(slug).resolve("CITATION.cff").toFile())));
      }
    }
    assertEquals(2, published.size(), "the two approved examples");
    bibtex = Files.readString(launch.resolve("citations.bib"));
  }

  static String bibtex;

  @Test
  void finalRenderFromTheLedgerReproducesTheUploadedPdf() throws Exception {
    Renderer renderer = Renderer.create();
    for (Published p : published) {
      Publication pub =
          Publication.published(
              p.entry().version(), p.entry().publicationDate(), p.entry().reservedDoi());
      Path again = ws.resolve("again-" + p.cs().slug() + ".pdf");
      renderer.render(p.cs(), loaded.metadata(), pub, RenderMode.FINAL, again);
      byte[] uploaded = uploaded(p.entry().pdf().md5());
      assertArrayEquals(uploaded, Files.readAllBytes(again), p.cs().slug());
    }
  }

  /** The file the embedded server keeps for an upload, found by its checksum. */
  private static byte[] uploaded(String md5) throws Exception {
    try (Stream<Path> blobs = Files.list(ws.resolve(".casepress/local-zenodo/blobs"))) {
      for (Path blob : blobs.toList()) {
        byte[] bytes = Files.readAllBytes(blob);
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        if (sum.equals(md5)) {
          return bytes;
        }
      }
    }
    throw new AssertionError("no uploaded file with MD5 " + md5);
  }

  @Test
  void everyCopyOfTheMetadataAgrees() throws Exception {
    for (Published p : published) {
      CaseStudy cs = p.cs();
      String doi = p.entry().doi();
      String date = p.entry().publicationDate().toString();
      List<String> keywords =
          Citation.keywords(cs.keywords(), loaded.metadata().community().keywords());
      JsonNode deposit = p.deposit();
      JsonNode cff = p.cff();
      String bib = entry(cs.slug());

      // Title
      assertEquals(cs.title(), deposit.get("title").asText());
      assertEquals(cs.title(), cff.get("title").asText());
      assertTrue(bib.contains("title = {{" + cs.title() + "}}"), bib);

      // Authors: order, names, every affiliation, ORCID
      List<Person> authors = cs.authors();
      assertEquals(authors.size(), deposit.get("creators").size());
      assertEquals(authors.size(), cff.get("authors").size());
      List<String> bibNames = new ArrayList<>();
      for (int i = 0; i < authors.size(); i++) {
        Person a = authors.get(i);
        JsonNode creator = deposit.get("creators").get(i);
        JsonNode cffAuthor = cff.get("authors").get(i);
        assertEquals(a.invertedName(), creator.get("name").asText());
        assertEquals(a.family(), cffAuthor.get("family-names").asText());
        assertEquals(a.given(), cffAuthor.get("given-names").asText());
        String affiliation = Citation.affiliation(a);
        if (affiliation != null) {
          assertEquals(affiliation, creator.get("affiliation").asText());
          assertEquals(affiliation, cffAuthor.get("affiliation").asText());
        }
        if (a.orcid() != null) {
          assertEquals(a.orcid(), creator.get("orcid").asText());
          assertEquals(a.orcidUrl(), cffAuthor.get("orcid").asText());
        }
        bibNames.add(a.family() + ", " + a.given());
      }
      assertTrue(bib.contains("author = {" + String.join(" and ", bibNames) + "}"), bib);

      // Keywords, licence, DOI, date, version
      assertEquals(keywords, strings(deposit.get("keywords")));
      assertEquals(keywords, strings(cff.get("keywords")));
      assertEquals(cs.licence().toLowerCase(Locale.ROOT), deposit.get("license").asText());
      assertEquals(cs.licence(), cff.get("license").asText());
      assertEquals(doi, cff.get("doi").asText());
      assertTrue(bib.contains("doi = {" + doi + "}"), bib);
      assertEquals(date, deposit.get("publication_date").asText());
      assertEquals(date, cff.get("date-released").asText());
      assertEquals("1", deposit.get("version").asText());
      assertEquals("1", cff.get("version").asText());
      assertTrue(bib.contains("version = {1}"), bib);

      try (PDDocument pdf = Loader.loadPDF(p.pdf().toFile())) {
        var info = pdf.getDocumentInformation();
        assertEquals(cs.title(), info.getTitle());
        assertEquals(String.join(", ", keywords), info.getKeywords());
        String xmp =
            new String(
                pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
        assertEquals(
            authors.stream().map(Person::fullName).toList(), items(xmp, "dc:creator"), xmp);
        assertEquals(keywords, items(xmp, "dc:subject"));
        assertTrue(xmp.contains("<prism:doi>" + doi + "</prism:doi>"), xmp);
        assertTrue(xmp.contains("<dc:identifier>doi:" + doi + "</dc:identifier>"), xmp);
        assertTrue(xmp.contains("<xmp:CreateDate>" + date + "T00:00:00Z"), xmp);
        assertTrue(xmp.contains("licenses/" + cs.licence() + ".html"), xmp);

        String printed = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        assertTrue(printed.contains(cs.title().replaceAll("\\s+", " ")), "title printed");
        for (Person a : authors) {
          assertTrue(printed.contains(a.fullName()), a.fullName() + " printed");
          a.affiliations().forEach(o -> assertTrue(printed.contains(o.name()), o.name()));
          if (a.orcid() != null) {
            assertTrue(printed.contains(a.orcidUrl()), a.orcidUrl());
          }
        }
        assertTrue(printed.contains("https://doi.org/" + doi), "DOI printed");
        assertTrue(printed.contains("Version 1"), "version printed");
        assertTrue(
            printed.contains(
                Citation.of(
                        cs, loaded.metadata().community(), LocalDate.parse(date).getYear(), 1, doi)
                    .text()),
            "citation printed");
        if (!cs.funding().isEmpty()) {
          String funding = Citation.funding(cs.funding());
          assertTrue(printed.contains("Funding: " + funding), "funding printed");
          assertTrue(deposit.get("notes").asText().contains(funding), "funding in the deposit");
        }
      }
    }
  }

  private static String entry(String slug) {
    Matcher m =
        Pattern.compile("@techreport\\{[^,]*-" + slug + ",\\n(.*?)\\n}", Pattern.DOTALL)
            .matcher(bibtex);
    assertTrue(m.find(), bibtex);
    return m.group(1);
  }

  private static List<String> strings(JsonNode array) {
    assertNotNull(array);
    List<String> s = new ArrayList<>();
    array.forEach(n -> s.add(n.asText()));
    return s;
  }

  /** The items of an XMP array property. */
  private static List<String> items(String xmp, String property) {
    Matcher block =
        Pattern.compile("<" + property + ">(.*?)</" + property + ">", Pattern.DOTALL).matcher(xmp);
    assertTrue(block.find(), property + " in " + xmp);
    Matcher li = Pattern.compile("<rdf:li>(.*?)</rdf:li>").matcher(block.group(1));
    List<String> items = new ArrayList<>();
    while (li.find()) {
      items.add(li.group(1).replace("&amp;", "&"));
    }
    return items;
  }
}
