package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.casepress.source.Loaded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Right-to-left and mixed-direction documents (issue 12, item 5), on the fixtures {@code
 * rtl-arabic} (two pages, vowel marks, English words inside) and {@code rtl-hebrew} (points on one
 * word): the English boilerplate in its own language and direction, the page furniture in order,
 * the authors in order, logical text in the text layer. {@link ArchivalValidationTest} validates
 * both fixtures with veraPDF.
 */
class RightToLeftDocumentsTest {
  @TempDir static Path out;
  static Path arabic;
  static Path hebrew;

  @BeforeAll
  static void render() throws Exception {
    Loaded loaded = Fixtures.load();
    arabic = Fixtures.renderFinal(loaded, "rtl-arabic", out);
    hebrew = Fixtures.renderFinal(loaded, "rtl-hebrew", out);
  }

  @Test
  void arabicTextLayerHasBaseLettersWithMarksAfterTheirLetters() throws Exception {
    String text = extracted(arabic);
    // A shadda, a fathatan, a fatha on each letter: each after the letter it sits on.
    assertTrue(text.contains("تعلّمه"), text);
    assertTrue(text.contains("حرفًا حرفًا"), text);
    assertTrue(text.contains("كَتَبَ الفريقُ البرنامجَ بلغة"), text);
    assertTrue(text.contains("البيانات المفتوحة في إدارة المياه"), text);
    for (String line : visualLines(arabic).values().stream().flatMap(List::stream).toList()) {
      assertFalse(
          line.codePoints().anyMatch(cp -> cp >= 0xFB50 && cp <= 0xFDFF || cp >= 0xFE70),
          "presentation forms in the text layer: " + line);
    }
  }

