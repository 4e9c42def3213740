package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, item 4, and issue 15: the words the typesetter hyphenated are marked to be read whole
 * while they are drawn ({@link WholeWordText}), in parts. Each part must start exactly where the
 * glyph after it stood when the piece was drawn in one: the glyphs of every example and fixture are
 * where they are with the words left as drawn ({@link Renderer#withWordsAsDrawn}), and every
 * line-end hyphen the typesetter drew is read as nothing.
 */
class WholeWordTextTest {
  /** A thousandth of a point: float rounding, nowhere near a visible shift. */
  private static final float SAME_PLACE = 0.001f;

  @TempDir static Path asDrawn;

  static Stream<ExampleRenders.Example> documents() {
    return ExampleRenders.examplesAndFixtures().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void everyGlyphIsWhereItIsWithTheWordsLeftAsDrawn(ExampleRenders.Example e) throws Exception {
    Path plain = asDrawn.resolve(e.name().replace(' ', '-') + ".pdf");
    Renderer.withWordsAsDrawn()
        .render(e.cs(), e.loaded().metadata(), Fixtures.published(), RenderMode.FINAL, plain);
    List<PageGeometry.Glyph> marked = glyphs(ExampleRenders.pdf(e));
    List<PageGeometry.Glyph> drawn = glyphs(plain);
    assertEquals(drawn.size(), marked.size(), e + ": the same number of glyphs");
    for (int i = 0; i < drawn.size(); i++) {
      PageGeometry.Glyph a = drawn.get(i);
      PageGeometry.Glyph b = marked.get(i);
      int at = i;
      assertTrue(
          a.page() == b.page()
              && a.code() == b.code()
              && Math.abs(a.x() - b.x()) < SAME_PLACE
              && Math.abs(a.baseline() - b.baseline()) < SAME_PLACE,
          () -> e + ": glyph " + at + " was " + a + ", is " + b);
    }
  }

  /**
   * Every line of an example that ends in a drawn hyphen read as a hyphen ends in a hyphen the
   * author typed: the two halves joined by it are in the source.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void noLineEndsInATypesettersHyphenInTheTextLayer(ExampleRenders.Example e) throws Exception {
    String source = Files.readString(Path.of(e.cs().source())).replaceAll("\\s+", " ");
    String text;
    try (PDDocument doc = Loader.loadPDF(ExampleRenders.pdf(e).toFile())) {
      text = new PDFTextStripper().getText(doc);
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i + 1 < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.endsWith("-") || lines[i + 1].isBlank()) {
        continue;
      }
      String[] before = line.split(" ");
      String after = lines[i + 1].strip().split(" ")[0];
      String joined = before[before.length - 1] + after;
      assertTrue(
          source.contains(joined.replaceAll("[^\\p{L}\\p{N}-]+$", "")),
          () -> e + ": '" + joined + "' is a word the typesetter hyphenated, read in two parts");
    }
  }

  static Stream<ExampleRenders.Example> examples() {
    return ExampleRenders.examples().stream();
  }

  private static List<PageGeometry.Glyph> glyphs(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return PageGeometry.glyphs(doc);
    }
  }
}
