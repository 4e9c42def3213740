package org.casepress.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Where lines may break, decided as a typesetter would, over the finished DOM: spaces at the edge
 * of a link or emphasis move outside it (the renderer drops them inside, gluing "the video" into
 * "thevideo"); a number stays with its unit or "%", a footnote marker with the word before it, a
 * closing bracket or punctuation with the short link or code before it; DOIs and ORCID iDs are kept
 * whole; and a code line too long for the page is broken with a visible continuation mark. Glued
 * runs become {@code span.nobr} ({@code white-space: nowrap} in the house style), so no character
 * is added to the text.
 */
final class LineBreaks {
  /** Characters of DejaVu Sans Mono at the house style's code size that fit in a code block. */
  static final int CODE_COLUMNS = 84;

  /** Marks where a long code line goes on: not part of the code, so drawn in the margin colour. */
  static final String CONTINUED = "\u21aa";

  private static final Pattern NUMBER_UNIT =
      Pattern.compile(
          "\\d[\\d.,]*(?:\\s|\u00a0)(?:%|‰|°[CFK]?|K|km²?|m²|m³|cm|mm|µm|nm|kg|mg|ml|GB|MB|TB|kB"
              + "|GHz|MHz|kHz|Hz|kWh|MWh|GWh|kW|MW|GW|ms|dB)(?![\\p{L}\\d])");
  private static final Pattern IDENTIFIER =
      Pattern.compile(
          "(?:https?://(?:dx\\.)?doi\\.org/)?10\\.\\d{4,9}/[^\\s\"<>]+[^\\s\"<>.,;:)]"
              + "|(?:https?://orcid\\.org/)?\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
  private static final Pattern CLOSING = Pattern.compile("^[)\\]}.,;:!?»”’%]+");

  /** Glue a link or code to the punctuation after it only when it is short enough to move. */
  private static final int SHORT = 32;

  private static final String INLINE = "a, em, strong, b, i, span, code, del, s, mark, q";

  private LineBreaks() {}

  static void apply(Document doc) {
    Element body = doc.body();
    for (Element e : body.select(INLINE)) {
      moveEdgeSpaceOutside(e);
    }
    for (TextNode t : texts(body)) {
      if (!inCode(t)) {
        glue(t, NUMBER_UNIT);
      }
    }
    for (TextNode t : texts(body)) {
      if (!inCode(t) && !inTable(t)) {
        glue(t, IDENTIFIER);
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
  }

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

  /** Every match of {@code pattern} in the text becomes a span that lines do not break inside. */
  private static void glue(TextNode t, Pattern pattern) {
    if (t.parent() != null && t.parent().hasClass("nobr")) {
      return;
    }
    String s = t.getWholeText();
    Matcher m = pattern.matcher(s);
    List<Node> parts = new ArrayList<>();
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        parts.add(new TextNode(s.substring(at, m.start())));
      }
      parts.add(new Element("span").addClass("nobr").text(m.group()));
      at = m.end();
    }
    if (parts.isEmpty()) {
      return;
    }
    if (at < s.length()) {
      parts.add(new TextNode(s.substring(at)));
    }
    for (Node n : parts) {
      t.before(n);
    }
    t.remove();
  }

  /** The marker and the last word before it go on one line. */
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
    Element span = new Element("span").addClass("nobr");
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
    Element span = new Element("span").addClass("nobr");
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

  private static boolean inCode(Node n) {
    return within(n, CODE);
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
