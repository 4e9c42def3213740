package org.casepress.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Where lines may break, decided as a typesetter would, over the finished DOM: spaces at the edge
 * of a link or emphasis move outside it (the renderer drops them inside, gluing "the video" into
 * "thevideo"); a number stays with its unit or "%", a footnote marker with the word before it, a
 * closing bracket or punctuation with the short link or code before it; DOIs and ORCID iDs are kept
 * whole; a code line too long for the page is broken with a visible continuation mark; and a word
 * too long for a line may break inside, with a hyphen drawn where it does. Body text in a language
 * with hyphenation patterns gets soft hyphens where its words may break ({@link Hyphenation}).
 * Glued runs become {@code span.nobr} ({@code white-space: nowrap} in the house style), so no
 * character is added to the text.
 */
final class LineBreaks {
  /** Characters of DejaVu Sans Mono at the house style's code size that fit in a code block. */
  static final int CODE_COLUMNS = 78;

  /** Marks where a long code line goes on: not part of the code, so drawn in the margin colour. */
  static final String CONTINUED = "\u21aa";

  /** Where a line may break inside a word, with a hyphen drawn if it does. */
  static final char SOFT_HYPHEN = '\u00ad';

  private static final Pattern NUMBER_UNIT =
      Pattern.compile(
          "\\d[\\d.,]*(?:\\s|\u00a0)(?:%|‰|°[CFK]?|K|km²?|m²|m³|cm|mm|µm|nm|kg|mg|ml|GB|MB|TB|kB"
              + "|GHz|MHz|kHz|Hz|kWh|MWh|GWh|kW|MW|GW|ms|dB)(?![\\p{L}\\d])");
  static final Pattern IDENTIFIER =
      Pattern.compile(
          "(?:https?://(?:dx\\.)?doi\\.org/)?10\\.\\d{4,9}/[^\\s\"<>]+[^\\s\"<>.,;:)]"
              + "|(?:https?://orcid\\.org/)?\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
  private static final Pattern CLOSING = Pattern.compile("^[)\\]}.,;:!?»”’%]+");

  /**
   * A word of more letters than this is broken where it meets the line's end, with a hyphen, rather
   * than moved whole to the next line (leaving half a line empty) or cut without a mark.
   */
  static final int LONG_WORD = 40;

  /** Letters kept together at least, at either end of a long word and between its breaks. */
  private static final int LONG_WORD_PART = 6;

  static final Pattern LONG = letters(LONG_WORD + 1);

  /**
   * In the columns of a table shared out equally ({@link TableFit}: too wide even for a landscape
   * page), and in a cell it marks {@code break-inside} (a word longer than its column can be), a
   * dozen letters fill a line: words of this many letters may break there, a few letters at a time.
   * Other cells are as wide as their longest word, which must not break.
   */
  private static final int LONG_IN_NARROW_CELL = 10;

  private static final int PART_IN_NARROW_CELL = 4;

  static final Pattern LONG_IN_CELL = letters(LONG_IN_NARROW_CELL);

  /** Glue a link or code to the punctuation after it only when it is short enough to move. */
  private static final int SHORT = 32;

  private static final String INLINE = "a, em, strong, b, i, span, code, del, s, mark, q";

  /**
   * Cells whose long words break at soft hyphens. Parsed once: {@code closest(String)} parses its
   * selector again on every call, and this one is asked for every text node in a table.
   */
  private static final Evaluator NARROW_CELL =
      QueryParser.parse("table.shared-out, td.break-inside, th.break-inside");

  private LineBreaks() {}

  /** Shorter words are never hyphenated: two or three letters either side of a break read badly. */
  static final int HYPHENATED_LETTERS = 6;

  /**
   * A word of body text that may be hyphenated: letters only (no digits, hyphens, apostrophes, or
   * dots inside, so no address, identifier or compound), at least {@link #HYPHENATED_LETTERS} long,
   * standing between spaces or punctuation.
   */
  private static final Pattern BODY_WORD =
      Pattern.compile(
          "(?<=^|[\\s\u00a0(\\[{\"'“‘«])[\\p{L}\\p{M}]{"
              + HYPHENATED_LETTERS
              + ",}"
              + "(?=$|[\\s\u00a0]|[.,;:!?…\"'”’»)\\]}]+(?![\\p{L}\\p{N}]))");

  /**
   * Every pass; {@code hyphenation} (null: none) sets soft hyphens in the words of the body's
   * paragraphs and list items.
   */
  static void apply(Document doc, Hyphenation hyphenation) {
    Element body = doc.body();
    for (Element e : body.select(INLINE)) {
      moveEdgeSpaceOutside(e);
    }
    // Both patterns hold a digit; most text holds none, and a regex search costs a step at every
    // character of it. Identifiers are looked for in what numbers with units leave as text, in
    // the same walk: a text node without a digit is not changed by the first, so the second would
    // only scan it again.
    for (TextNode t : texts(body)) {
      if (!hasDigit(t.getWholeText()) || inCode(t)) {
        continue;
      }
      boolean table = inTable(t);
      for (TextNode rest : glue(t, NUMBER_UNIT)) {
        if (!table && mayHoldIdentifier(rest.getWholeText())) {
          glue(rest, IDENTIFIER);
        }
      }
    }
    for (Element marker : body.select("sup:has(a.footnote-ref), sup.footnote-ref")) {
      stickToWordBefore(marker);
    }
    for (Element e : body.select("a, code")) {
      if (!inCode(e.parent()) && e.text().length() <= SHORT) {
        stickToClosingAfter(e);
      }
    }
    for (Element code : body.select("pre > code, pre:not(:has(code))")) {
      continueLongLines(code);
    }
    Element main = body.selectFirst("main");
    if (hyphenation != null && main != null) {
      keepRaggedAroundLongAddresses(main);
      // A document says most of its long words many times, and Liang's matching was a tenth of
      // building its HTML: each word's breaks are found once per document.
      Map<String, String> hyphenated = new HashMap<>();
      for (TextNode t : texts(main)) {
        if (inBodyText(t)) {
          hyphenate(t, hyphenation, hyphenated);
        }
      }
    }
    for (TextNode t : texts(body)) {
      if (inCode(t) || inUnbreakable(t)) {
        continue;
      }
      if (!inTable(t)) {
        breakLongWords(t, LONG, LONG_WORD + 1, LONG_WORD_PART);
      } else if (t.parent() != null && t.parent().closest(NARROW_CELL) != null) {
        breakLongWords(t, LONG_IN_CELL, LONG_IN_NARROW_CELL, PART_IN_NARROW_CELL);
      }
    }
  }

  private static Pattern letters(int atLeast) {
    return Pattern.compile("[\\p{L}\\p{N}\\p{M}]{" + atLeast + ",}");
  }

  /**
   * Whether {@link #letters}{@code (atLeast)} finds a word in {@code s}: {@code atLeast} code
   * points in a row that are letters, numbers or marks.
   */
  static boolean hasRunOfLetters(String s, int atLeast) {
    int run = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (!isLetterNumberOrMark(cp)) {
        run = 0;
      } else if (++run >= atLeast) {
        return true;
      }
    }
    return false;
  }

