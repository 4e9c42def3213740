package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casepress.model.CaseStudy;
import org.casepress.model.Person;
import org.casepress.model.Problem;
import org.casepress.model.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the Markdown dialect and the MyST subset become HTML, and what is reported where. */
class MarkdownFeaturesTest {
  @TempDir Path folder;

  private static Findings findings() {
    return new Findings("case-studies/x/case-study.md", 10, RenderMode.DRAFT);
  }

  private static Document html(String markdown, Findings f) {
    return AuthorHtml.clean(BodyHtml.render(markdown, f));
  }

  @Test
  void admonitionsBecomeTitledBoxesWithMarkdownInside() {
    Document d =
        html(
            "```{tip}\nUse **bold** here.\n```\n\n```{admonition} Read this\nCustom title.\n```\n",
            findings());
    assertEquals("Tip", d.selectFirst("div.admonition.tip > p.admonition-title").text());
    assertEquals("bold", d.selectFirst("div.admonition.tip strong").text());
    assertEquals("Read this", d.select("div.admonition > p.admonition-title").get(1).text());
  }

  @Test
  void colonFencesAreDirectivesToo() {
    Document d =
        html("::::{note}\nOuter.\n\n:::{warning}\nInner.\n:::\n::::\n\nAfter.\n", findings());
    assertEquals("Note", d.selectFirst("div.note > p.admonition-title").text());
    assertEquals("Inner.", d.selectFirst("div.note div.warning p:not(.admonition-title)").text());
    assertEquals("After.", d.select("body > p").last().text());
  }

  @Test
  void figuresHaveAltTextCaptionAndId() {
    Document d =
        html(
            "```{figure} figures/a.png\n:alt: A chart.\n:name: fig-a\n:width: 50%\n\nThe *caption*.\n```\n",
            findings());
    assertEquals("fig-a", d.selectFirst("figure").id());
    assertEquals("A chart.", d.selectFirst("figure img").attr("alt"));
    assertEquals("50%", d.selectFirst("figure img").attr("data-width"));
    assertEquals("Figure 1. The caption.", d.selectFirst("figcaption").text());
  }

  @Test
  void labelsAndRefsLinkToHeadings() {
    Document d =
        html(
            "(intro)=\n## Introduction\n\nSee {ref}`intro` and {ref}`the start <intro>`.\n",
            findings());
    assertEquals("intro", d.selectFirst("h2").id());
    assertEquals(List.of("Introduction", "the start"), d.select("a[href=#intro]").eachText());
    assertFalse(d.text().contains("(intro)="));
  }

  @Test
  void unknownCitationsRolesAndDirectivesAreReportedWithTheirLine() {
    Findings f = findings();
    Document d =
        html(
            "Text {cite}`a` and {cite}`b`.\n\n```{glossary}\nterm\n: meaning\n```\n\n{ref}`nowhere`\n",
            f);
    assertTrue(d.text().contains("Text a and b."), d.text());
    assertTrue(d.selectFirst("div.directive") != null, "unknown directive in a plain box");
    List<Problem> problems = f.problems();
    assertEquals(4, problems.size(), problems.toString());
    assertEquals(10, problems.get(0).line());
    assertTrue(problems.get(0).message().contains("{cite}`a`"));
    assertTrue(problems.get(1).message().contains("{cite}`b`"));
    assertEquals(12, problems.get(2).line());
    assertTrue(problems.get(2).message().contains("{glossary}"));
    assertEquals(17, problems.get(3).line());
    assertTrue(problems.get(3).message().contains("'nowhere'"));
  }

