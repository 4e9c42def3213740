package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pattern reader and Liang's matcher, against hyphenations documented outside this code: the
 * TeXbook's worked example (appendix H) and the exception words of Knuth's hyphen.tex, the
 * \hyphenation list of plain TeX, which the English file of com.itextpdf:hyph carries.
 */
class HyphenationTest {
  private static Hyphenation file(String xml) throws Exception {
    return new Hyphenation(
        HyphenationPatterns.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * The TeXbook, appendix H: of the patterns, only these nine match ".hyphenation.", and together
   * they give ".h0y3p0h0e2n5a4t2i0o2n0.", that is "hy-phen-ation". It also shows the even values at
   * work: "1tio" allows a break before "tion", but "hena4" forbids it.
   */
  @Test
  void theTeXbooksHyphenationExample() throws Exception {
    Hyphenation h =
        file(
            "<hyphenation-info><hyphen-min before=\"2\" after=\"3\"/><patterns>"
                + " hy3ph he2n hena4 hen5at 1na n2at 1tio 2io o2n </patterns></hyphenation-info>");
    assertEquals("hy-phen-ation", h.insert("hyphenation", '-'));
    assertArrayEquals(new int[] {2, 6}, h.points("hyphenation"));
  }

  @Test
  void theLeastLettersBeforeAndAfterABreakAreTheFiles() throws Exception {
    String patterns = "<patterns> 1b 1c 1d 1e 1f </patterns></hyphenation-info>";
    Hyphenation loose = file("<hyphenation-info><hyphen-min before=\"1\" after=\"1\"/>" + patterns);
    Hyphenation tight = file("<hyphenation-info><hyphen-min before=\"2\" after=\"3\"/>" + patterns);
    assertEquals("a-b-c-d-e-f", loose.insert("abcdef", '-'));
    assertEquals("ab-c-def", tight.insert("abcdef", '-'));
  }

  @Test
  void classesMapCapitalsToTheirLetterAndOtherCharactersStopHyphenation() throws Exception {
    Hyphenation h =
        file(
            "<hyphenation-info><hyphen-min before=\"2\" after=\"3\"/><classes> aA bB cC dD eE fF"
                + " gG hH iI jJ kK lL mM nN oO pP qQ rR sS tT uU vV wW xX yY zZ </classes>"
                + "<patterns> hy3ph he2n hena4 hen5at 1na n2at 1tio 2io o2n </patterns>"
                + "</hyphenation-info>");
    assertEquals("Hy-phen-ation", h.insert("Hyphenation", '-'));
    assertEquals("hyphenatión", h.insert("hyphenatión", '-'), "ó is not a letter of this file");
  }

  /** Knuth's exceptions (hyphen.tex's \hyphenation list), written as TeX breaks them. */
  @ParameterizedTest
  @CsvSource({
    "associate, as-so-ciate",
    "declination, dec-li-na-tion",
    "obligatory, oblig-a-tory",
    "philanthropic, phil-an-thropic",
    "present, present",
    "project, project",
    "reciprocity, reci-procity",
    "recognizance, re-cog-ni-zance",
    "reformation, ref-or-ma-tion",
    "retribution, ret-ri-bu-tion"
  })
  void englishExceptionsWinOverPatterns(String word, String tex) {
    Hyphenation en = Hyphenation.of("en").orElseThrow();
    // The file's hyphen-min (3 before, 2 after) applies to exceptions too, as in TeX.
    assertEquals(withLeastLetters(tex, 3, 2), en.insert(word, '-'));
    assertEquals(
        withLeastLetters(tex, 3, 2).replace("-", "").length(), word.length(), "same letters");
  }

  /** TeX's breaks of {@code tex} without those closer than the least letters to either end. */
  private static String withLeastLetters(String tex, int before, int after) {
    String letters = tex.replace("-", "");
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int i = 0; i < tex.length(); i++) {
      char c = tex.charAt(i);
      if (c == '-') {
        if (at >= before && letters.length() - at >= after) {
          out.append('-');
        }
      } else {
        out.append(c);
        at++;
      }
    }
    return out.toString();
  }

  @Test
  void theEnglishFileKeepsItsLeastLettersOnEveryWord() {
    Hyphenation en = Hyphenation.of("en").orElseThrow();
    for (String word :
        List.of(
            "documentation",
            "reproducibility",
            "infrastructure",
            "collaboration",
            "organisations",
            "forecasting",
            "contributors",
            "repository")) {
      int[] points = en.points(word);
      assertTrue(points.length > 0, word + " has a break");
      for (int p : points) {
        assertTrue(p >= 3 && word.length() - p >= 2, word + " breaks at " + p);
      }
    }
  }

  /**
   * de.xml: "ba<hyphen pre="k" no="c"/>ken", backen, breaks as "bak-ken": not with a soft hyphen.
   */
  @Test
  void aBreakThatChangesTheSpellingIsNotMade() {
    Hyphenation de = Hyphenation.of("de").orElseThrow();
    assertEquals("backen", de.insert("backen", '-'));
  }

  @Test
  void welshHasNoClassesSoAnyLetterCounts() {
    Hyphenation cy = Hyphenation.of("cy").orElseThrow();
    String word = "cymdeithasol";
    int[] points = cy.points(word);
    assertTrue(points.length > 0, "a break in " + word);
    for (int p : points) {
      assertTrue(p >= 2 && word.length() - p >= 3, word + " breaks at " + p);
    }
    assertArrayEquals(points, cy.points("Cymdeithasol"));
  }

  @ParameterizedTest
  @CsvSource({
    "en, en_GB",
    "en-GB, en_GB",
    "en-US, en_US",
    "EN_us, en_US",
    "en-AU, en_GB",
    "de-CH, de",
    "cy, cy",
    "fr,",
    "ar,",
    "'',"
  })
  void aLanguageTagFindsItsFile(String tag, String file) {
    assertEquals(file, Hyphenation.fileFor(tag));
  }

  // Where LineBreaks applies it: body paragraphs and list items only (issue 12, item 4).

  private static final char SHY = LineBreaks.SOFT_HYPHEN;

  private static org.jsoup.nodes.Document hyphenated(String body) {
    org.jsoup.nodes.Document doc =
        org.jsoup.Jsoup.parse(
            "<html><body><div class=\"title-page\"><h1>Documentation</h1>"
                + "<p class=\"subtitle\">Documentation</p></div><main>"
                + body
                + "</main></body></html>");
    LineBreaks.apply(doc, Hyphenation.of("en").orElseThrow());
    return doc;
  }

  @Test
  void paragraphsAndListItemsOfTheBodyAreHyphenated() {
    org.jsoup.nodes.Document doc =
        hyphenated(
            "<p>Good documentation.</p><ul><li>documentation</li></ul>"
                + "<blockquote><p>(documentation)</p></blockquote>");
    String shy = "doc" + SHY + "u" + SHY + "ment" + SHY + "a" + SHY + "tion";
    assertEquals("Good " + shy + ".", doc.selectFirst("main > p").wholeText());
    assertEquals(shy, doc.selectFirst("li").wholeText());
    assertEquals("(" + shy + ")", doc.selectFirst("blockquote p").wholeText());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<h2>Documentation</h2>",
        "<p><code>documentation</code></p>",
        "<pre>documentation</pre>",
        "<p><a href=\"https://example.org/documentation\">documentation</a></p>",
        "<p>see https://example.org/documentation/index</p>",
        "<p>see example.org/documentation or www.documentation.org</p>",
        "<p>write to documentation@example.org</p>",
        "<p>ORCID 0000-0002-1825-0097 and 10.5281/zenodo.documentation</p>",
        "<p>DOCUMENTATION and GitHub and JavaScript</p>",
        "<p>documentation2024 and re-documentation and documentation's</p>",
        "<p>table and tables and simple</p>",
        "<table><tr><td><p>documentation</p></td></tr></table>",
        "<figure><figcaption><p>documentation</p></figcaption></figure>",
        "<div class=\"references\"><p class=\"reference\">documentation</p></div>",
        "<p><span class=\"nobr\">documentation</span></p>",
        "<p>long<em>documentation</em>words</p>"
      })
  void notHyphenatedThere(String html) {
    org.jsoup.nodes.Document doc = hyphenated(html);
    assertTrue(
        doc.selectFirst("main").html().indexOf(SHY) < 0, () -> doc.selectFirst("main").html());
    assertTrue(doc.selectFirst(".title-page").html().indexOf(SHY) < 0, "not on the title page");
  }

