package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casepress.model.CaseStudy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table too wide for a portrait page (issue 12, item 3), on the fixture {@code wide-table}: a
 * contributors table of nine columns of long words gets a landscape page of its own, every glyph
 * inside that page's text box, no word split, tagged in reading order; the seven short columns
 * after it stay on a portrait page.
 */
class WideTablesTest {
  @TempDir static Path out;
  static CaseStudy cs;
  static Path pdf;

  @BeforeAll
  static void render() throws Exception {
    Fixtures.Rendered rendered = Fixtures.renderFinal("wide-table", out);
    cs = rendered.cs();
    pdf = rendered.pdf();
  }

  @Test
  void theWideTableHasALandscapePageOfItsOwn() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      List<String> sizes = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        PDRectangle box = page.getMediaBox();
        sizes.add(Math.round(box.getWidth()) + "x" + Math.round(box.getHeight()));
      }
      // A4 portrait, A4 turned (842 x 595 pt) for the contributors table, portrait again.
      assertEquals(List.of("595x842", "842x595", "595x842"), sizes);
      String landscape = text(doc, 2);
      assertTrue(landscape.contains("Fundraising"), landscape);
      assertFalse(landscape.contains("What followed"), landscape);
      assertTrue(text(doc, 3).contains("Sat"), "the seven short columns stay portrait");
    }
  }

  @Test
  void everyCellGlyphLiesInsideThePagesTextBox() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertEquals(List.of(), PageGeometry.outsideTheTextBox(doc));
      long landscape = PageGeometry.glyphs(doc).stream().filter(g -> g.page() == 2).count();
      assertTrue(landscape > 300, "the table's glyphs: " + landscape);
    }
  }

  @Test
  void noWordIsSplitInsideACell() throws Exception {
    List<String> words = tableWords();
    assertEquals(36, words.size(), "nine columns, a header and three rows: " + words);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      Set<String> printed = Arrays.stream(text(doc, 2).split("\\s+")).collect(Collectors.toSet());
      for (String word : words) {
        // A compound may break after its hyphen, as a typesetter would break it.
        for (String part : word.split("(?<=-)")) {
          assertTrue(printed.contains(part) || printed.contains(word), "'" + word + "' split");
        }
      }
    }
  }

  @Test
  void bothTablesAreTaggedInReadingOrder() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      List<PDStructureElement> all = Fixtures.structure(doc);
      List<String> order =
          all.stream()
              .map(PDStructureElement::getStructureType)
              .filter(t -> t.equals("H2") || t.equals("Table"))
              .toList();
      // Abstract, "Who contributed", the wide table, "What followed", the short one, the citation.
      assertEquals(List.of("H2", "H2", "Table", "H2", "Table", "H2"), order);
      PDStructureElement wide =
          all.stream().filter(e -> e.getStructureType().equals("Table")).findFirst().orElseThrow();
      List<PDStructureElement> headers =
          Fixtures.structure(wide).stream().filter(e -> e.getStructureType().equals("TH")).toList();
      assertEquals(9, headers.size(), "header cells of the first row");
    }
  }

  /** The cells of the contributors table as written in the fixture, one word each. */
  private static List<String> tableWords() throws Exception {
    List<String> lines = Files.readAllLines(cs.folder().resolve("case-study.md"));
    int header =
        lines.indexOf(lines.stream().filter(l -> l.startsWith("| Name")).findFirst().get());
    List<String> words = new ArrayList<>();
    for (String line : lines.subList(header, header + 5)) {
      if (!line.startsWith("|---")) {
        Arrays.stream(line.split("\\|"))
            .filter(c -> !c.isBlank())
            .forEach(c -> words.add(c.strip()));
      }
    }
    return words;
  }

  private static String text(PDDocument doc, int page) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc);
  }
}