  /** What {@code [\\p{L}\\p{N}\\p{M}]} matches: the general categories L*, N* and M*. */
  private static boolean isLetterNumberOrMark(int cp) {
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK ->
          true;
      default -> false;
    };
  }

  /**
   * False only where {@link #IDENTIFIER} cannot match: each of its forms holds "10." (a DOI) or a
   * digit and a hyphen one after the other (an ORCID iD).
   */
  static boolean mayHoldIdentifier(String s) {
    if (s.contains("10.")) {
      return true;
    }
    for (int i = 0; i + 1 < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' && s.charAt(i + 1) == '-') {
        return true;
      }
    }
    return false;
  }

  /**
   * Soft hyphens (U+00AD) every few letters of a word too long for a line: the renderer breaks at
   * one only where the line ends, and draws a hyphen there; elsewhere it draws nothing, and the
   * text layer keeps the word whole.
   */
  private static void breakLongWords(TextNode t, Pattern longWord, int letters, int part) {
    String s = t.getWholeText();
    // The pattern tries every position of a word, to its end: a plain count first.
    if (!hasRunOfLetters(s, letters)) {
      return;
    }
    Matcher m = longWord.matcher(s);
    if (!m.find()) {
      return;
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    int at = 0;
    do {
      out.append(s, at, m.start());
      String word = m.group();
      for (int i = 0; i < word.length(); i++) {
        if (i >= part
            && i % part == 0
            && word.length() - i >= part
            && !Character.isLowSurrogate(word.charAt(i))
            && Character.getType(word.charAt(i)) != Character.NON_SPACING_MARK) {
          out.append(SOFT_HYPHEN);
        }
        out.append(word.charAt(i));
      }
      at = m.end();
    } while (m.find());
    out.append(s, at, s.length());
    t.text(out.toString());
  }

  /**
   * Soft hyphens where the patterns allow a break, in each word of body text that is not in
   * capitals (an acronym) or capitalised inside (a name such as "GitHub"), and not cut by the edge
   * of an inline element ("<em>data</em>sets").
   */
  private static void hyphenate(
      TextNode t, Hyphenation hyphenation, Map<String, String> hyphenated) {
    String s = t.getWholeText();
    Matcher m = BODY_WORD.matcher(s);
    StringBuilder out = null;
    int at = 0;
    while (m.find()) {
      String word = m.group();
      if (!lowerAfterFirst(word)
          || (m.start() == 0 && letterBefore(t))
          || (m.end() == s.length() && letterAfter(t))) {
        continue;
      }
      String marked = hyphenated.computeIfAbsent(word, w -> hyphenation.insert(w, SOFT_HYPHEN));
      if (marked.length() == word.length()) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length() + 32);
      }
      out.append(s, at, m.start()).append(marked);
      at = m.end();
    }
    if (out != null) {
      t.text(out.append(s, at, s.length()).toString());
    }
  }

  /**
   * A paragraph or list item holding a link or code longer than {@link #SHORT} characters is set
   * ragged and not hyphenated: such a run breaks anywhere (or not at all), and justified around it
   * the lines go loose.
   */
  private static void keepRaggedAroundLongAddresses(Element main) {
    for (Element run : main.select("p a, p code, li a, li code")) {
      if (run.wholeText().length() > SHORT) {
        Element block = run.closest("p, li");
        if (block != null) {
          block.addClass(RAGGED);
        }
      }
    }
  }

  /** The class of a block of body text set ragged right in a justified document. */
  static final String RAGGED = "ragged";

  private static boolean lowerAfterFirst(String word) {
    for (int i = 1; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text just before {@code n} in its block, across inline elements, is a letter. */
  private static boolean letterBefore(Node n) {
    for (Node x = n; x != null; x = isBlock(x.parent()) ? null : x.parent()) {
      if (x.previousSibling() != null) {
        String s = wholeText(x.previousSibling());
        return !s.isEmpty() && Character.isLetterOrDigit(s.charAt(s.length() - 1));
      }
    }
    return false;
  }

  /** Whether the text just after {@code n} in its block, across inline elements, is a letter. */
  private static boolean letterAfter(Node n) {
    for (Node x = n; x != null; x = isBlock(x.parent()) ? null : x.parent()) {
      if (x.nextSibling() != null) {
        String s = wholeText(x.nextSibling());
        return !s.isEmpty() && Character.isLetterOrDigit(s.charAt(0));
      }
    }
    return false;
  }

  private static String wholeText(Node n) {
    return n instanceof TextNode t ? t.getWholeText() : n instanceof Element e ? e.wholeText() : "";
  }

  private static final Set<String> INLINE_TAGS =
      Set.of(
          "a", "em", "strong", "b", "i", "span", "code", "del", "s", "mark", "q", "sup", "sub",
          "bdi", "small", "u", "abbr", "cite", "kbd", "samp", "var");

  private static boolean isBlock(Node n) {
    return !(n instanceof Element e) || !INLINE_TAGS.contains(e.normalName());
  }

  /**
   * In a paragraph or list item of the body, and not in a heading, caption, box title, table, code,
   * link, glued run or the list of references (names and addresses, set ragged).
   */
  private static boolean inBodyText(TextNode t) {
    boolean block = false;
    for (Node x = t.parent(); x != null; x = x.parent()) {
      if (!(x instanceof Element e)) {
        continue;
      }
      String tag = e.normalName();
      if (tag.equals("main")) {
        return block;
      }
      if (NOT_HYPHENATED.contains(tag)
          || e.hasClass(RAGGED)
          || e.hasClass("nobr")
          || e.hasClass("missing-char")
          || e.hasClass("admonition-title")
          || e.hasClass("references")) {
        return false;
      }
      block |= tag.equals("p") || tag.equals("li");
    }
    return false;
  }

  private static final Set<String> NOT_HYPHENATED =
      Set.of(
          "pre",
          "code",
          "kbd",
          "samp",
          "a",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "table",
          "figcaption",
          "dt");

  /** " video" inside a link becomes " " before it; likewise a space at its end. */
  private static void moveEdgeSpaceOutside(Element e) {
    if (inCode(e)) {
      return;
    }
    if (e.childNodeSize() > 0 && e.childNode(0) instanceof TextNode first) {
      String s = first.getWholeText();
      String stripped = s.stripLeading();
      if (stripped.length() < s.length() && !stripped.isEmpty()) {
        first.text(stripped);
        e.before(new TextNode(" "));
      }
    }
    int last = e.childNodeSize() - 1;
    if (last >= 0 && e.childNode(last) instanceof TextNode end) {
      String s = end.getWholeText();
      String stripped = s.stripTrailing();
      if (stripped.length() < s.length() && !stripped.isEmpty()) {
        end.text(stripped);
        e.after(new TextNode(" "));
      }
    }
  }

  /**
   * Every match of {@code pattern} in the text becomes a span that lines do not break inside.
   * Returns the text left between the spans: {@code t} itself when nothing matched, none when it is
   * in a glued run already.
   */
  static List<TextNode> glue(TextNode t, Pattern pattern) {
    if (t.parent() != null && t.parent().hasClass("nobr")) {
      return List.of();
    }
    String s = t.getWholeText();
    Matcher m = pattern.matcher(s);
    List<Node> parts = new ArrayList<>();
    List<TextNode> rest = new ArrayList<>();
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        TextNode before = new TextNode(s.substring(at, m.start()));
        parts.add(before);
        rest.add(before);
      }
      parts.add(new Element("span").addClass("nobr").text(m.group()));
      at = m.end();
    }
    if (parts.isEmpty()) {
      return List.of(t);
    }
    if (at < s.length()) {
      TextNode after = new TextNode(s.substring(at));
      parts.add(after);
      rest.add(after);
    }
    for (Node n : parts) {
      t.before(n);
    }
    t.remove();
    return rest;
  }

  /**
   * The marker and the last word before it go on one line. Like the link and its closing bracket,
   * the glued run holds an element: {@code span.whole}, an inline block, since the renderer may
   * break a line where an inline element ends even inside {@code nowrap} (openhtmltopdf issues 39,
   * 864).
   */
  private static void stickToWordBefore(Element marker) {
    if (!(marker.previousSibling() instanceof TextNode before)) {
      return;
    }
    String s = before.getWholeText();
    if (s.isEmpty() || Character.isWhitespace(s.charAt(s.length() - 1))) {
      return;
    }
    int cut = s.length();
    while (cut > 0 && !Character.isWhitespace(s.charAt(cut - 1))) {
      cut--;
    }
    Element span = new Element("span").addClass("nobr").addClass("whole");
    marker.before(span);
    span.appendChild(new TextNode(s.substring(cut)));
    span.appendChild(marker);
    before.text(s.substring(0, cut));
  }

  /** "(see [here](…))." keeps ")." on the line of the link. */
  private static void stickToClosingAfter(Element e) {
    if (!(e.nextSibling() instanceof TextNode after)) {
      return;
    }
    Matcher m = CLOSING.matcher(after.getWholeText());
    if (!m.find()) {
      return;
    }
    Element span = new Element("span").addClass("nobr").addClass("whole");
    e.before(span);
    span.appendChild(e);
    span.appendChild(new TextNode(m.group()));
    after.text(after.getWholeText().substring(m.end()));
  }

  /**
   * A code line longer than the block is broken at a space or punctuation near its end, or at the
   * full width, and the rest starts on a new line after a continuation mark.
   */
  private static void continueLongLines(Element code) {
    if (code.children().size() > 0 || inTable(code)) {
      return; // highlighted or nested code keeps its own structure
    }
    String text = code.wholeText();
    boolean longLine = text.lines().anyMatch(l -> l.length() > CODE_COLUMNS);
    if (!longLine) {
      return;
    }
    code.empty();
    StringBuilder run = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      while (line.length() > CODE_COLUMNS) {
        int cut = breakAt(line);
        run.append(line, 0, cut).append('\n');
        code.appendChild(new TextNode(run.toString()));
        run.setLength(0);
        code.appendElement("span").addClass("continued").text(CONTINUED + " ");
        line = line.substring(cut);
      }
      run.append(line);
      if (i < lines.length - 1) {
        run.append('\n');
      }
    }
    code.appendChild(new TextNode(run.toString()));
  }

  private static int breakAt(String line) {
    int limit = CODE_COLUMNS - 2; // room for the mark on the next line
    for (int i = limit; i > limit / 3; i--) {
      char c = line.charAt(i - 1);
      if (c == ' ' || c == ',' || c == ';' || c == '(' || c == '/' || c == '&') {
        return i;
      }
    }
    return limit;
  }

  /** The text nodes under {@code root}, in document order, collected before any is changed. */
  static List<TextNode> texts(Element root) {
    List<TextNode> texts = new ArrayList<>();
    NodeTraversor.traverse(
        (NodeVisitor)
            (node, depth) -> {
              if (node instanceof TextNode t) {
                texts.add(t);
              }
            },
        root);
    return texts;
  }

  /**
   * By tag name, not {@link Element#is(String)}: that parses its selector on every call, and these
   * run for every text node and each of its ancestors (a quarter of a large document's render).
   */
  private static final Set<String> CODE = Set.of("pre", "code", "kbd", "samp", "style", "title");

  /** Whether the text holds an ASCII digit, what {@code \\d} matches. */
  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static boolean inCode(Node n) {
    return within(n, CODE);
  }

  /** Links (their text is often an address), headings; and by class: glued runs, the title page. */
  private static final Set<String> UNBREAKABLE = Set.of("a", "h1", "h2", "h3", "h4", "h5", "h6");

  private static final List<String> UNBREAKABLE_CLASSES =
      List.of("nobr", "title-page", "missing-char");

  /** By tag name and class, for the reason given at {@link #CODE}. */
  private static boolean inUnbreakable(Node n) {
    for (Node x = n; x != null; x = x.parent()) {
      if (x instanceof Element e && (UNBREAKABLE.contains(e.normalName()) || hasAnyClass(e))) {
        return true;
      }
    }
    return false;
  }

  /** A loop, not a stream: asked for every text node and each of its ancestors. */
  private static boolean hasAnyClass(Element e) {
    for (String c : UNBREAKABLE_CLASSES) {
      if (e.hasClass(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inTable(Node n) {
    return within(n, Set.of("table"));
  }

  private static boolean within(Node n, Set<String> tags) {
    for (Node x = n; x != null; x = x.parent()) {
      if (x instanceof Element e && tags.contains(e.normalName())) {
        return true;
      }
    }
    return false;
  }
}
