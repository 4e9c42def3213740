package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
    List<String> runs;
    try (PDDocument doc = Loader.loadPDF(narrow.pdf().toFile())) {
      runs = TextLayer.runs(doc).stream().map(String::strip).toList();
    }
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

  @Test
  void aTokenLongerThanTheLineBreaksWithAHyphenAtEachLineEnd() throws Exception {
    List<String> runs;
    try (PDDocument doc = Loader.loadPDF(narrow.pdf().toFile())) {
      runs = TextLayer.runs(doc).stream().map(String::strip).toList();
    }
    int first = -1;
    for (int i = 0; i < runs.size() && first < 0; i++) {
      if (runs.get(i).endsWith("-") && CHECKSUM.startsWith(runs.get(i).replaceAll("-$", ""))) {
        first = i;
      }
    }
    assertTrue(first >= 0, "the checksum's first line ends with a hyphen: " + runs);
    StringBuilder joined = new StringBuilder();
    int i = first;
    while (runs.get(i).endsWith("-")) {
      joined.append(runs.get(i), 0, runs.get(i).length() - 1);
      i++;
    }
    joined.append(runs.get(i));
    assertEquals(CHECKSUM, joined.toString(), "the checksum's lines, hyphens taken off");
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
