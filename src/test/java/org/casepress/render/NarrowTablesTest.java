package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables of few columns with long unbreakable tokens (issue 12, item 3), on the fixture {@code
 * narrow-tables}: a 60-character address and a 45-letter compound in the middle column of three, a
 * column of long package names beside a short one, and a checksum longer than the text width. The
 * tokens that fit are printed whole (their column widened, the type made smaller where needed), the
 * one that cannot fit breaks with a hyphen drawn; no glyph runs past its cell or the text box.
 */
class NarrowTablesTest {
  static final String ADDRESS = "https://data.example.org/flood-model/archive/2026/run-17.zip";
  static final String COMPOUND = "Rindfleischetikettierungsüberwachungsaufgaben";
  static final String CHECKSUM =
      "1f40fc92da241694750979ee6cf582f2d5d7d28e18335de05abc54d0560e0f53"
          + "02860c652bf08d560252aa5e74210546f369fbbbce8c12cfc7957b2652fe9a75"
          + "5267768822ee624d48fce15ec5ca79cb";

  @TempDir static Path out;
  static Fixtures.Rendered narrow;

  @BeforeAll
  static void render() throws Exception {
    narrow = Fixtures.renderFinal("narrow-tables", out);
  }

  @Test
  void everyGlyphLiesInsideTheTextBox() throws Exception {
    try (PDDocument doc = Loader.loadPDF(narrow.pdf().toFile())) {
      assertEquals(List.of(), PageGeometry.outsideTheTextBox(doc));
      for (PDPage page : doc.getPages()) {
        assertTrue(
            page.getMediaBox().getWidth() < page.getMediaBox().getHeight(),
            "a table of few columns needs no landscape page");
      }
    }
  }

  @Test
  void noGlyphCrossesTheBorderOfItsCell() throws Exception {
    try (PDDocument doc = Loader.loadPDF(narrow.pdf().toFile())) {
      List<PageGeometry.Rule> rules = PageGeometry.verticalRules(doc);
      // Three tables: 4 + 3 + 3 column borders, each drawn once per row at least.
      assertTrue(rules.size() >= 4 * 4 + 3 * 4 + 3 * 2, "cell borders found: " + rules.size());
      assertEquals(List.of(), PageGeometry.acrossARule(PageGeometry.glyphs(doc), rules));
    }
  }

  @Test
  void tokensThatFitAreWholeOnOneLineOfTheirCell() throws Exception {
    List<String> runs = TextLayer.strippedRuns(narrow.pdf());
    for (String token :
        List.of(
            ADDRESS,
            COMPOUND,
            "Kraftfahrzeughaftpflichtversicherungsbeiträge",
            "org.apache.pdfbox.pdmodel.interactive.viewerpreferences",
            "com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority",
            "scikit-learn-intelex-accelerated-extensions")) {
      assertTrue(runs.stream().anyMatch(r -> r.contains(token)), token + " is split: " + runs);
    }
  }

  /**
   * The checksum is drawn over several lines of its cell, each but the last ending in a hyphen, and
   * is read once, whole, without them (the hyphens and the lines after the first are under
   * /ActualText, see {@link HyphenatedWords}).
   */
  @Test
  void aTokenLongerThanTheLineBreaksWithAHyphenAtEachLineEndAndIsReadWhole() throws Exception {
    List<PageGeometry.Glyph> glyphs;
    try (PDDocument doc = Loader.loadPDF(narrow.pdf().toFile())) {
      glyphs = PageGeometry.glyphs(doc);
    }
    StringBuilder drawn = new StringBuilder();
    glyphs.forEach(g -> drawn.append(g.drawn()));
    List<String> runs = TextLayer.strippedRuns(narrow.pdf());
    assertEquals(drawn.length(), glyphs.size(), "one letter per glyph");
    Matcher lines = Pattern.compile(CHECKSUM.replaceAll("(?<=.)(?=.)", "-?")).matcher(drawn);
    assertTrue(lines.find(), "the checksum is drawn, hyphens aside");
    int breaks = 0;
    for (int i = lines.start(); i < lines.end() - 1; i++) {
      boolean newLine = glyphs.get(i + 1).baseline() > glyphs.get(i).baseline() + 1;
      boolean hyphen = drawn.charAt(i) == '-';
      assertEquals(newLine, hyphen, "a hyphen ends each of the checksum's lines, at " + i);
      breaks += hyphen ? 1 : 0;
    }
    assertTrue(breaks >= 1, "the checksum is longer than its cell is wide");
    assertEquals(
        1,
        runs.stream().filter(r -> r.contains(CHECKSUM)).count(),
        "the checksum is read whole, once: " + runs);
  }

  @Test
  void cellsAreWholeAndInReadingOrder() throws Exception {
    List<TextLayer.Word> words = TextLayer.pdfWords(narrow.pdf());
    String missing = TextLayer.firstMissing(TextLayer.sourceWords(narrow.cs()), words);
    assertNull(missing, () -> "the PDF lacks " + missing);
    try (PDDocument doc = Loader.loadPDF(narrow.pdf().toFile())) {
      List<PDStructureElement> all = Fixtures.structure(doc);
      List<Integer> cellsPerTable =
          all.stream()
              .filter(e -> e.getStructureType().equals("Table"))
              .map(
                  t ->
                      (int)
                          Fixtures.structure(t).stream()
                              .filter(e -> e.getStructureType().matches("TD|TH"))
                              .count())
              .toList();
      assertEquals(List.of(12, 8, 4), cellsPerTable, "every cell of the three tables is tagged");
    }
  }
}
