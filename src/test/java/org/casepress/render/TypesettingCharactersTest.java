package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.casepress.model.CaseStudy;
import org.casepress.model.Person;
import org.casepress.model.Problem;
import org.casepress.model.Role;
import org.casepress.source.Glyphs;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Characters no bundled font has, and invisible ones, in the typeset HTML: each line of the body
 * holding a character no font has is reported once with its characters; in the text, such a
 * character becomes its code, an invisible one (a joiner, a variation selector) is left out, and
 * everything else, Latin, CJK, Arabic and white space, stays as written.
 */
class TypesettingCharactersTest {
  @TempDir Path folder;

  private static final String BODY =
      String.join(
          "\n",
          "Plain ASCII text: 1, 2, 3 ~ {braces} and \"quotes\".",
          "",
          "Thinking \uD83E\uDD14 here, in *emphasis \uD83E\uDD14* too.",
          "",
          "Joined\u200Bby a zero-width space, a heart \u2764\uFE0F with its selector.",
          "",
          "CJK 你好 and Arabic مرحبا and Greek αβγ, accents é ñ ü.",
          "",
          "| a | b |",
          "|---|---|",
          "| \uD83E\uDDD0 | x\u2060y |",
          "");

  private Document typeset(Findings findings) throws Exception {
    Person author = new Person(null, "Ada", "Lovelace", null, List.of(), Set.of(Role.AUTHOR));
    CaseStudy cs =
        new CaseStudy(
            "chars",
            folder,
            "case-studies/chars/case-study.md",
            "Characters",
            null,
            List.of(author),
            null,
            "Which characters show.",
            List.of(),
            "CC-BY-4.0",
            "en",
            List.of(),
            List.of(),
            BODY,
            8);
    return new Typesetting(
            cs,
            java.util.Optional.empty(),
            Fixtures.load().metadata(),
            Fixtures.draft(),
            findings,
            new Assets(folder),
            Fonts.load())
        .build();
  }

  @Test
  void linesWithCharactersNoFontHasAreReportedOnce() throws Exception {
    Findings findings = new Findings("case-studies/chars/case-study.md", 8, RenderMode.DRAFT);
    typeset(findings);
    List<Problem> missing =
        findings.problems().stream()
            .filter(p -> p.message().startsWith("No font in the PDF can show"))
            .toList();
    assertEquals(
        List.of(8 + 2, 8 + 10), missing.stream().map(Problem::line).toList(), "" + missing);
    assertTrue(missing.get(0).message().contains("U+1F914"), missing.get(0).message());
    assertTrue(missing.get(1).message().contains("U+1F9D0"), missing.get(1).message());
  }

  @Test
  void missingCharactersShowAsCodesAndInvisibleOnesAreLeftOut() throws Exception {
    Document html = typeset(new Findings("case-studies/chars/case-study.md", 8, RenderMode.DRAFT));
    Element main = html.selectFirst("main");
    assertEquals(
        List.of("[U+1F914]", "[U+1F914]", "[U+1F9D0]"),
        main.select("span.missing-char").eachText());
    String text = main.wholeText();
    for (String gone : List.of("\uD83E\uDD14", "\uD83E\uDDD0", "\u200B", "\uFE0F", "\u2060")) {
      assertFalse(text.contains(gone), "U+" + Integer.toHexString(gone.codePointAt(0)));
    }
    for (String kept :
        List.of(
            "Plain ASCII text: 1, 2, 3 ~ {braces} and \"quotes\".",
            "Joinedby a zero",
            "heart \u2764 with",
            "你好",
            "مرحبا",
            "αβγ",
            "xy")) {
      assertTrue(text.replace("\u00ad", "").contains(kept), kept + " in " + text);
    }
  }

  /** What lets the pass read printable ASCII without asking the fonts. */
  @Test
  void printableAsciiIsCoveredAndVisible() {
    Fonts fonts = Fonts.load();
    for (char c = ' '; c <= '~'; c++) {
      assertTrue(fonts.covers(c), "U+" + Integer.toHexString(c));
      assertFalse(Glyphs.isInvisible(c), "U+" + Integer.toHexString(c));
    }
  }

  /** No text node keeps a character that is shown as its code. */
  @Test
  void noTextNodeHoldsAMissingCharacter() throws Exception {
    Document html = typeset(new Findings("case-studies/chars/case-study.md", 8, RenderMode.DRAFT));
    Fonts fonts = Fonts.load();
    for (TextNode t : LineBreaks.texts(html.body())) {
      t.getWholeText()
          .codePoints()
          .forEach(
              cp ->
                  assertTrue(
                      fonts.covers(cp) || Character.isWhitespace(cp) || Character.isISOControl(cp),
                      "U+" + Integer.toHexString(cp) + " in '" + t.getWholeText() + "'"));
    }
  }
}
