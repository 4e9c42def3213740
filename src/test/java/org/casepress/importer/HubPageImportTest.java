package org.casepress.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.casepress.model.CaseStudy;
import org.casepress.model.Person;
import org.casepress.model.Problem;
import org.casepress.model.RelatedIdentifier;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 2023 Practitioners Hub case studies, as published in Markdown, imported as new versions. */
class HubPageImportTest {
  private static final Path CORPUS = Path.of("..", "shared", "corpus", "ttw-hub");
  private static final String DIGIHAUL =
      "case-studies-and-reports/case-studies/2023_turing_way_practitioners_hub_DigiHaul_case_study.md";
  private static final List<String> DIGIHAUL_AUTHORS =
      List.of(
          "Stuart Gillespie",
          "Fernanda Vasconcellos",
          "Martin Willmor",
          "Wenjia Tang",
          "Alexandra Araujo Alvarez",
          "Kirstie Whitaker",
          "Malvika Sharan");

  @TempDir Path dir;

  static Stream<String> publishedPages() {
    return Stream.of(DIGIHAUL, "_history/2bb56c6/" + DIGIHAUL);
  }

  @ParameterizedTest
  @MethodSource("publishedPages")
  void publishedCaseStudyImportsWithOnlyAuthorDetailsMissing(String page) throws Exception {
    Path file = CORPUS.resolve(page);
    assumeTrue(
        Files.isRegularFile(file),
        "../shared/corpus is not next to this clone: the published 2023 pages are not tested");
    String source = Files.readString(file, StandardCharsets.UTF_8);

    CaseStudy imported = importAndLoad(file, "digihaul-2023");

    assertTrue(
        imported.title().startsWith("AI in transportation: DigiHaul's vision for decarboni"));
    assertEquals(headings(source), headings(imported.body()), "the sections, in order");
    assertDigiHaulMetadata(imported);
  }

  @Test
  void pageKeptInTheTestResourcesImports() throws Exception {
    Path file = Path.of("src/test/resources/import/hub-page.md");

    CaseStudy imported = importAndLoad(file, "digihaul-2023");

    assertEquals(
        "AI in transportation: DigiHaul's vision for decarbonising the UK’s road network",
        imported.title());
    assertEquals(
        List.of("## “Data is our currency”", "## Key takeaways", "## Acknowledgements"),
        headings(imported.body()));
    assertDigiHaulMetadata(imported);
    assertFalse(imported.body().contains("Cite this publication"), imported.body());
    assertFalse(imported.body().contains("0000-0001-5575-9012"), imported.body());
  }

  @Test
  void knownPeopleAndOrganisationsAreMatchedByName() throws Exception {
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    Path file = dir.resolve("page.md");
    Files.writeString(
        file,
        "# Sharing flood models\n\n"
            + "Opening words of a page that explains how a water company shared its flood models"
            + " with the universities nearby, what it had to change to do so, and what the people"
            + " who reused the models found out about them in their first year of use, for"
            + " better and for worse.\n\n"
            + "## What happened\n\nA story.\n\n"
            + "## Authors and contributors\n\n"
            + "* Priya Nandakumar: 0000-0002-0940-0946\n"
            + "* Zoe Achterberg\n"
            + "* Ada Quill (Fernbank Water Analytics; Nowhere University): 0000-0002-1825-0097\n",
        StandardCharsets.UTF_8);

    Imported imported = new Importer(workspace).importDraft(file, null, null);

    String md = ImportWorkspace.caseStudy(workspace, imported.slug());
    assertTrue(
        md.contains(
            "authors:\n  - priya-nandakumar\n  - zoe-achterberg\n  - given: \"Ada\"\n"
                + "    family: \"Quill\"\n    orcid: \"0000-0002-1825-0097\"\n"
                + "    affiliations: [fernbank-water]\n"),
        md);
    assertTrue(
        imported.notes().stream()
            .anyMatch(
                n ->
                    n.kind() == Note.Kind.TO_ADD
                        && n.where().equals("authors[2].affiliations")
                        && n.message().contains("\"Nowhere University\"")),
        imported.notes().toString());
    assertTrue(imported.checksOut(), imported.problems().toString());
  }