  @Test
  void viewersAreToldToReadRightToLeft() throws Exception {
    for (Path pdf : List.of(arabic, hebrew)) {
      try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
        PDViewerPreferences preferences = doc.getDocumentCatalog().getViewerPreferences();
        assertEquals("R2L", preferences.getReadingDirection(), pdf.getFileName().toString());
        assertTrue(preferences.displayDocTitle(), "PDF/UA's DisplayDocTitle is kept");
      }
    }
  }

  @Test
  void aLeftToRightDocumentHasNoReadingDirection() throws Exception {
    Path english = Fixtures.renderFinal(Fixtures.load(), "river-sensors", out);
    try (PDDocument doc = Loader.loadPDF(english.toFile())) {
      PDViewerPreferences preferences = doc.getDocumentCatalog().getViewerPreferences();
      assertFalse(
          preferences.getCOSObject().containsKey(COSName.getPDFName("Direction")),
          preferences.getCOSObject().toString());
      assertTrue(preferences.displayDocTitle());
    }
  }

  @Test
  void hebrewTextLayerIsInLogicalOrder() throws Exception {
    String text = extracted(hebrew);
    assertTrue(text.contains("הצוות כתב את התוכנה"), text);
    assertTrue(text.contains("בברכת שָׁלוֹם"), text);
  }

  @Test
  void englishBoilerplateHasItsOwnLangInTheStructureTree() throws Exception {
    for (Path pdf : List.of(arabic, hebrew)) {
      try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
        String language = pdf == arabic ? "ar" : "he";
        assertEquals(language, doc.getDocumentCatalog().getLanguage());
        List<PDStructureElement> all = Fixtures.structure(doc);
        List<String> english =
            all.stream()
                .filter(e -> "en".equals(e.getLanguage()))
                .map(PDStructureElement::getStructureType)
                .toList();
        // "Abstract" and "Cite this publication"; the facts; the series, the byline,
        // affiliations, ORCID line and the two paragraphs of the citation.
        assertEquals(2, english.stream().filter("H2"::equals).count(), english.toString());
        assertEquals(1, english.stream().filter("Div"::equals).count(), english.toString());
        assertEquals(6, english.stream().filter("P"::equals).count(), english.toString());
        // A name in the document's script inside English boilerplate keeps the document's language.
        assertTrue(
            all.stream()
                .anyMatch(e -> language.equals(e.getLanguage()) && inEnglish(e.getParent())),
            all.stream()
                .map(e -> e.getStructureType() + ":" + e.getLanguage())
                .toList()
                .toString());
      }
    }
  }

  @Test
  void pageFurnitureReadsInOrder() throws Exception {
    Map<Integer, List<String>> pages = visualLines(arabic);
    assertEquals(2, pages.size());
    for (Map.Entry<Integer, List<String>> page : pages.entrySet()) {
      String number = "Page " + page.getKey() + " of 2";
      assertTrue(
          page.getValue().stream().anyMatch(l -> l.startsWith(number)),
          "'" + number + "' at the start of a line on the left: " + page.getValue());
    }
    // The running title on page 2, in the document's script and order.
    assertTrue(
        pages.get(2).get(0).contains("إدارة"), "running title first on page 2: " + pages.get(2));
  }

  @Test
  void labelsLeadTheirValuesAndAuthorsKeepTheirOrder() throws Exception {
    for (Path pdf : List.of(arabic, hebrew)) {
      List<String> lines = visualLines(pdf).values().stream().flatMap(List::stream).toList();
      String[] first = pdf == arabic ? new String[] {"ليلى", "حداد"} : new String[] {"נועה", "לוי"};
      String[] third = pdf == arabic ? new String[] {"عمر", "الخطيب"} : new String[] {"דוד", "כהן"};
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith("Partner organisation: Fernbank")),
          lines.toString());
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("Licence: Creative")), lines.toString());
      String byline = line(lines, "Priya Nandakumar");
      assertInOrder(byline, first[1], "Priya Nandakumar", " and ", third[1]);
      String citation = line(lines, "Nandakumar, P.");
      assertInOrder(citation, first[1], "Nandakumar, P.", third[1], "(2026).");
    }
  }

  private static void assertInOrder(String line, String... parts) {
    int at = -1;
    for (String part : parts) {
      int next = line.indexOf(part, at + 1);
      assertTrue(next > at, "'" + part + "' not after the part before it in: " + line);
      at = next;
    }
  }

  private static String line(List<String> lines, String containing) {
    return lines.stream().filter(l -> l.contains(containing)).findFirst().orElseThrow();
  }

  /** The text as PDFBox extracts it, /ActualText applied. */
  private static String extracted(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  /**
   * Each page's lines as a reader sees them, left to right: glyphs on one baseline sorted by their
   * position, each giving its text (a span's /ActualText on its leftmost glyph).
   */
  static Map<Integer, List<String>> visualLines(Path pdf) throws IOException {
    Map<Integer, List<String>> pages = new TreeMap<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper =
            new PDFTextStripper() {
              @Override
              protected void processTextPosition(TextPosition text) {
                super.processTextPosition(text);
                glyphs.add(text);
              }
            };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        TreeMap<Integer, List<TextPosition>> byBaseline = new TreeMap<>();
        for (TextPosition g : glyphs) {
          byBaseline.computeIfAbsent(Math.round(g.getYDirAdj()), y -> new ArrayList<>()).add(g);
        }
        List<String> lines = new ArrayList<>();
        for (List<TextPosition> line : byBaseline.values()) {
          line.sort((a, b) -> Float.compare(a.getXDirAdj(), b.getXDirAdj()));
          StringBuilder s = new StringBuilder();
          line.forEach(g -> s.append(g.getUnicode()));
          lines.add(s.toString().replaceAll("\\s+", " ").strip());
        }
        pages.put(page, lines);
      }
    }
    return pages;
  }

  private static boolean inEnglish(PDStructureNode node) {
    return node instanceof PDStructureElement e
        && ("en".equals(e.getLanguage()) || inEnglish(e.getParent()));
  }
}
