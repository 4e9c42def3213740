package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.vladsch.flexmark.ast.Link;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepress.model.CaseStudy;
import org.casepress.source.Loaded;
import org.casepress.source.Markdown;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The announcement files are valid in their formats: each is parsed back by a real parser. */
class LaunchAnnouncementTest {
  private static Loaded examples;
  private static LaunchAnnouncement announcement;
  private static List<Released> released;

  @BeforeAll
  static void publishExamplesOnPaper() {
    examples = WorkspaceLoader.load(new Workspace(Path.of("")));
    released = new ArrayList<>();
    long id = 100;
    for (CaseStudy cs : examples.caseStudies()) {
      released.add(
          new Released(
              cs,
              cs.slug().startsWith("n") ? 2 : 1,
              LocalDate.of(2026, 12, 10),
              "10.5072/zenodo." + id,
              "10.5072/zenodo." + (id - 1),
              "http://127.0.0.1:9/records/" + id,
              new CommunityState(
                  CommunityState.Inclusion.PENDING,
                  "0b7c5f44-1d2e-4a3b-9c8d-" + String.format("%012d", id),
                  null,
                  java.time.Instant.parse("2026-12-10T10:00:00Z"))));
      id += 2;
    }
    announcement =
        new LaunchAnnouncement(
            examples.metadata(), "Winter 2026 case studies", TargetKind.SANDBOX, released);
  }

  @Test
  void bibtexKeyTransliteratesLettersWithoutADecomposition() {
    assertEquals("thorsdottir", LaunchAnnouncement.asciiKey("Þórsdóttir"));
    assertEquals("mulleroberg", LaunchAnnouncement.asciiKey("Müller-Øberg"));
    assertEquals("strasse", LaunchAnnouncement.asciiKey("Straße"));
    assertEquals("casestudy", LaunchAnnouncement.asciiKey("王"));
  }

  @Test
  void bibtexParsesBackWithOneEntryPerCaseStudy() throws Exception {
    BibTeXDatabase db = new BibTeXParser().parse(new StringReader(announcement.bibtex()));
    assertEquals(released.size(), db.getEntries().size());
    for (Released r : released) {
      BibTeXEntry entry =
          db.getEntries().values().stream()
              .filter(e -> e.getField(BibTeXEntry.KEY_DOI).toUserString().equals(r.doi()))
              .findFirst()
              .orElseThrow();
      assertEquals(BibTeXEntry.TYPE_TECHREPORT, entry.getType());
      assertEquals(String.valueOf(2026), entry.getField(BibTeXEntry.KEY_YEAR).toUserString());
      String authors = entry.getField(BibTeXEntry.KEY_AUTHOR).toUserString();
      assertEquals(r.caseStudy().authors().size(), authors.split(" and ").length);
      assertTrue(authors.startsWith(r.caseStudy().authors().get(0).family() + ", "), authors);
      assertEquals(String.valueOf(r.version()), entry.getField(new Key("version")).toUserString());
    }
  }

  @Test
  void bibtexEscapesSpecialCharacters() {
    assertEquals(
        "R\\&D at 100\\% \\{x\\} a\\_b", LaunchAnnouncement.bibEscape("R&D at 100% {x} a_b"));
  }

  @Test
  void citationFilesAreCffWithTheRequiredKeys(@TempDir Path tmp) throws Exception {
    announcement.writeTo(tmp);
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (Released r : released) {
      JsonNode cff =
          yaml.readTree(tmp.resolve(r.caseStudy().slug()).resolve("CITATION.cff").toFile());
      assertEquals("1.2.0", cff.get("cff-version").asText());
      assertEquals(r.caseStudy().title(), cff.get("title").asText());
      assertTrue(cff.get("message").asText().length() > 10);
      assertEquals(r.caseStudy().authors().size(), cff.get("authors").size());
      for (int i = 0; i < r.caseStudy().authors().size(); i++) {
        assertEquals(
            r.caseStudy().authors().get(i).family(),
            cff.get("authors").get(i).get("family-names").asText());
      }
      assertEquals(r.doi(), cff.get("doi").asText());
      assertTrue(cff.get("version").isTextual(), "CFF versions are strings");
      assertEquals("2026-12-10", cff.get("date-released").asText());
      assertEquals(r.conceptDoi(), cff.get("identifiers").get(0).get("value").asText());
    }
  }

  @Test
  void everyFileIsByteIdenticalWhenWrittenAgain(@TempDir Path tmp) throws Exception {
    announcement.writeTo(tmp.resolve("first"));
    new LaunchAnnouncement(
            examples.metadata(), "Winter 2026 case studies", TargetKind.SANDBOX, released)
        .writeTo(tmp.resolve("second"));
    List<Path> files;
    try (var walk = Files.walk(tmp.resolve("first"))) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertTrue(files.size() > released.size(), files.toString());
    for (Path first : files) {
      Path second = tmp.resolve("second").resolve(tmp.resolve("first").relativize(first));
      assertEquals(Files.readString(first), Files.readString(second), "differs on rerun: " + first);
    }
    // Within one JVM a Map.of repeats its order; across runs it does not. The fixed order is what
    // two runs share.
    String cff = announcement.cff(released.get(0));
    int type = cff.indexOf("type: ");
    int value = cff.indexOf("value: ");
    int description = cff.indexOf("description: ");
    assertTrue(type > 0 && type < value && value < description, cff);
  }

  @Test
  void htmlLinksEveryDoiAndCarriesABadge(@TempDir Path tmp) throws Exception {
    announcement.writeTo(tmp);
    Document html = Jsoup.parse(Files.readString(tmp.resolve("announcement.html")));
    assertEquals("Winter 2026 case studies", html.title());
    assertEquals("en", html.selectFirst("html").attr("lang"));
    for (Released r : released) {
      assertEquals(
          1,
          html.select("a[href=https://doi.org/" + r.doi() + "] svg[aria-label=DOI " + r.doi() + "]")
              .size());
      assertTrue(html.select("h2").eachText().contains(r.caseStudy().title()));
    }
  }

  @Test
  void markdownLinksEveryDoi(@TempDir Path tmp) throws Exception {
    announcement.writeTo(tmp);
    List<String> links = new ArrayList<>();
    Markdown.parse(Files.readString(tmp.resolve("announcement.md")))
        .getDescendants()
        .forEach(
            n -> {
              if (n instanceof Link l) {
                links.add(l.getUrl().toString());
              }
            });
    for (Released r : released) {
      assertTrue(links.contains("https://doi.org/" + r.doi()), links.toString());
    }
    assertTrue(Files.readString(tmp.resolve("announcement.md")).contains("(version 2)"));
  }
}
