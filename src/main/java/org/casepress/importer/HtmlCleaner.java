package org.casepress.importer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns the HTML that word processors write (Google Docs' class and inline styles, span and {@code
 * <b>} wrappers, redirect links, footnotes and comments as anchors; mammoth's output of a Word
 * document) into plain semantic HTML that converts to Markdown without loss: headings, paragraphs,
 * lists, tables with a header row, links, images, emphasis.
 */
final class HtmlCleaner {
  /** Stands in for a footnote reference until the Markdown is written; letters and digits only. */
  static final String FOOTNOTE_MARK = "CASEPRESSFOOTNOTE";

  private static final Pattern CLASS_RULE = Pattern.compile("\\.([A-Za-z0-9_-]+)\\s*\\{([^}]*)}");
  private static final Pattern LIST_LEVEL = Pattern.compile("lst-kix_[A-Za-z0-9]+-(\\d+)");
  private static final Set<String> DROPPED_SILENTLY =
      Set.of("head", "style", "script", "meta", "link", "title", "colgroup", "col");
  private static final Set<String> NOT_IMPORTED =
      Set.of(
          "iframe",
          "object",
          "embed",
          "video",
          "audio",
          "form",
          "input",
          "select",
          "textarea",
          "button",
          "svg",
          "canvas",
          "math");
  private static final Set<String> KEPT =
      Set.of(
          "body",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "p",
          "br",
          "hr",
          "ul",
          "ol",
          "li",
          "table",
          "thead",
          "tbody",
          "tr",
          "th",
          "td",
          "a",
          "img",
          "strong",
          "em",
          "code",
          "pre",
          "blockquote",
          "del",
          "sup",
          "sub");

  /** The body and what was taken out of it. */
  record Cleaned(
      Element body, String title, String subtitle, List<String> footnotes, List<Note> notes) {}

  private final String source;
  private final List<Note> notes = new ArrayList<>();
  private final Map<String, String> classStyles = new HashMap<>();

  HtmlCleaner(String source) {
    this.source = source;
  }

  Cleaned clean(Document document) {
    for (Element style : document.select("style")) {
      Matcher m = CLASS_RULE.matcher(style.data());
      while (m.find()) {
        classStyles.merge(m.group(1), m.group(2), (a, b) -> a + ";" + b);
      }
    }
    Element body = document.body();
    body.select(String.join(",", DROPPED_SILENTLY)).remove();
    dropComments(body);
    List<String> footnotes = footnotes(body);
    String title = take(body, ".title");
    String subtitle = take(body, ".subtitle");
    unwrapRedirects(body);
    nestGoogleLists(body);
    for (Element e : new ArrayList<>(body.getAllElements())) {
      if (e != body && e.parent() != null) {
        clean(e);
      }
    }
    body.select("h1 strong, h2 strong, h3 strong, h4 strong, h5 strong, h6 strong")
        .forEach(Element::unwrap);
    body.select("h1 em, h2 em, h3 em, h4 em, h5 em, h6 em").forEach(Element::unwrap);
    removeEmpty(body);
    body.select("table").forEach(this::headerRow);
    body.select("th strong").forEach(Element::unwrap); // a header cell is bold already
    body.clearAttributes();
    return new Cleaned(body, title, subtitle, footnotes, notes);
  }

  /** Google Docs comments: anchors [a], [b] in the text and their threads at the end. */
  private void dropComments(Element body) {
    for (Element thread : body.select("a[id^=cmnt]:not([id^=cmnt_ref])")) {
      Element container = thread.closest("div");
      if (container == null || container == body) {
        container = thread.parent();
      }
      String label = thread.text();
      thread.remove();
      comment(label, container.text());
      container.remove();
    }
    // mammoth (with comment-reference => sup): <dl><dt id="comment-0">Comment [A1]</dt><dd>...</dd>
    for (Element thread : body.select("dt[id^=comment-]")) {
      Element text = thread.nextElementSibling();
      String label = thread.text().replaceFirst("^Comment\\s*", "");
      comment(label, text == null ? "" : text.text().replace("\u2191", ""));
      if (text != null && text.is("dd")) {
        text.remove();
      }
      Element list = thread.parent();
      thread.remove();
      if (list != null && list.is("dl") && list.children().isEmpty()) {
        list.remove();
      }
    }
    for (Element ref : body.select("a[href^=#cmnt], a[href^=#comment-]")) {
      Element sup = ref.parent() != null && ref.parent().is("sup") ? ref.parent() : ref;
      sup.remove();
    }
  }

