package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.casepress.model.CaseStudy;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One assertion per typesetting defect of issue 12, on the PDF of the fixture {@code
 * typesetting-probe}, which carries each defect in a paragraph of its own.
 */
class TypesettingDefectsTest {
  /** The page's text box: A4 with the house style's side margins. */
  private static final float MARGIN = Typesetting.MARGIN_SIDE_MM / 25.4f * 72;

  @TempDir static Path out;
  static Loaded loaded;
  static CaseStudy probe;
  static Path pdf;
  static Glyphs glyphs;

  @BeforeAll
  static void render() throws Exception {
    loaded = Fixtures.load();
    probe = loaded.caseStudy("typesetting-probe").orElseThrow();
    pdf = out.resolve("probe.pdf");
    Fixtures.renderer()
        .render(probe, loaded.metadata(), Fixtures.published(), RenderMode.FINAL, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      glyphs = new Glyphs();
      glyphs.getText(doc);
    }
  }

  /** Every glyph with its page, and the text as extracted, line by line. */
  static final class Glyphs extends PDFTextStripper {
    final List<TextPosition> all = new ArrayList<>();
    final List<String> lines = new ArrayList<>();

    Glyphs() throws IOException {
      setSortByPosition(true);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
      all.addAll(positions);
      lines.add(text);
      super.writeString(text, positions);
    }

    String text() {
      return String.join("\n", lines).replaceAll("[ \\t]+", " ");
    }
  }

  @Test
  void spaceInsideLinkTextIsKept() {
    String text = glyphs.text();
    assertTrue(text.contains("We asked the video team"), text);
    assertTrue(text.contains("used AI to understand"), text);
  }

  @Test
  void textLayerHasLettersNotLigatures() {
    for (TextPosition p : glyphs.all) {
      assertFalse(
          p.getUnicode().codePoints().anyMatch(cp -> cp >= 0xFB00 && cp <= 0xFB06),
          "ligature code point in '" + p.getUnicode() + "'");
    }
    String text = glyphs.text().replaceAll("\\s+", " ");
    assertTrue(text.contains("the official traffic flows, the affluent"), text);
  }

  @Test
  void nothingRunsPastTheRightMargin() {
    for (TextPosition p : glyphs.all) {
      // The page's own width: the wide table has a landscape page (see WideTablesTest).
      float right = p.getPageWidth() - MARGIN + 0.5f;
      assertTrue(
          p.getXDirAdj() + p.getWidthDirAdj() <= right,
          "'" + p.getUnicode() + "' ends at " + (p.getXDirAdj() + p.getWidthDirAdj()));
    }
    String text = glyphs.text();
    assertTrue(text.contains("number10"), "the last column of the wide table is printed");
  }

  /**
   * The long word breaks with a hyphen drawn inside the box; the text layer has the word whole
   * (under /ActualText on its first glyph, see HyphenatedWords), without the hyphen or a soft
   * hyphen.
   */
  @Test
  void aWordTooLongForTheLineBreaksWithAHyphenInsideTheTextBox() throws IOException {
    String word =
        "Supercalifragilisticexpialidociousandthensomeevenlongerunbreakabletokenwithoutanyspaceatall";
    float right = PDRectangle.A4.getWidth() - MARGIN + 0.5f;
    List<TextPosition> line = new ArrayList<>();
    TextPosition start = null;
    for (TextPosition p : glyphs.all) {
      if (start == null && p.getUnicode().equals(word)) {
        start = p;
      }
      if (start != null && Math.abs(p.getYDirAdj() - start.getYDirAdj()) < 0.5f) {
        line.add(p);
      }
    }
    assertTrue(start != null, "the long word is printed, and read whole");
    TextPosition last = line.get(line.size() - 1);
    assertEquals("-", drawn(last), "the first line of the long word ends with a hyphen");
    assertTrue(last.getXDirAdj() + last.getWidthDirAdj() <= right, "the hyphen is inside the box");
    String text = glyphs.text();
    assertFalse(text.contains("\u00ad"), "no soft hyphen in the text layer");
    assertTrue(
        text.replaceAll("\\s+", " ").contains(word + " end."),
        () -> "the word once, whole, in the text layer: " + text);
  }

  /** The character a glyph draws, whatever /ActualText says it stands for. */
  private static String drawn(TextPosition p) throws IOException {
    return p.getFont().toUnicode(p.getCharacterCodes()[0]);
  }

