package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, "how we will know": the text layer of each example's final PDF holds every word of its
 * Markdown body, in order, with letters where a ligature could be and no soft hyphen left in a
 * word.
 */
class TextLayerTest {
  static Stream<ExampleRenders.Example> subjects() {
    // Right-to-left fixtures have their lines in visual order on the page, which this reading in
    // source order does not undo; RightToLeftDocumentsTest checks their text layer.
    return ExampleRenders.examplesAndFixtures().stream()
        .filter(e -> !e.cs().slug().startsWith("rtl-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subjects")
  void everyWordOfTheSourceIsInTheTextLayerInOrder(ExampleRenders.Example e) throws Exception {
    Path pdf = ExampleRenders.pdf(e);
    List<String> runs;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      runs = TextLayer.runs(doc);
    }
    String text = String.join("\n", runs);
    int ligature =
        text.codePoints().filter(cp -> cp >= 0xFB00 && cp <= 0xFB06).findFirst().orElse(-1);
    assertEquals(
        -1,
        ligature,
        () ->
            e
                + ": the text layer has the ligature U+"
                + Integer.toHexString(ligature).toUpperCase()
                + " near '"
                + around(text, text.indexOf(Character.toString(ligature)))
                + "'");
    int shy = text.indexOf('\u00ad');
    assertEquals(-1, shy, () -> e + ": a soft hyphen is left in '" + around(text, shy) + "'");
    String missing =
        TextLayer.firstMissing(TextLayer.sourceWords(e.cs()), TextLayer.pdfWords(runs));
    assertNull(missing, () -> e + " (" + e.cs().source() + "): the PDF lacks " + missing);
  }

  /**
   * Issue 12, item 4: a word the typesetter hyphenated at a line's end is one word for copy, search
   * and screen readers. Its drawn hyphen and the rest of the word on the next line are under
   * /ActualText; PDFBox's extraction gives the word whole where it starts. Every English example
   * has such breaks: none would mean hyphenation is off.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void hyphenatedWordsAreReadWhole(ExampleRenders.Example e) throws Exception {
    List<String> hyphenated = new java.util.ArrayList<>();
    String extracted;
    try (PDDocument doc = Loader.loadPDF(ExampleRenders.pdf(e).toFile())) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions)
                throws java.io.IOException {
              TextPosition last = positions.get(positions.size() - 1);
              String drawn = last.getFont().toUnicode(last.getCharacterCodes()[0]);
              if ("-".equals(drawn) && last.getUnicode().isEmpty()) {
                // the whole word is the /ActualText on the first glyph of its span
                for (int i = positions.size() - 2; i >= 0; i--) {
                  if (positions.get(i).getUnicode().length() > 1) {
                    hyphenated.add(positions.get(i).getUnicode());
                    break;
                  }
                }
              }
              super.writeString(text, positions);
            }
          };
      stripper.setSortByPosition(true);
      stripper.getText(doc);
      extracted = new PDFTextStripper().getText(doc);
    }
    assertFalse(hyphenated.isEmpty(), e + ": no word is hyphenated at a line's end");
    List<String> source = TextLayer.sourceWords(e.cs());
    for (String word : hyphenated) {
      assertTrue(source.contains(word.toLowerCase(Locale.ROOT)), e + ": '" + word + "' is whole");
      assertTrue(extracted.contains(word), e + ": extraction gives '" + word + "'");
    }
  }

  static Stream<ExampleRenders.Example> examples() {
    return ExampleRenders.examples().stream();
  }

  private static String around(String text, int at) {
    return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30))
        .replace('\n', ' ');
  }

  // The comparison itself: each defect it must catch, on text written here.

  private static String missing(String source, String pdfText) {
    return TextLayer.firstMissing(TextLayer.words(source), TextLayer.pdfWords(pdfText));
  }

  @Test
  void wordsInOrderPassWithRunningHeadsBetween() {
    assertNull(
        missing(
            "We asked the video team to understand the flows.",
            "Title page\nWe asked the video team to\nRunning head Page 1 of 2\nunderstand the flows."));
  }

  @Test
  void gluedWordsAreNamedWithTheirContext() {
    String m =
        missing("We asked the video team to understand", "We asked thevideo team to understand");
    assertNotNull(m);
    assertTrue(m.startsWith("'the' (word 3 of 7) in 'we asked [the] video team"), m);
  }

  @Test
  void aLigatureIsAMissingWord() {
    assertNotNull(
        missing("the official traffic flows and more", "the o\ufb03cial traffic flows and more"));
  }

  @Test
  void aWordBrokenAtALineEndCountsOnlyWithAMark() {
    String source = "one two supercalifragilistic three";
    assertNull(missing(source, "one two supercali-\nfragilistic three"));
    assertNotNull(missing(source, "one two supercali\nfragilistic three"));
    assertNull(
        missing(source, "one two supercali\n" + LineBreaks.CONTINUED + " fragilistic three"));
  }

  @Test
  void wordsOutOfOrderBeyondTheWindowFail() {
    StringBuilder filler = new StringBuilder();
    for (int i = 0; i < TextLayer.AHEAD + TextLayer.BEHIND; i++) {
      filler.append(" filler");
    }
    assertNotNull(
        missing(
            "alpha beta gamma delta epsilon zeta",
            "alpha beta gamma delta epsilon" + filler + "\nzeta"));
    assertNull(
        missing(
            "alpha beta gamma delta epsilon zeta", "alpha beta gamma delta epsilon zeta" + filler));
  }
}