  private CaseStudy importAndLoad(Path file, String slug) {
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    Imported imported = new Importer(workspace).importDraft(file, slug, null);
    List<Problem> notAboutAuthors =
        imported.problems().stream()
            .filter(Problem::isError)
            .filter(p -> !p.field().startsWith("authors"))
            .toList();
    assertEquals(List.of(), notAboutAuthors, "check errors other than missing author details");
    assertTrue(
        imported.notes().stream().noneMatch(n -> n.kind() == Note.Kind.NOT_IMPORTED),
        imported.notes().toString());
    Loaded loaded = WorkspaceLoader.load(workspace, List.of(slug));
    return loaded.caseStudy(slug).orElseThrow();
  }

  private static void assertDigiHaulMetadata(CaseStudy imported) {
    assertEquals(DIGIHAUL_AUTHORS, imported.authors().stream().map(Person::fullName).toList());
    Person araujo = imported.authors().get(4);
    assertEquals("Araujo Alvarez", araujo.family(), "the family name, as the citation has it");
    assertEquals("0009-0008-6607-3815", araujo.orcid());
    assertEquals(
        List.of(new RelatedIdentifier("https://doi.org/10.5281/zenodo.10338551", "isNewVersionOf")),
        imported.related());
    assertEquals("CC-BY-4.0", imported.licence());
    assertTrue(imported.description().startsWith("An independent clothing manufacturer"));
  }

  private static final Pattern HEADING = Pattern.compile("(?m)^(#{1,6}) +(.*?)\\s*$");

  /** The "##" section headings, with the emphasis marks some pages put around them removed. */
  private static List<String> headings(String markdown) {
    List<String> found = new ArrayList<>();
    Matcher m = HEADING.matcher(markdown);
    while (m.find()) {
      String text = m.group(2).replace("**", "");
      if (m.group(1).length() == 2 && !text.toLowerCase().startsWith("authors")) {
        found.add("## " + text);
      }
    }
    return found;
  }

  @Test
  void picturesThePageShowsAreCopied() throws Exception {
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    Path page = Files.createDirectories(dir.resolve("book/chapter"));
    Files.createDirectories(dir.resolve("book/figures"));
    byte[] png = ImportWorkspace.png();
    Files.write(page.resolve("local.png"), png);
    Files.write(dir.resolve("book/figures/shared.png"), png);
    Path file = page.resolve("page.md");
    Files.writeString(
        file,
        "# Two pictures\n\n"
            + "An opening paragraph long enough to serve as the description of this page for the"
            + " time being, until its author writes a real abstract. It has to say, in fifty words"
            + " or more, what the page is about, because check asks that of every abstract.\n\n"
            + "![A local chart](local.png)\n\n![A shared chart](../figures/shared.png)\n",
        StandardCharsets.UTF_8);

    Imported imported = new Importer(workspace).importDraft(file, "two-pictures", "zoe-achterberg");

    String md = ImportWorkspace.caseStudy(workspace, imported.slug());
    assertTrue(md.contains("![A local chart](local.png)"), md);
    assertTrue(md.contains("![A shared chart](figures/shared.png)"), md);
    assertEquals(List.of("case-study.md", "figures/shared.png", "local.png"), imported.files());
    assertTrue(imported.checksOut(), imported.problems().toString());
  }

  @Test
  void turingWayPageWithATargetBeforeItsTitle() throws Exception {
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    Path file = dir.resolve("chapter.md");
    Files.writeString(
        file,
        "(cs-events)=\n# Case Study: Running a workshop\n\n"
            + "As organisers, we wanted an event about ethics in research, and this page tells what"
            + " we did, what went wrong, and what we would do again.\n\n"
            + "(cs-events-overview)=\n## Overview\n\nText.\n",
        StandardCharsets.UTF_8);

    Imported imported = new Importer(workspace).importDraft(file, null, "zoe-achterberg");

    String md = ImportWorkspace.caseStudy(workspace, imported.slug());
    assertEquals("case-study-running-a-workshop", imported.slug());
    assertTrue(md.startsWith("---\ntitle: \"Case Study: Running a workshop\"\n"), md);
    assertTrue(md.contains("---\n\n(cs-events)=\n\nAs organisers"), md);
    assertTrue(md.contains("(cs-events-overview)=\n## Overview\n"), md);
  }
}