  @Test
  void longCodeLineContinuesAfterAMark() {
    List<String> lines = glyphs.lines.stream().map(String::strip).toList();
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith(LineBreaks.CONTINUED + " third_argument_value")),
        lines.toString());
  }

  @Test
  void identifiersAndUnitsStayWhole() {
    assertTrue(
        glyphs.lines.stream().anyMatch(l -> l.contains("https://doi.org/10.5281/zenodo.10337801")),
        "the DOI is on one line: " + glyphs.lines);
    assertTrue(glyphs.lines.stream().anyMatch(l -> l.contains("25 °C")), glyphs.lines.toString());
    assertTrue(glyphs.lines.stream().anyMatch(l -> l.contains("40 %")), glyphs.lines.toString());
  }

  @Test
  void runningHeadIsShortenedAtAWord() {
    assertEquals(
        "Typesetting probe: every defect a publisher would send back, in one short case study",
        Typesetting.shorten(probe.title(), 90));
    assertEquals(
        "Typesetting probe: every defect a publisher would send back\u2026",
        Typesetting.shorten(probe.title(), 61));
  }

  @Test
  void raggedTableIsMadeRegularInTheStructureTree() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      List<PDStructureElement> tables = ofType(Fixtures.structure(doc), "Table");
      assertEquals(2, tables.size());
      for (PDStructureElement table : tables) {
        List<PDStructureElement> rows = ofType(Fixtures.structure(table), "TR");
        List<Integer> widths = new ArrayList<>();
        for (PDStructureElement row : rows) {
          widths.add(
              (int)
                  row.getKids().stream()
                      .filter(
                          k ->
                              k instanceof PDStructureElement e
                                  && e.getStructureType().matches("TD|TH"))
                      .count());
        }
        assertTrue(widths.stream().distinct().count() == 1, "cells per row: " + widths);
      }
    }
  }

  @Test
  void bookmarksReachEveryHeadingLevel() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      List<String> titles = new ArrayList<>();
      outline(doc.getDocumentCatalog().getDocumentOutline(), "", titles);
      assertTrue(titles.contains("Glossary/Terms in depth/The deepest heading"), titles.toString());
    }
  }

  @Test
  void definitionListKeepsTermsAndDefinitions() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      List<PDStructureElement> lists = ofType(Fixtures.structure(doc), "L");
      assertFalse(lists.isEmpty(), "the glossary is tagged as a list");
    }
    String text = glyphs.text();
    assertTrue(text.contains("Pipeline\nA sequence of programs"), text);
  }

  @Test
  void fundingAndEveryAffiliationArePrinted() {
    String text = glyphs.text();
    assertTrue(text.contains("Funding: Example Research Council, award ERC-2025-001"), text);
    assertTrue(text.contains("The Alan Turing Institute"), text);
    assertTrue(text.contains("Fernbank Water Analytics"), text);
  }

  @Test
  void xmpCarriesEachAuthorTheDoiTheLicenceAndEveryKeyword() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      String xmp =
          new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertTrue(
          xmp.contains(
              "<dc:creator><rdf:Seq><rdf:li>Guðrún Þórsdóttir</rdf:li>"
                  + "<rdf:li>Priya Nandakumar</rdf:li></rdf:Seq></dc:creator>"),
          xmp);
      assertTrue(xmp.contains("<dc:identifier>doi:10.5072/zenodo.123456</dc:identifier>"), xmp);
      assertTrue(xmp.contains("<prism:doi>10.5072/zenodo.123456</prism:doi>"), xmp);
      assertTrue(xmp.contains("<pdfaSchema:prefix>prism</pdfaSchema:prefix>"), xmp);
      assertTrue(
          xmp.contains(
              "<xmpRights:WebStatement>https://spdx.org/licenses/CC-BY-4.0.html"
                  + "</xmpRights:WebStatement>"),
          xmp);
      assertTrue(xmp.contains("Creative Commons Attribution 4.0 International (CC BY 4.0)"), xmp);
      for (String k : List.of("typesetting", "fixtures", "open science", "case study")) {
        assertTrue(xmp.contains("<rdf:li>" + k + "</rdf:li>"), k);
      }
      assertEquals(
          "typesetting, fixtures, open science, case study",
          doc.getDocumentInformation().getKeywords());
      assertEquals(probe.title(), doc.getDocumentInformation().getTitle());
    }
  }

  @Test
  void twoFoldersGiveIdenticalBytes(@TempDir Path tmp) throws Exception {
    List<byte[]> pdfs = new ArrayList<>();
    for (String folder : List.of("one/checkout", "another")) {
      Path ws = tmp.resolve(folder);
      Fixtures.copy(Fixtures.WORKSPACE, ws);
      Loaded there = WorkspaceLoader.load(new Workspace(ws));
      // The river study has figures: their paths were in the document id.
      CaseStudy river = there.caseStudy("river-sensors").orElseThrow();
      Path file = tmp.resolve(folder.replace('/', '-') + ".pdf");
      Fixtures.renderer()
          .render(river, there.metadata(), Fixtures.published(), RenderMode.FINAL, file);
      pdfs.add(Files.readAllBytes(file));
    }
    assertArrayEquals(pdfs.get(0), pdfs.get(1));
  }

  private static List<PDStructureElement> ofType(List<PDStructureElement> all, String type) {
    return all.stream().filter(e -> type.equals(e.getStructureType())).toList();
  }

  private static void outline(PDOutlineNode node, String path, List<String> titles) {
    node.children()
        .forEach(
            item -> {
              String here = path.isEmpty() ? item.getTitle() : path + "/" + item.getTitle();
              titles.add(here);
              outline(item, here, titles);
            });
  }
}