  @Test
  void aDocumentWithoutPatternsIsNotHyphenated() {
    org.jsoup.nodes.Document doc =
        org.jsoup.Jsoup.parse("<html><body><main><p>documentation</p></main></body></html>");
    LineBreaks.apply(doc, null);
    assertEquals("documentation", doc.selectFirst("p").wholeText());
  }

  @Test
  void aFileIsReadOncePerProcess() {
    assertSame(Hyphenation.of("en").orElseThrow(), Hyphenation.of("en-GB").orElseThrow());
    assertTrue(Hyphenation.of("fr").isEmpty(), "no patterns, no hyphenation");
    assertNull(Hyphenation.fileFor(null));
  }

  /**
   * Every word of the example case studies and the line-break fixture, and a few of each language
   * of the pattern files, hyphenated with every file casepress uses: pinned as the matcher gave
   * them before it was made cheaper (sparse pattern values), so a change to any break fails here.
   */
  @ParameterizedTest
  @CsvSource({
    "en, en_GB",
    "en-us, en_US",
    "cy, cy",
    "da, da",
    "de, de",
    "fi, fi",
    "pl, pl",
    "pt, pt",
    "tr, tr"
  })
  void everyFileGivesThePinnedBreaks(String tag, String file) throws Exception {
    java.nio.file.Path folder = java.nio.file.Path.of("src/test/resources/render/hyphenation");
    List<String> words = java.nio.file.Files.readAllLines(folder.resolve("words.txt"));
    List<String> expected =
        java.nio.file.Files.readAllLines(folder.resolve("expected-" + file + ".txt"));
    assertEquals(words.size(), expected.size());
    Hyphenation hyphenation = Hyphenation.of(tag).orElseThrow();
    int broken = 0;
    for (int i = 0; i < words.size(); i++) {
      String marked = hyphenation.insert(words.get(i), '-');
      assertEquals(expected.get(i), marked, file + ": " + words.get(i));
      broken += marked.length() > words.get(i).length() ? 1 : 0;
    }
    assertTrue(broken > 500, file + " breaks only " + broken + " of the words");
  }
}