  private void comment(String label, String text) {
    notes.add(
        Note.notImported(
            source + ", comment " + label,
            "the comment " + label + " \"" + text.strip() + "\" is not part of the case study."));
  }

  /**
   * Footnotes as mammoth writes them (references to {@code #footnote-N}, notes in an ordered list
   * at the end) and as Google Docs does ({@code #ftntN}, notes in divs at the end). Each reference
   * becomes a mark, each note's HTML is returned in reference order.
   */
  private List<String> footnotes(Element body) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    for (Element ref :
        body.select(
            "a[href^=#footnote-], a[href^=#endnote-], a[href^=#ftnt]:not([href^=#ftnt_ref])")) {
      String target = ref.attr("href").substring(1);
      if (target.startsWith("footnote-ref-") || target.startsWith("endnote-ref-")) {
        continue;
      }
      int n = numbers.computeIfAbsent(target, t -> numbers.size() + 1);
      Element replaced = ref.parent() != null && ref.parent().is("sup") ? ref.parent() : ref;
      replaced.replaceWith(new TextNode(FOOTNOTE_MARK + n + "X"));
    }
    List<String> texts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : numbers.entrySet()) {
      Element note = body.getElementById(e.getKey());
      if (note == null) {
        notes.add(
            Note.notImported(
                source + ", footnote " + e.getValue(),
                "the footnote's text is missing from the draft; write it after '[^"
                    + e.getValue()
                    + "]:' at the end of case-study.md."));
        texts.add("");
        continue;
      }
      if (note.is("a")) { // Google Docs: the anchor [1] starts the note's paragraph
        Element container = note.closest("div");
        if (container == null || container == body) {
          container = note.parent();
        }
        note.remove();
        note = container;
      }
      note.select("a[href^=#footnote-ref-], a[href^=#endnote-ref-], a[href^=#ftnt_ref]").remove();
      Element list = note.parent();
      note.remove();
      if (list != null && list.is("ol") && list.children().isEmpty()) {
        list.remove();
      }
      texts.add(note.html());
    }
    return texts;
  }

  private static String take(Element body, String selector) {
    Element e = body.selectFirst(selector);
    if (e == null || e.text().isBlank()) {
      return null;
    }
    String text = e.text().strip();
    e.remove();
    return text;
  }

  /** Google Docs sends every link through https://www.google.com/url?q=TARGET&sa=...: undo it. */
  private static void unwrapRedirects(Element body) {
    for (Element a : body.select("a[href*=google.com/url?]")) {
      String href = a.attr("href");
      int q = href.indexOf("q=");
      if (q < 0) {
        continue;
      }
      int end = href.indexOf('&', q);
      a.attr(
          "href",
          URLDecoder.decode(
              href.substring(q + 2, end < 0 ? href.length() : end), StandardCharsets.UTF_8));
    }
  }

  /**
   * Google Docs writes a nested list as a flat run of lists with classes lst-kix_ID-LEVEL; put each
   * deeper one inside the last item of the one before, as HTML (and Markdown) nest them.
   */
  private static void nestGoogleLists(Element body) {
    List<Element> open = new ArrayList<>(); // open.get(n) is the list at level n
    for (Element list : new ArrayList<>(body.children())) {
      if (!list.is("ul, ol")) {
        open.clear();
        continue;
      }
      Matcher m = LIST_LEVEL.matcher(list.className());
      int level = m.find() ? Integer.parseInt(m.group(1)) : 0;
      while (open.size() > level + 1) {
        open.remove(open.size() - 1);
      }
      // The same list resumed after a deeper one: Google Docs starts a new <ul>, readers do not.
      if (open.size() == level + 1 && open.get(level).normalName().equals(list.normalName())) {
        open.get(level).appendChildren(list.childNodesCopy());
        list.remove();
        continue;
      }
      while (open.size() > level) {
        open.remove(open.size() - 1);
      }
      if (level > 0 && open.size() == level && !open.get(level - 1).children().isEmpty()) {
        open.get(level - 1).children().last().appendChild(list);
      }
      open.add(list);
    }
  }

  private void clean(Element e) {
    String tag = e.normalName();
    if (NOT_IMPORTED.contains(tag)) {
      String text = e.text().strip();
      notes.add(
          Note.notImported(
              source,
              "a <"
                  + tag
                  + "> element"
                  + (text.isEmpty() ? "" : " with the text \"" + text + "\"")
                  + " has no place in a case study and was left out."));
      e.remove();
      return;
    }
    String style = e.attr("style");
    if (tag.equals("hr") && (style.contains("page-break") || style.contains("display:none"))) {
      e.remove(); // a page break, not a visible rule
      return;
    }
    for (String c : e.classNames()) {
      style += ";" + classStyles.getOrDefault(c, "");
    }
    style = style.toLowerCase(Locale.ROOT).replace(" ", "");
    boolean bold =
        style.contains("font-weight:700")
            || style.contains("font-weight:bold")
            || style.contains("font-weight:800")
            || style.contains("font-weight:900");
    boolean italic = style.contains("font-style:italic");
    boolean plain = style.contains("font-weight:normal") || style.contains("font-weight:400");
    if (tag.equals("b") || tag.equals("i") || tag.equals("u") || tag.equals("span")) {
      // Google Docs wraps a whole paste in <b style="font-weight:normal">: that one is not bold.
      bold |= tag.equals("b") && !plain;
      italic |= tag.equals("i");
      boolean inHeading = e.closest("h1, h2, h3, h4, h5, h6") != null;
      if ((bold || italic) && !inHeading && !e.text().isBlank()) {
        Element inner = e;
        if (bold) {
          e.wrap("<strong></strong>");
        }
        if (italic) {
          e.wrap("<em></em>");
        }
        inner.unwrap();
      } else {
        e.unwrap();
      }
      return;
    }
    if (tag.equals("div") || tag.equals("section") || tag.equals("article") || tag.equals("main")) {
      e.unwrap();
      return;
    }
    if (!KEPT.contains(tag)) {
      e.unwrap();
      return;
    }
    String href = e.attr("href");
    String src = e.attr("src");
    String alt = e.attr("alt");
    String title = e.attr("title");
    String colspan = e.attr("colspan");
    e.clearAttributes();
    if (tag.equals("a") && !href.isEmpty()) {
      e.attr("href", href);
    }
    if (tag.equals("img")) {
      e.attr("src", src).attr("alt", alt);
      if (!title.isBlank()) {
        e.attr("title", title);
      }
    }
    if (!colspan.isEmpty() && !colspan.equals("1")) {
      notes.add(
          Note.changed(
              source,
              "a table cell spanning "
                  + colspan
                  + " columns (\""
                  + e.text().strip()
                  + "\") became one cell: Markdown tables have no merged cells."));
    }
    if (tag.equals("a") && href.isEmpty()) {
      e.unwrap(); // a bookmark target (Google Docs writes one per heading)
    }
  }

  private static void removeEmpty(Element body) {
    for (Element p : body.select("p, h1, h2, h3, h4, h5, h6, li, strong, em")) {
      if (p.text().replace('\u00a0', ' ').isBlank() && p.select("img").isEmpty()) {
        p.remove();
      }
    }
  }

  /**
   * A Markdown table needs one header row; Word and Google Docs tables rarely mark one, and then
   * the first row is the header, as readers see it. Cell paragraphs become line breaks.
   */
  private void headerRow(Element table) {
    for (Element cell : table.select("td, th")) {
      List<Element> paragraphs = new ArrayList<>(cell.select("p"));
      for (int i = 0; i < paragraphs.size(); i++) {
        if (i > 0) {
          paragraphs.get(i).before("<br>");
        }
        paragraphs.get(i).unwrap();
      }
      if (!cell.select("ul, ol, table").isEmpty()) {
        notes.add(
            Note.changed(
                source,
                "a table cell holding a list or a table (\""
                    + cell.text().strip()
                    + "\") became plain text: Markdown table cells hold one line."));
        String text = cell.text();
        cell.empty().appendText(text);
      }
    }
    if (!table.select("th").isEmpty()) {
      return;
    }
    Element first = table.selectFirst("tr");
    if (first == null) {
      return;
    }
    for (Element td : first.select("td")) {
      td.tagName("th");
    }
    Element thead = new Element("thead");
    first.before(thead);
    thead.appendChild(first);
  }

  /** Text nodes only: what a reader of the draft sees, for the check that nothing was lost. */
  static String visibleText(Node node) {
    StringBuilder s = new StringBuilder();
    node.forEachNode(
        n -> {
          if (n instanceof TextNode t) {
            s.append(t.getWholeText()).append(' ');
          } else if (n instanceof Element e && e.is("img")) {
            s.append(e.attr("alt")).append(' ');
          }
        });
    return s.toString();
  }
}
