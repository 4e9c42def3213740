package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, item 6: a page count close to the content. Each example takes the pages recorded here
 * (the 2023 series fitted a study of 1,600 to 2,800 words in 4 to 6), no page but the last is less
 * than 40 % filled, and a line of body text stays within the measure that reads well. Item 4: body
 * text is justified and hyphenated, and its word spaces stay within twice the normal one
 * (docs/render.md#hyphenation-and-justification).
 */
class BodyTextTest {
  /** Pages per example, as typeset by the house style; a change here is a change of layout. */
  static final Map<String, Integer> PAGES =
      Map.of(
          "fernbank-reproducible-forecasting", 7,
          "glasswater-sensor-data-community", 5,
          "kestrel-open-source-routing", 5,
          "northmoor-code-review-tre", 6);

  static final double LEAST_FILL = 0.40;

  private static final float BODY_SIZE = 10;

  private static final float MM = 72 / 25.4f;
  private static final float TOP = Typesetting.MARGIN_TOP_MM * MM;
  private static final float BOTTOM =
      PDRectangle.A4.getHeight() - Typesetting.MARGIN_BOTTOM_MM * MM;

  /** Running head and footer are set smaller than this; everything else is the page's content. */
  private static final float FURNITURE_SIZE = 7.5f;

  static Stream<ExampleRenders.Example> examples() {
    return ExampleRenders.examples().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void noPageButTheLastIsMostlyEmpty(ExampleRenders.Example e) throws Exception {
    List<Double> fill = fill(e);
    for (int page = 0; page < fill.size() - 1; page++) {
      int shown = page + 1;
      double f = fill.get(page);
      assertTrue(
          f >= LEAST_FILL,
          () ->
              String.format(
                  Locale.ROOT,
                  "%s: page %d is %.0f %% filled (%s)",
                  e,
                  shown,
                  100 * f,
                  percent(fill)));
    }
    Integer expected = PAGES.get(e.cs().slug());
    assumeTrue(expected != null, () -> e + " is not among the recorded examples");
    assertEquals(expected, fill.size(), () -> e + ": pages filled " + percent(fill));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void aLineOfBodyTextHoldsSixtyToEightyCharacters(ExampleRenders.Example e) throws Exception {
    List<Integer> full = new ArrayList<>();
    for (Line line : fullBodyLines(e)) {
      full.add(line.text().length());
    }
    assertTrue(full.size() > 20, e + ": few full lines of body text: " + full);
    double mean = full.stream().mapToInt(Integer::intValue).average().orElse(0);
    assertTrue(mean >= 60 && mean <= 80, e + ": a full line holds " + mean + " characters");
  }

  /**
   * Justified without hyphenation, a tenth of the examples' full lines had a space 2 to 2.8 times
   * the normal one (up to 9 pt): loose lines. Hyphenated, and with a space's stretch capped at the
   * normal space (house style), no space on a full line exceeds twice the normal one, the glyph
   * positions' own slack and the letters' trace of spacing allowed for.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void wordSpacesOnAFullLineStayWithinTwiceTheNormal(ExampleRenders.Example e) throws Exception {
    float space = BODY_SIZE * 0.318f; // DejaVu Serif's space is 0.318 em
    List<String> loose = new ArrayList<>();
    for (Line line : fullBodyLines(e)) {
      List<TextPosition> glyphs = line.glyphs();
      for (int i = 2; i < glyphs.size(); i++) {
        TextPosition before = glyphs.get(i - 2);
        TextPosition after = glyphs.get(i);
        if (glyphs.get(i - 1).getUnicode().equals(" ")
            && Math.abs(before.getYDirAdj() - after.getYDirAdj()) < 1) {
          float gap = after.getXDirAdj() - (before.getXDirAdj() + before.getWidthDirAdj());
          if (gap > 2.25f * space) {
            loose.add(String.format(Locale.ROOT, "%.1f pt in '%s'", gap, line.text()));
          }
        }
      }
    }
    assertTrue(loose.isEmpty(), () -> e + ": loose word spaces: " + loose);
  }

  /** Justified: most lines of body text reach the right edge, not only the longest ones. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void bodyTextIsJustified(ExampleRenders.Example e) throws Exception {
    assertTrue(fullBodyLines(e).size() > 80, e + ": " + fullBodyLines(e).size() + " full lines");
  }

  private record Line(String text, List<TextPosition> glyphs) {}

  /** Lines of body text (10 pt DejaVu Serif) that reach the right edge of the text box. */
  private static List<Line> fullBodyLines(ExampleRenders.Example e) throws IOException {
    float right = PDRectangle.A4.getWidth() - Typesetting.MARGIN_SIDE_MM * MM;
    List<Line> lines = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(ExampleRenders.pdf(e).toFile())) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
              TextPosition first = positions.get(0);
              TextPosition last = positions.get(positions.size() - 1);
              if (first.getFont().getName().contains("DejaVuSerif")
                  && Math.abs(first.getFontSizeInPt() - BODY_SIZE) < 0.1f
                  && last.getXDirAdj() + last.getWidthDirAdj() > right - 12) {
                lines.add(new Line(text, List.copyOf(positions)));
              }
            }
          };
      stripper.setSortByPosition(true);
      stripper.getText(doc);
    }
    return lines;
  }

  /** How far down the text box each page's content reaches, from the positions of its glyphs. */
  static List<Double> fill(ExampleRenders.Example e) throws IOException {
    try (PDDocument doc = Loader.loadPDF(ExampleRenders.pdf(e).toFile())) {
      List<Double> fill = new ArrayList<>();
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        float[] lowest = {TOP};
        PDFTextStripper stripper =
            new PDFTextStripper() {
              @Override
              protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                  if (p.getFontSizeInPt() > FURNITURE_SIZE && p.getYDirAdj() <= BOTTOM) {
                    lowest[0] = Math.max(lowest[0], p.getYDirAdj());
                  }
                }
              }
            };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        fill.add((double) (lowest[0] - TOP) / (BOTTOM - TOP));
      }
      return fill;
    }
  }

  private static String percent(List<Double> fill) {
    return fill.stream()
        .map(f -> String.format(Locale.ROOT, "%.0f %%", 100 * f))
        .toList()
        .toString();
  }
}
