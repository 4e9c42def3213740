package org.casepress.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casepress.source.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordImportTest {
  private static final String OPENING =
      "Fernbank Water Analytics forecasts river flows for three water companies. Until last"
          + " year its forecasting model lived on one analyst's laptop, and nobody else could"
          + " rerun a forecast or say which version of the code had produced it. This case study"
          + " tells how the team moved the model into version control, what they changed in"
          + " their working week, and what the first outside contributor found.";

  @TempDir Path dir;

  private Imported importDocx(Workspace workspace, DocxFixture docx, String slug) throws Exception {
    Path file = dir.resolve("Flood model draft.docx");
    Files.write(file, docx.bytes());
    return new Importer(workspace).importDraft(file, slug, "priya-nandakumar");
  }

  @Test
  void headingsTableImageFootnoteAndLinkSurvive() throws Exception {
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    byte[] png = ImportWorkspace.png();
    DocxFixture docx =
        new DocxFixture()
            .title("Opening the “flood” model: a: b")
            .paragraph(OPENING)
            .heading(1, "Background")
            .link("See ", "our forecasts", "https://example.org/forecasts?a=1&b=2", " for more.")
            .footnote("Forecasts are issued every six hours.", "Four times a day since 2019.")
            .heading(2, "Numbers")
            .table(false, List.of(List.of("Year", "Forecasts"), List.of("2024", "1460")))
            .image("chart.png", png, "A bar chart of forecasts per year, rising from 2019")
            .heading(1, "What changed")
            .paragraph("Quote", "We should have done this years ago.");

    Imported imported = importDocx(workspace, docx, null);

    String md = ImportWorkspace.caseStudy(workspace, imported.slug());
    assertEquals("opening-the-flood-model-a-b", imported.slug());
    assertTrue(md.startsWith("---\ntitle: \"Opening the “flood” model: a: b\"\n"), md);
    assertTrue(md.contains("authors:\n  - priya-nandakumar\n"), md);
    assertTrue(md.contains("description: >\n  Fernbank Water Analytics forecasts"), md);
    assertTrue(md.contains("\n## Background\n"), md);
    assertTrue(md.contains("\n### Numbers\n"), md);
    assertTrue(md.contains("\n## What changed\n"), md);
    assertTrue(md.contains("[our forecasts](https://example.org/forecasts?a=1&b=2)"), md);
    assertTrue(md.contains("Forecasts are issued every six hours.[^1]"), md);
    assertTrue(md.contains("\n[^1]: Four times a day since 2019.\n"), md);
    assertTrue(md.contains("| Year | Forecasts |"), md);
    assertTrue(md.contains("| 2024 | 1460"), md);
    assertTrue(
        md.contains("![A bar chart of forecasts per year, rising from 2019](figures/image-1.png)"),
        md);
    assertTrue(md.contains("> We should have done this years ago."), md);
    assertArrayEquals(
        png,
        Files.readAllBytes(workspace.caseStudyDir(imported.slug()).resolve("figures/image-1.png")));
    assertEquals(List.of("case-study.md", "figures/image-1.png"), imported.files());
    assertEquals(List.of(), imported.problems(), "check on the imported case study");
    assertTrue(
        imported.notes().stream().noneMatch(n -> n.kind() == Note.Kind.NOT_IMPORTED),
        imported.notes().toString());
  }

  @Test
  void pictureWithoutAltTextIsACheckErrorToFix() throws Exception {
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    DocxFixture docx =
        new DocxFixture()
            .title("A picture nobody described")
            .paragraph(OPENING)
            .image("photo.png", ImportWorkspace.png(), "");

    Imported imported = importDocx(workspace, docx, "undescribed-picture");

    assertTrue(
        imported.problems().stream()
            .anyMatch(p -> p.isError() && p.message().contains("has no alt text")),
        imported.problems().toString());
  }

  @Test
  void documentWithoutTitleStyleTakesItsFirstHeading() throws Exception {
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    DocxFixture docx =
        new DocxFixture()
            .heading(1, "Opening the flood model")
            .paragraph(OPENING)
            .heading(2, "Background")
            .paragraph("Some background.");

    Imported imported = importDocx(workspace, docx, null);

    String md = ImportWorkspace.caseStudy(workspace, imported.slug());
    assertTrue(md.startsWith("---\ntitle: \"Opening the flood model\"\n"), md);
    assertTrue(md.contains("\n## Background\n"), md);
    assertTrue(!md.contains("# Opening the flood model"), md);
    assertTrue(imported.checksOut(), imported.problems().toString());
  }

  @Test
  void abstractSectionBecomesTheDescription() throws Exception {
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    DocxFixture docx =
        new DocxFixture()
            .title("Opening the flood model")
            .heading(1, "Abstract")
            .paragraph(OPENING)
            .heading(1, "Background")
            .paragraph("Some background.");

    Imported imported = importDocx(workspace, docx, "flood-abstract");

    String md = ImportWorkspace.caseStudy(workspace, imported.slug());
    assertTrue(md.contains("description: >\n  Fernbank Water Analytics forecasts"), md);
    assertTrue(md.endsWith("---\n\n## Background\n\nSome background.\n"), md);
    assertTrue(
        imported.notes().stream()
            .anyMatch(n -> n.message().contains("\"Abstract\" section became the description")),
        imported.notes().toString());
  }

  @Test
  void commentsAndPageHeadersAreReportedNotDropped() throws Exception {
    Workspace workspace = ImportWorkspace.in(dir.resolve("ws"));
    DocxFixture docx =
        new DocxFixture()
            .header("DRAFT for the Fernbank board")
            .title("Opening the flood model")
            .paragraph(OPENING)
            .comment("The model runs every six hours.", "Is it still six? Check with ops.");

    Imported imported = importDocx(workspace, docx, "flood-comments");

    String md = ImportWorkspace.caseStudy(workspace, imported.slug());
    assertTrue(md.endsWith("\nThe model runs every six hours.\n"), md);
    List<String> notImported =
        imported.notes().stream()
            .filter(n -> n.kind() == Note.Kind.NOT_IMPORTED)
            .map(n -> n.where() + ": " + n.message())
            .toList();
    assertEquals(2, notImported.size(), notImported.toString());
    assertTrue(
        notImported
            .get(0)
            .startsWith("Flood model draft.docx, page header 1: the text \"DRAFT for"),
        notImported.toString());
    assertTrue(
        notImported
            .get(1)
            .contains("comment [AR1]: the comment [AR1] \"Is it still six? Check with ops.\""),
        notImported.toString());
  }
}
