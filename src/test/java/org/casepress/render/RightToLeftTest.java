package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When a document can be typeset without the bidi algorithm ({@link RightToLeft#neededBy}): only
 * when every character stays at level 0 of a left-to-right paragraph. {@link SameBytesTest} shows
 * that the documents it lets through give the same bytes as with the algorithm.
 */
class RightToLeftTest {
  private static Document html(String body) {
    return Jsoup.parse("<html><head><style>p { color: black }</style></head><body>" + body);
  }

  @Test
  void englishWithDigitsPunctuationAndAccentsNeedsNoBidi() {
    assertFalse(
        RightToLeft.neededBy(
            html("<p>Café 2023–24: 95 % of “users” (n = 1,204) – see § 3.1 → ok… ☃ 中文 😀</p>"),
            "en"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p>shalom שלום</p>", // Hebrew letters
        "<p>salaam سلام</p>", // Arabic letters
        "<p>١٢٣</p>", // Arabic-Indic digits: a run of their own
        "<p>a\u202Eb</p>", // right-to-left override
        "<p>a\u202Ab</p>", // left-to-right embedding: level 2, a run of its own
        "<p>a\u2067b\u2069</p>", // right-to-left isolate
        "<p>a\u200Fb</p>", // right-to-left mark
        "<p>a\u05FFb</p>", // unassigned, in the Hebrew block: right to left by default
        "<table><tr><td><span>deep in a table: א</span></td></tr></table>",
        "<p dir=\"rtl\">plain letters, read right to left</p>",
        "<p dir=\"auto\">auto</p>",
        "<img alt=\"صورة\" src=\"x.png\">",
      })
  void anythingThatCanLeaveLevelZeroNeedsTheAlgorithm(String body) {
    assertTrue(RightToLeft.neededBy(html(body), "en"), body);
  }

  @Test
  void aStyleSheetWithRightToLeftGeneratedContentNeedsTheAlgorithm() {
    Document html = Jsoup.parse("<html><head><style>p::before { content: \"א\" }</style></head>");
    assertTrue(RightToLeft.neededBy(html, "en"));
  }

  @Test
  void aRightToLeftLanguageNeedsTheAlgorithmWhateverTheText() {
    assertTrue(RightToLeft.neededBy(html("<p>only Latin letters</p>"), "he"));
  }

  @Test
  void leftToRightDirIsNoReason() {
    assertFalse(RightToLeft.neededBy(html("<p dir=\"ltr\">English</p>"), "en"));
  }
}
