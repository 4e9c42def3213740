package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casepress.model.CaseStudy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Line breaking a typesetter would accept (issue 12, item 4), on the PDF of the fixture {@code
 * line-breaks}: each construct that must stay on one line is written twenty times, after a little
 * more text each time, so that in some of its paragraphs the line would end inside it. None is
 * split across lines, and some are moved whole to the next line: the test sees the place where a
 * break would have fallen. The long title is shortened in the running head at a word, with an
 * ellipsis.
 */
class LineBreakingTest {
  /** Lines are 13 pt apart; a superscript is raised by less than half that. */
  private static final float SAME_LINE = 5;

  @TempDir static Path out;
  static CaseStudy cs;

  /** The glyphs in reading order: line by line, left to right (not the order they are drawn). */
  static List<PageGeometry.Glyph> glyphs;

  /** The line of each glyph, counted through the document. */
  static List<Integer> lines;

  static List<String> runs;

  @BeforeAll
  static void render() throws Exception {
    Fixtures.Rendered rendered = Fixtures.renderFinal("line-breaks", out);
    cs = rendered.cs();
    try (PDDocument doc = Loader.loadPDF(rendered.pdf().toFile())) {
      readingOrder(PageGeometry.glyphs(doc).stream().filter(g -> !g.text().isBlank()).toList());
      runs = TextLayer.runs(doc);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "a number and its unit, 25°C",
    "a number and a percent sign, 40%",
    "a closing bracket after a link, thereport\\)\\.",
    "a note marker after its word, before\\d+",
    "a DOI, https://doi\\.org/10\\.5281/zenodo\\.10337801",
    "an ORCID iD, 0000-0001-5109-3700"
  })
  void staysOnOneLine(String what, String printed) {
    List<int[]> found = occurrences(Pattern.compile(printed));
    assertEquals(20, found.size(), what + " is printed twenty times");
    int moved = 0;
    for (int[] occurrence : found) {
      int first = occurrence[0];
      int last = occurrence[1];
      assertEquals(
          lines.get(first),
          lines.get(last),
          what + " is split across lines: " + glyphs.get(first) + " and " + glyphs.get(last));
      if (first > 0 && !lines.get(first - 1).equals(lines.get(first))) {
        moved++;
      }
    }
    assertTrue(moved > 0, what + ": never at the end of a line, so the test saw no break");
  }

  @Test
  void runningHeadIsShortenedAtAWordWithAnEllipsis() {
    String title = cs.title();
    List<String> heads =
        runs.stream().map(String::strip).filter(r -> r.endsWith("\u2026")).toList();
    assertTrue(heads.size() >= 2, "a running head on every page but the first: " + heads);
    for (String head : heads) {
      String kept = head.substring(0, head.length() - 1);
      assertTrue(title.startsWith(kept), "'" + head + "' is not the start of the title");
      assertTrue(kept.length() <= 90 && kept.length() > 45, "shortened to " + kept.length());
      char next = title.charAt(kept.length());
      assertTrue(
          next == ' ' || next == ',' || next == ':',
          "'" + head + "' is cut inside a word (next: '" + next + "')");
    }
  }

  /**
   * Sorts the glyphs top to bottom into lines (a superscript, raised a little, joins the line it is
   * on), then each line left to right.
   */
  private static void readingOrder(List<PageGeometry.Glyph> drawn) {
    List<PageGeometry.Glyph> sorted = new ArrayList<>(drawn);
    sorted.sort(
        Comparator.comparingInt(PageGeometry.Glyph::page)
            .thenComparingDouble(PageGeometry.Glyph::baseline));
    List<List<PageGeometry.Glyph>> byLine = new ArrayList<>();
    PageGeometry.Glyph start = null;
    for (PageGeometry.Glyph g : sorted) {
      if (start == null
          || g.page() != start.page()
          || g.baseline() - start.baseline() > SAME_LINE) {
        byLine.add(new ArrayList<>());
        start = g;
      }
      byLine.get(byLine.size() - 1).add(g);
    }
    glyphs = new ArrayList<>();
    lines = new ArrayList<>();
    for (int i = 0; i < byLine.size(); i++) {
      byLine.get(i).sort(Comparator.comparingDouble(PageGeometry.Glyph::x));
      for (PageGeometry.Glyph g : byLine.get(i)) {
        glyphs.add(g);
        lines.add(i);
      }
    }
  }

  /** The first and last glyph of each run of glyphs, spaces left out, that the pattern matches. */
  private static List<int[]> occurrences(Pattern pattern) {
    StringBuilder text = new StringBuilder();
    List<Integer> owner = new ArrayList<>();
    for (int i = 0; i < glyphs.size(); i++) {
      String t = glyphs.get(i).text();
      text.append(t);
      for (int c = 0; c < t.length(); c++) {
        owner.add(i);
      }
    }
    List<int[]> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(new int[] {owner.get(m.start()), owner.get(m.end() - 1)});
    }
    return found;
  }
}