  @Test
  void citationsAreFormattedInApaWithAReferenceList() throws Exception {
    Files.writeString(
        folder.resolve("refs.bib"),
        "@article{smith2020,\n  author = {Smith, Jane and Okafor, Chidi},\n"
            + "  title = {Reproducible hydrology},\n  journal = {Journal of Open Water},\n"
            + "  year = {2020},\n  volume = {7},\n  pages = {101--118}\n}\n"
            + "@book{lee2019,\n  author = {Lee, Min},\n  title = {Open Models},\n"
            + "  publisher = {Fern Press},\n  year = {2019}\n}\n"
            + "@misc{unused,\n  author = {Nobody, A.},\n  title = {Never cited},\n  year = {2001}\n}\n");
    Findings f = findings();
    Document d =
        AuthorHtml.clean(
            BodyHtml.render(
                "As {cite:t}`smith2020` showed, models help {cite:p}`smith2020,lee2019`.\n",
                folder,
                f));
    assertEquals(List.of(), f.problems());
    assertTrue(
        d.text()
            .contains(
                "As Smith and Okafor (2020) showed, models help (Lee, 2019; Smith & Okafor, 2020)."),
        d.text());
    List<String> entries = d.select("div.references p.reference").eachText();
    assertEquals(2, entries.size(), entries.toString());
    assertTrue(
        entries.get(0).startsWith("Lee, M. (2019). Open Models. Fern Press."), entries.get(0));
    assertTrue(entries.get(1).startsWith("Smith, J., & Okafor, C. (2020)."), entries.get(1));
    assertTrue(
        d.select("div.references i")
            .eachText()
            .containsAll(List.of("Open Models", "Journal of Open Water")),
        "titles in italics, as elements that survive cleaning: "
            + d.select("div.references").html());
  }

  @Test
  void colonFencedFigureWithYamlOptionsIsAFigure() {
    Findings f = findings();
    Document d =
        html(
            ":::{figure} figures/a.png\n---\nalt: A chart.\nname: fig-a\n---\nThe caption.\n:::\n\n"
                + "See {ref}`fig-a`.\n",
            f);
    assertEquals("A chart.", d.selectFirst("figure img").attr("alt"));
    assertEquals("fig-a", d.selectFirst("figure").id());
    assertEquals("Figure 1", d.selectFirst("a[href=#fig-a]").text());
    assertEquals(List.of(), f.problems());
  }

  @Test
  void anUnclosedDirectiveIsReportedAtItsLine() {
    Findings f = findings();
    html("Text.\n\n```{note}\nNever closed.\n\nMore text.\n", f);
    assertEquals(1, f.problems().size(), f.problems().toString());
    assertEquals(12, f.problems().get(0).line());
    assertTrue(f.problems().get(0).message().contains("never closed"));
  }

  @Test
  void siteGeneratorSyntaxIsReportedOnce() {
    Findings f = findings();
    html(
        "Intro.\n\n{% include note.html %} and {{ site.title }}.\n\n$$E = mc^2$$\n\n{% raw %}\n",
        f);
    assertEquals(
        List.of(12, 14),
        f.problems().stream().map(Problem::line).toList(),
        f.problems().toString());
  }

  @Test
  void templateTagsAreFoundWhereTheTextContainsThem() {
    for (String text :
        List.of(
            "",
            "{",
            "%",
            "{%",
            "{{",
            "x{%",
            "{%x",
            "a {{ b",
            "{ %",
            "{}{",
            "}{%",
            "{\u00ad%",
            "{\n{",
            "text with no tag",
            "ends with {",
            "{{{",
            "%{",
            "{ {")) {
      assertEquals(
          text.contains("{%") || text.contains("{{"),
          BodyHtml.holdsTemplateTag(text),
          () -> "'" + text + "'");
    }
  }

