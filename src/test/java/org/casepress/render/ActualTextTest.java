package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whether a render needs the ActualText pass is asked of the document's text nodes in place; the
 * answer is the one the whole text as one string ({@link Element#text()}) gave, read code point by
 * code point: right-to-left letters in attributes, style sheets and comments do not count, in any
 * text node (the head's title included) they do.
 */
class ActualTextTest {
  private static final String HEBREW = "\u05e9\u05dc\u05d5\u05dd";
  private static final String ARABIC = "\u0645\u0631\u062d\u0628\u0627";

  /** The answer as it was first given: the document's text as one string. */
  private static boolean asOneString(Document html) {
    return html.text().codePoints().anyMatch(ActualTextTest::rightToLeft);
  }

  private static boolean rightToLeft(int cp) {
    byte d = Character.getDirectionality(cp);
    return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
  }

  private static Document page(String body) {
    return Jsoup.parse(
        "<html><head><title>A title</title><style>p { color: black }</style></head><body>"
            + body
            + "</body></html>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p>Only English here, with “quotes”, é and 數據.</p>",
        "<table><tr><td><table><tr><td><p>deep <em>in <b>a "
            + ARABIC
            + "</b></em> table</p></td></tr></table></td></tr></table>",
        "<p>a name, " + HEBREW + ", in a paragraph</p>",
        "<img src=\"x.png\" alt=\"" + ARABIC + "\"><a href=\"#\" title=\"" + HEBREW + "\">x</a>",
        "<p dir=\"rtl\" lang=\"ar\" data-x=\"" + ARABIC + "\">English</p>",
        "<!-- " + HEBREW + " --><p>English</p>",
        "<script>var s = '" + ARABIC + "';</script><p>English</p>",
        "<pre>code\n  " + HEBREW + "\n</pre>",
        "<p>an Adlam letter \ud83a\udd00 outside the basic plane</p>",
        "<p>a lone surrogate \ud83a and its other half alone \udd00</p>",
        "<p>marks alone \u064e\u0651 and a digit \u0661</p>",
        ""
      })
  void answerIsTheWholeTextsAnswer(String body) {
    Document html = page(body);
    assertEquals(asOneString(html), ActualText.needed(html), body);
  }

  @Test
  void aRightToLeftLetterDeepInATableCounts() {
    Document html =
        page(
            "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td><ul><li><p>x <span>"
                + ARABIC
                + "</span></p></li></ul></td></tr></tbody></table>");
    assertTrue(ActualText.needed(html));
  }

  @Test
  void aRightToLeftLetterOnlyInAnAttributeDoesNotCount() {
    Document html =
        page("<img src=\"x.png\" alt=\"" + ARABIC + "\"><p title=\"" + HEBREW + "\">English</p>");
    assertFalse(ActualText.needed(html));
  }

  @Test
  void aRightToLeftTitleInTheHeadCounts() {
    Document html = page("<p>English</p>");
    html.title(HEBREW);
    assertTrue(ActualText.needed(html));
  }

  @Test
  void textAddedAfterParsingCounts() {
    Document html = page("<p>English</p>");
    html.selectFirst("p").appendChild(new TextNode(" and " + ARABIC));
    assertTrue(ActualText.needed(html));
  }

  @Test
  void noRightToLeftLetterAnywhere() {
    assertFalse(ActualText.needed(page("<p>Plain <em>English</em> text</p>")));
  }

  /** The shortcut for Latin text: nothing below the Hebrew block reads right to left. */
  @Test
  void noCodePointBeforeTheHebrewBlockIsRightToLeft() {
    for (int cp = 0; cp < ActualText.FIRST_RIGHT_TO_LEFT; cp++) {
      assertFalse(rightToLeft(cp), Integer.toHexString(cp));
    }
  }

  /** Every code point, alone and after a Latin letter, is judged as the code point stream does. */
  @Test
  void everyCodePointIsJudgedAsBefore() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      String s = "a" + new String(Character.toChars(cp));
      assertEquals(rightToLeft(cp), ActualText.needed(s), Integer.toHexString(cp));
    }
  }
}
