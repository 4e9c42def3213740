package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineBreaksTest {
  private static final Path GOLDEN = Path.of("src/test/resources/render/line-breaks");

  /**
   * Numbers with units, DOIs and ORCID iDs in text, tables, code, links and glued runs; long words
   * of every kind of letter; hyphenated body text. The expected HTML is what the passes gave before
   * they were made cheaper (one walk for numbers and identifiers, plain counts before the long-word
   * pattern), so any change to what they produce fails here.
   */
  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void passesGiveThePinnedHtml(String language) throws Exception {
    Document doc = Jsoup.parse(Files.readString(GOLDEN.resolve("input.html")));
    doc.outputSettings().prettyPrint(false);
    LineBreaks.apply(doc, Hyphenation.of(language).orElseThrow());
    assertEquals(
        Files.readString(GOLDEN.resolve("expected-" + language + ".html")), doc.body().html());
  }

  private static final List<String> WORDS =
      List.of(
          "",
          "short words only",
          "a".repeat(40),
          "a".repeat(41),
          "x " + "a".repeat(41) + " y",
          "a".repeat(20) + "\u00ad" + "a".repeat(21),
          "a".repeat(20) + "-" + "a".repeat(21),
          "e\u0301".repeat(21),
          "e\u0301".repeat(20),
          "𝐀".repeat(41),
          "𝐀".repeat(40),
          "a".repeat(20) + "\ud800" + "a".repeat(21),
          "a".repeat(40) + "\udc00",
          "數".repeat(41),
          "Ⅻ¹²³".repeat(11),
          "4".repeat(41),
          "abcdefghi",
          "abcdefghij",
          "abcde\u200dfghij",
          "ab\u0903cdefghij");

  @Test
  void letterRunsAreFoundWhereThePatternFindsThem() {
    for (String s : WORDS) {
      assertEquals(
          LineBreaks.LONG.matcher(s).find(),
          LineBreaks.hasRunOfLetters(s, LineBreaks.LONG_WORD + 1),
          () -> "'" + s + "'");
      assertEquals(
          LineBreaks.LONG_IN_CELL.matcher(s).find(),
          LineBreaks.hasRunOfLetters(s, 10),
          () -> "'" + s + "' in a narrow cell");
    }
  }

  /**
   * Each word's breaks are found once per document and used wherever it comes back: every
   * occurrence gets the word's own breaks, in its place, however often it comes and whatever words
   * look like it.
   */
  @Test
  void repeatedWordsGetTheirOwnBreaksEachTime() {
    Hyphenation english = Hyphenation.of("en").orElseThrow();
    List<String> words =
        List.of(
            "repository",
            "reproducible",
            "hyphenation",
            "repository",
            "reproduction",
            "computational");
    List<String> backwards = new java.util.ArrayList<>(words);
    java.util.Collections.reverse(backwards);
    StringBuilder html = new StringBuilder("<main>");
    for (int i = 0; i < 3; i++) {
      html.append("<p>").append(String.join(" ", words)).append("</p>");
      html.append("<ul><li>").append(String.join(" and ", backwards)).append("</li></ul>");
    }
    Document doc = Jsoup.parse(html.append("</main>").toString());
    LineBreaks.apply(doc, english);
    List<String> marked =
        words.stream().map(w -> english.insert(w, LineBreaks.SOFT_HYPHEN)).toList();
    List<String> markedBackwards = new java.util.ArrayList<>(marked);
    java.util.Collections.reverse(markedBackwards);
    for (org.jsoup.nodes.Element p : doc.select("main p")) {
      assertEquals(String.join(" ", marked), p.wholeText());
    }
    for (org.jsoup.nodes.Element li : doc.select("main li")) {
      assertEquals(String.join(" and ", markedBackwards), li.wholeText());
    }
    assertEquals(3, doc.select("main p").size());
    assertTrue(marked.stream().allMatch(w -> w.indexOf(LineBreaks.SOFT_HYPHEN) > 0), "all break");
  }

  /**
   * A word too long for a line is broken in body text, and left whole in a link, a heading, a glued
   * run, the title page and a missing character's code, however deep inside them.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "<a href=\"https://example.org\">x <em>%s</em></a>",
        "<h3>x <em>%s</em></h3>",
        "<p><span class=\"nobr\">x <b>%s</b></span></p>",
        "<div class=\"title-page\"><p>x <em>%s</em></p></div>",
        "<p><span class=\"x missing-char y\"><i>%s</i></span></p>"
      })
  void longWordsStayWholeWhereLinesMustNotBreak(String html) {
    String word = "a".repeat(LineBreaks.LONG_WORD + 5);
    Document doc = Jsoup.parse("<p>" + word + "</p>" + html.formatted(word));
    LineBreaks.apply(doc, null);
    assertTrue(doc.selectFirst("p").wholeText().indexOf(LineBreaks.SOFT_HYPHEN) > 0, "body text");
    // The body text's copy is broken; the other is whole.
    assertEquals(2, doc.body().wholeText().split(word, -1).length, html);
  }

  @Test
  void identifiersAreNeverSkipped() {
    for (String s :
        List.of(
            "10.1234/abc",
            "https://doi.org/10.5281/zenodo.12345.",
            "http://dx.doi.org/10.1000/xy)",
            "0000-0002-1825-0097",
            "https://orcid.org/0000-0001-5109-372X",
            "see (10.12345678/a-b_c) or 1234-5678-9012-345X.")) {
      assertTrue(LineBreaks.IDENTIFIER.matcher(s).find(), s);
      assertTrue(LineBreaks.mayHoldIdentifier(s), s);
    }
    for (String s : List.of("", "2021", "1.0 and 0.10", "pre-print", "a -1 b", "10,5")) {
      assertEquals(false, LineBreaks.IDENTIFIER.matcher(s).find(), s);
      assertEquals(false, LineBreaks.mayHoldIdentifier(s), s);
    }
  }
}