  @Test
  void longTablesRepeatTheirHeaderOnEveryPage() throws Exception {
    Person author = new Person(null, "Ada", "Lovelace", null, List.of(), Set.of(Role.AUTHOR));
    StringBuilder body = new StringBuilder("## Data\n\n| Station name | Reading |\n|---|---|\n");
    for (int i = 0; i < 200; i++) {
      body.append("| station ").append(i).append(" | ").append(i * 7).append(" |\n");
    }
    CaseStudy cs =
        new CaseStudy(
            "long",
            folder,
            "case-studies/long/case-study.md",
            "Long table",
            null,
            List.of(author),
            null,
            "A long table.",
            List.of(),
            "CC-BY-4.0",
            "en",
            List.of(),
            List.of(),
            body.toString(),
            8);
    Path pdf = folder.resolve("long.pdf");
    RenderResult r =
        Fixtures.renderer()
            .render(cs, Fixtures.load().metadata(), Fixtures.published(), RenderMode.FINAL, pdf);
    assertTrue(r.pages() >= 4, "title page and at least three pages of table: " + r.pages());
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int p = 2; p <= 4; p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        assertTrue(stripper.getText(doc).contains("Station name"), "header row on page " + p);
      }
    }
  }

  @Test
  void rawHtmlIsCleanedAndReported() {
    Findings f = findings();
    Document d =
        html(
            "<script>alert(1)</script>\n\nText <span style=\"color:red\" onclick=\"x()\">kept</span>.\n\n<iframe src=\"x\"></iframe>\n",
            f);
    assertTrue(d.select("script, iframe, [style], [onclick]").isEmpty(), d.html());
    assertTrue(d.text().contains("Text kept."));
    assertEquals(List.of(10, 14), f.problems().stream().map(Problem::line).toList());
  }

  @Test
  void codeBlocksTablesAndFootnotes() {
    Document d =
        html(
            "```java\nint x;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNote.[^1]\n\n[^1]: The note.\n",
            findings());
    assertEquals("language-java", d.selectFirst("pre code").className());
    assertEquals(1, d.select("table thead th").size() / 2);
    assertEquals("The note.", d.selectFirst("div.footnotes li p").ownText().strip());
  }

  @Test
  void charactersNoFontHasFailAFinalRenderAndShowAsCodesInADraft() throws Exception {
    Person author = new Person(null, "Ada", "Lovelace", null, List.of(), Set.of(Role.AUTHOR));
    String body =
        "## Scripts\n\nArabic: مرحبا بالعالم. Chinese: 你好，世界. Japanese: こんにちは.\n\nThinking \uD83E\uDD14 here.\n";
    CaseStudy cs =
        new CaseStudy(
            "scripts",
            folder,
            "case-studies/scripts/case-study.md",
            "Scripts",
            null,
            List.of(author),
            null,
            "Many scripts.",
            List.of(),
            "CC-BY-4.0",
            "en",
            List.of(),
            List.of(),
            body,
            8);
    RenderException e =
        assertThrows(
            RenderException.class,
            () ->
                Fixtures.renderer()
                    .render(
                        cs,
                        Fixtures.load().metadata(),
                        Fixtures.published(),
                        RenderMode.FINAL,
                        folder.resolve("f.pdf")));
    assertEquals(1, e.problems().size(), e.problems().toString());
    Problem p = e.problems().get(0);
    assertEquals(12, p.line());
    assertTrue(p.message().contains("U+1F914 thinking face"), p.message());
    assertFalse(Files.exists(folder.resolve("f.pdf")));

    Path draft = folder.resolve("d.pdf");
    RenderResult r =
        Fixtures.renderer()
            .render(cs, Fixtures.load().metadata(), Fixtures.draft(), RenderMode.DRAFT, draft);
    assertEquals(12, r.warnings().get(0).line());
    try (PDDocument doc = Loader.loadPDF(draft.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("[U+1F914]"), text);
      assertTrue(text.contains("你好"), "CJK from the bundled fallback font");
      assertTrue(text.contains("こんにちは"), "kana");
      assertTrue(text.contains("مرحبا") || text.contains("ابحرم"), "Arabic letters: " + text);
    }
  }

  @Test
  void descriptionHtmlIsPlainTextInTheSubject() {
    assertEquals("A b.", Jsoup.parse(BodyHtml.renderFragment("A *b*.", findings(), 0)).text());
  }
}
