package org.casepress.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.casepress.model.CaseStudy;
import org.casepress.model.Community;
import org.casepress.model.Metadata;
import org.casepress.model.Organisation;
import org.casepress.model.Person;
import org.casepress.source.Glyphs;
import org.casepress.source.ParsedBody;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Builds the complete HTML of a case study PDF: title page (title, authors with ORCID marks,
 * affiliations, partner organisation, version, date, state, DOI, licence, abstract), a table of
 * contents for long studies, the body, and "Cite this publication"; plus the page boxes with the
 * series footer and page numbers, and the outline. Everything in it comes from metadata and the
 * author's Markdown; the checks that need the whole document (images, links, characters the fonts
 * lack) run here, recording what they find.
 */
final class Typesetting {
  /** Long studies get a table of contents: five or more sections. */
  static final int TOC_MIN_SECTIONS = 5;

  /** The headings and figure numbers casepress writes, in English whatever the language. */
  private static final String ENGLISH_HEADINGS =
      "#abstract, #contents, #notes, #references, #cite-this-publication, .figure-number";

  /**
   * The page's margins, in millimetres. The sides make a line of body text (10 pt DejaVu Serif)
   * about 78 characters long, the longest that reads well; top and bottom hold the running head and
   * the footer.
   */
  static final int MARGIN_TOP_MM = 16;

  static final int MARGIN_SIDE_MM = 32;
  static final int MARGIN_BOTTOM_MM = 18;

  static final String HOUSE_STYLE = readResource("house-style.css");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final CaseStudy cs;

  /** The body's tree as check parsed it, when the caller has it; else the body is parsed here. */
  private final Optional<ParsedBody> checkedBody;

  private final Metadata metadata;
  private final Publication pub;
  private final Findings findings;
  private final Assets assets;
  private final Fonts fonts;

  /**
   * The labels, the byline's "and", the facts, the citation and the page furniture are English. In
   * a document in another language they carry {@code lang="en"} (which becomes the structure
   * element's Lang, so a screen reader switches voice), and in a right-to-left document their own
   * left-to-right direction, with each name, title and keyword inside them isolated ({@code <bdi>})
   * so that the order of the English around them holds.
   */
  private final boolean english;

  private final boolean rightToLeft;

  Typesetting(
      CaseStudy cs,
      Optional<ParsedBody> checkedBody,
      Metadata metadata,
      Publication pub,
      Findings findings,
      Assets assets,
      Fonts fonts) {
    this.cs = cs;
    this.checkedBody = checkedBody;
    this.metadata = metadata;
    this.pub = pub;
    this.findings = findings;
    this.assets = assets;
    this.fonts = fonts;
    this.english = cs.language().equals("en");
    this.rightToLeft = RightToLeft.language(cs.language());
  }

  Document build() {
    Hyphenation.prefetch(cs.language()); // read while the Markdown is turned into HTML
    Document doc = Jsoup.parse(skeleton());
    doc.outputSettings()
        .prettyPrint(false)
        .charset(StandardCharsets.UTF_8)
        .escapeMode(Entities.EscapeMode.xhtml);
    Element main = doc.selectFirst("main");
    ParsedBody body = checkedBody.orElseGet(() -> ParsedBody.parse(cs.body()));
    for (Node n :
        List.copyOf(
            AuthorHtml.clean(BodyHtml.render(body, cs.folder(), findings)).body().childNodes())) {
      main.appendChild(n);
    }
    Element abstractBox = doc.selectFirst(".abstract");
    if (abstractBox != null) {
      String description = BodyHtml.renderFragment(cs.description(), findings, -1);
      for (Node n : List.copyOf(AuthorHtml.clean(description).body().childNodes())) {
        abstractBox.appendChild(n);
      }
    }
    footnotes(doc);
    images(doc);
    links(doc);
    headings(doc);
    characters(doc);
    if (!english) {
      doc.select(ENGLISH_HEADINGS).attr("lang", "en");
    }
    new TableFit(fonts).apply(doc);
    // Body text is justified (house style, main.hyphenated) only where it can be hyphenated:
    // without it, justified lines go loose (docs/render.md#hyphenation-and-justification).
    Hyphenation hyphenation = Hyphenation.of(cs.language()).orElse(null);
    if (hyphenation != null) {
      main.addClass("hyphenated");
    }
    LineBreaks.apply(doc, hyphenation);
    for (Element e : doc.select("[" + BodyHtml.LINE + "], [data-width]")) {
      e.removeAttr(BodyHtml.LINE).removeAttr("data-width");
    }
    return doc;
  }

  private String skeleton() {
    Community community = metadata.community();
    String series = community == null || community.series() == null ? "" : community.series();
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html><html lang=\"")
        .append(esc(cs.language()))
        .append("\"><head><meta charset=\"utf-8\"/>");
    // The title alone, as in the deposit, CITATION.cff and BibTeX; the subtitle is printed below
    // it.
    h.append("<title>").append(esc(cs.title())).append("</title>");
    h.append(
        meta(
            "author",
            cs.authors().stream().map(Person::fullName).collect(Collectors.joining(", "))));
    h.append(meta("subject", plain(cs.description())));
    h.append(meta("keywords", String.join(", ", keywords())));
    h.append("<style>")
        .append(HOUSE_STYLE)
        .append(pageBoxes(series))
        .append("</style></head><body")
        // On the body, not the root: the page's margin boxes take the root's direction, and their
        // English would otherwise read "2 of 5Page".
        .append(rightToLeft ? " dir=\"rtl\"" : "")
        .append('>');

    h.append("<div class=\"title-page\">");
    if (!series.isBlank()) {
      h.append("<p class=\"series\"")
          .append(inEnglish())
          .append('>')
          .append(esc(series))
          .append("</p>");
    }
    h.append("<h1>").append(esc(cs.title())).append("</h1>");
    if (cs.subtitle() != null && !cs.subtitle().isBlank()) {
      h.append("<p class=\"subtitle\">").append(esc(cs.subtitle())).append("</p>");
    }
    authors(h);
    h.append("<div class=\"facts\"").append(inEnglish()).append('>');
    if (cs.organisation() != null) {
      h.append("<p><strong>Partner organisation:</strong> ")
          .append(isolated(cs.organisation().name()))
          .append("</p>");
    }
    h.append("<p><strong>Version ")
        .append(pub.version())
        .append("</strong>, ")
        .append(esc(DATE.format(pub.date())))
        .append(" <span class=\"state\">(")
        .append(esc(pub.state()))
        .append(")</span></p>");
    h.append("<p><strong>DOI:</strong> ").append(doiHtml()).append("</p>");
    h.append("<p><strong>Licence:</strong> ")
        .append(esc(Citation.licenceName(cs.licence())))
        .append("</p>");
    if (!cs.funding().isEmpty()) {
      h.append("<p><strong>Funding:</strong> ")
          .append(isolated(org.casepress.model.Citation.funding(cs.funding())))
          .append("</p>");
    }
    if (!keywords().isEmpty()) {
      h.append("<p><strong>Keywords:</strong> ")
          .append(keywords().stream().map(this::isolated).collect(Collectors.joining(", ")))
          .append("</p>");
    }
    h.append("</div>");
    if (cs.description() != null && !cs.description().isBlank()) {
      h.append("<div class=\"abstract\"><h2 id=\"abstract\">Abstract</h2></div>");
    }
    h.append("</div>");

    h.append("<main class=\"content\"></main>");

    h.append("<div class=\"cite\"><h2 id=\"cite-this-publication\">Cite this publication</h2><p")
        .append(inEnglish())
        .append('>')
        .append(citation(community))
        .append("</p><p")
        .append(inEnglish())
        .append('>');
    if (!series.isBlank()) {
      h.append("Published in ").append(esc(series)).append(". ");
    }
    h.append("This publication is shared under the ")
        .append(esc(Citation.licenceName(cs.licence())))
        .append(" licence.");
    if (pub.conceptDoi() != null) {
      h.append(" All versions: <a href=\"")
          .append(esc(Citation.doiUrl(pub.conceptDoi())))
          .append("\">")
          .append(esc(Citation.doiUrl(pub.conceptDoi())))
          .append("</a>.");
    }
    h.append("</p></div>");
    h.append("</body></html>");
    return h.toString();
  }

  private void authors(StringBuilder h) {
    Map<Organisation, Integer> numbers = new LinkedHashMap<>();
    for (Person p : cs.authors()) {
      for (Organisation o : p.affiliations()) {
        numbers.putIfAbsent(o, numbers.size() + 1);
      }
    }
    h.append("<p class=\"authors\"").append(inEnglish()).append('>');
    for (int i = 0; i < cs.authors().size(); i++) {
      Person p = cs.authors().get(i);
      h.append(i == 0 ? "" : i == cs.authors().size() - 1 ? " and " : ", ");
      h.append(isolated(p.fullName()));
      if (!p.affiliations().isEmpty()) {
        h.append("<sup>")
            .append(
                p.affiliations().stream()
                    .map(o -> String.valueOf(numbers.get(o)))
                    .collect(Collectors.joining(",")))
            .append("</sup>");
      }
      if (p.orcid() != null) {
        h.append(" <a class=\"orcid\" href=\"")
            .append(esc(p.orcidUrl()))
            .append("\" title=\"ORCID iD of ")
            .append(esc(p.fullName()))
            .append(": ")
            .append(esc(p.orcid()))
            .append("\">iD</a>");
      }
    }
    h.append("</p>");
    if (!numbers.isEmpty()) {
      h.append("<p class=\"affiliations\"").append(inEnglish()).append('>');
      int i = 0;
      for (Map.Entry<Organisation, Integer> e : numbers.entrySet()) {
        h.append(i++ == 0 ? "" : "<br/>")
            .append("<sup>")
            .append(e.getValue())
            .append("</sup> ")
            .append(isolated(e.getKey().name()));
      }
      h.append("</p>");
    }
    List<Person> withOrcid = cs.authors().stream().filter(p -> p.orcid() != null).toList();
    if (!withOrcid.isEmpty()) {
      h.append("<p class=\"affiliations\"").append(inEnglish()).append(">ORCID: ");
      for (int i = 0; i < withOrcid.size(); i++) {
        Person p = withOrcid.get(i);
        h.append(i == 0 ? "" : "; ")
            .append(isolated(p.fullName()))
            .append(" <a href=\"")
            .append(esc(p.orcidUrl()))
            .append("\">")
            .append(esc(p.orcidUrl()))
            .append("</a>");
      }
      h.append("</p>");
    }
  }

  /** The attributes of a block of English boilerplate; none in an English document. */
  private String inEnglish() {
    return english ? "" : rightToLeft ? " lang=\"en\" dir=\"ltr\"" : " lang=\"en\"";
  }

  /**
   * A name, title or keyword inside English boilerplate: in a document in another language it is
   * isolated, so that its own direction cannot reorder the text around it, and it carries the
   * document's language when it has letters of another script than the Latin one.
   */
  private String isolated(String value) {
    if (english) {
      return esc(value);
    }
    boolean latin =
        value
            .codePoints()
            .allMatch(
                cp ->
                    !Character.isLetter(cp)
                        || Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
    // The language on an inner span: the renderer makes no structure element for an inline box
    // that holds one run of text straight on the line, so a lang attribute there would be lost.
    return latin
        ? "<bdi>" + esc(value) + "</bdi>"
        : "<bdi><span lang=\"" + esc(cs.language()) + "\">" + esc(value) + "</span></bdi>";
  }

  /** "Cite this publication": each author and the title isolated, in order. */
  private String citation(Community community) {
    org.casepress.model.Citation citation = Citation.of(cs, community, pub);
    String text = citation.text();
    String byline = String.join(", ", citation.names());
    String title = org.casepress.model.Citation.fullTitle(cs.title(), cs.subtitle());
    int at = text.indexOf(title, byline.length());
    if (english || !text.startsWith(byline) || at < 0) {
      return esc(text);
    }
    return citation.names().stream().map(this::isolated).collect(Collectors.joining(", "))
        + esc(text.substring(byline.length(), at))
        + isolated(title)
        + esc(text.substring(at + title.length()));
  }

  private String doiHtml() {
    if (pub.doi() == null) {
      return esc(Citation.DOI_PENDING);
    }
    String url = Citation.doiUrl(pub.doi());
    return "<a href=\"" + esc(url) + "\">" + esc(url) + "</a>";
  }

  private List<String> keywords() {
    return Citation.keywords(cs, metadata.community());
  }

  /**
   * The @page rules: footer with series, licence and DOI; page numbers; running title. A
   * right-to-left document mirrors them (running title and page numbers on the left). Margin boxes
   * are laid out left to right without the bidi algorithm, so a right-to-left title is given to
   * them already in visual order.
   */
  private String pageBoxes(String series) {
    StringBuilder footer = new StringBuilder();
    if (!series.isBlank()) {
      footer.append(series).append(' ').append(pub.date().getYear()).append(". ");
    }
    footer.append("Shared under ").append(Citation.licenceName(cs.licence())).append(". ");
    footer.append(pub.doi() == null ? Citation.DOI_PENDING + "." : "DOI: " + pub.doi());
    String small =
        "font-family: \"DejaVu Sans\", \"Droid Sans Fallback\"; font-size: 7pt; color: #555555;";
    String title = shorten(cs.title(), 90);
    String start = rightToLeft ? "right" : "left";
    String end = rightToLeft ? "left" : "right";
    return "\n@page { size: A4; margin: "
        + MARGIN_TOP_MM
        + "mm "
        + MARGIN_SIDE_MM
        + "mm "
        + MARGIN_BOTTOM_MM
        + "mm "
        + MARGIN_SIDE_MM
        + "mm;"
        + " @top-"
        + end
        + " { content: \""
        + css(rightToLeft ? new RightToLeft().visualLine(title, true) : title)
        + "\"; "
        + small
        + " vertical-align: bottom; }"
        + " @bottom-"
        + start
        + " { content: \""
        + css(footer.toString())
        + "\"; "
        + small
        + " width: 80%; vertical-align: top; }"
        + " @bottom-"
        + end
        + " { content: \"Page \" counter(page) \" of \" counter(pages); "
        + small
        + " vertical-align: top; }"
        + " }\n@page landscape { size: A4 landscape; }\n"
        // The text width of a landscape page: the block is laid out in the portrait page's
        // column, which it overflows to the right by exactly the turned page's extra width.
        + ".landscape { page: landscape; width: "
        + (297 - 2 * MARGIN_SIDE_MM)
        + "mm; }\n@page :first { @top-"
        + end
        + " { content: none; } }\n";
  }

  /** flexmark puts the back link after the note's paragraph; inside it, it does not sit alone. */
  private void footnotes(Document doc) {
    Element notes = doc.selectFirst("main div.footnotes");
    if (notes == null) {
      return;
    }
    notes.prependElement("h2").attr("id", "notes").text("Notes");
    for (Element back : notes.select("a.footnote-backref")) {
      back.attr("title", "Back to the text");
      Element li = back.closest("li");
      Element lastP = li == null ? null : li.select("> p").last();
      if (lastP != null && back.parent() != lastP) {
        lastP.appendText(" ");
        lastP.appendChild(back);
      }
    }
  }

  private void images(Document doc) {
    for (Element img : doc.select("img")) {
      int line = lineOf(img);
      String src = img.attr("src");
      Assets.Decision decision = assets.image(src);
      if (!decision.allowed()) {
        String message =
            "The image '" + src + "' cannot be put in the PDF: " + decision.refusal() + ".";
        if (decision.broken()) {
          findings.error(line, message);
        } else {
          findings.missing(line, "", message);
        }
        Element box = new Element("span").addClass("missing");
        box.text(
            "Missing image: "
                + src
                + " ("
                + decision.refusal()
                + ")"
                + (img.attr("alt").isBlank() ? "" : ". It shows: " + img.attr("alt")));
        img.replaceWith(box);
        continue;
      }
      img.attr("src", decision.uri().toString());
      if (img.attr("alt").isBlank()) {
        findings.missing(
            line,
            "",
            "The image '"
                + src
                + "' has no alt text; describe what it shows for readers who cannot see it.");
        img.attr("alt", "Image " + src + " (no description given)");
      }
      String width = img.attr("data-width");
      if (!width.isEmpty()) {
        img.attr("style", "width: " + width + ";");
      }
    }
  }

  private void links(Document doc) {
    Set<String> ids = new HashSet<>();
    doc.select("[id]").forEach(e -> ids.add(e.id()));
    for (Element a : doc.select("a")) {
      String href = a.attr("href").strip();
      String lower = href.toLowerCase(Locale.ROOT);
      boolean keep =
          href.startsWith("#")
              ? ids.contains(href.substring(1))
              : lower.startsWith("http://")
                  || lower.startsWith("https://")
                  || lower.startsWith("mailto:");
      if (!keep) {
        if (!href.isEmpty() && !href.startsWith("#")) {
          findings.warnOnce(
              "relative-link",
              lineOf(a),
              "The link '"
                  + href
                  + "' points to another file, which a PDF cannot open; its text is kept without the"
                  + " link (reported once per case study). Link to a web address instead.");
        }
        a.unwrap();
        continue;
      }
      if (a.attr("title").isBlank()) {
        String text = a.text().strip();
        a.attr(
            "title",
            text.isEmpty() || href.startsWith("#")
                ? (text.isEmpty() ? href : text)
                : text + " (" + href + ")");
      }
    }
  }

  /** Unique ids on headings; the outline (bookmarks) and, for long studies, a table of contents. */
  private void headings(Document doc) {
    Set<String> used = new HashSet<>();
    doc.select("[id]")
        .forEach(
            e -> {
              if (!e.is("h2, h3")) {
                used.add(e.id());
              }
            });
    List<Element> sections = new ArrayList<>();
    int n = 0;
    for (Element h : doc.select("main h2, main h3, main h4, main h5, main h6, div.cite > h2")) {
      String id = h.id();
      if (id.isEmpty() || used.contains(id)) {
        id = "section-" + (++n);
        h.id(id);
      }
      used.add(id);
      sections.add(h);
    }
    // One bookmark per heading, at every level used, nested under the nearest higher heading.
    Element bookmarks = doc.head().appendElement("bookmarks");
    Element[] open = new Element[7];
    for (Element h : sections) {
      int level = h.tagName().charAt(1) - '0';
      Element b = new Element("bookmark").attr("name", h.text()).attr("href", "#" + h.id());
      Element parent = bookmarks;
      for (int l = level - 1; l >= 2; l--) {
        if (open[l] != null) {
          parent = open[l];
          break;
        }
      }
      parent.appendChild(b);
      open[level] = b;
      for (int l = level + 1; l < open.length; l++) {
        open[l] = null;
      }
    }
    sections.removeIf(h -> !h.is("h2, h3"));
    long h2 = sections.stream().filter(e -> e.is("h2")).count();
    if (h2 >= TOC_MIN_SECTIONS) {
      Element toc =
          doc.selectFirst("main").before("<div class=\"toc\"></div>").previousElementSibling();
      toc.appendElement("h2").id("contents").text("Contents");
      Element list = toc.appendElement("ol");
      Element sub = null;
      for (Element h : sections) {
        Element li = new Element("li");
        li.appendElement("a").attr("href", "#" + h.id()).attr("title", h.text()).text(h.text());
        if (h.is("h3") && list.children().size() > 0) {
          if (sub == null) {
            sub = list.children().last().appendElement("ol");
          }
          sub.appendChild(li);
        } else {
          list.appendChild(li);
          sub = null;
        }
      }
    }
  }

  /**
   * Characters no bundled font has would print as '#'. Find them in the sources (for their lines),
   * then show each in the PDF as its code, visibly, instead of a wrong glyph.
   */
  private void characters(Document doc) {
    Map<Integer, Set<Integer>> byLine = new LinkedHashMap<>();
    String[] lines = cs.body().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (hasMissing(lines[i], false)) {
        byLine.put(i, uncovered(lines[i]));
      }
    }
    Set<Integer> inFrontMatter =
        uncovered(
            cs.title()
                + " "
                + nullToEmpty(cs.subtitle())
                + " "
                + nullToEmpty(cs.description())
                + " "
                + cs.authors().stream().map(Person::fullName).collect(Collectors.joining(" ")));
    if (!inFrontMatter.isEmpty()) {
      byLine.put(-1, inFrontMatter);
    }
    for (Map.Entry<Integer, Set<Integer>> e : byLine.entrySet()) {
      findings.missing(
          e.getKey(),
          "",
          "No font in the PDF can show "
              + e.getValue().stream().map(Glyphs::describe).collect(Collectors.joining(", "))
              + ". Replace "
              + (e.getValue().size() == 1 ? "it" : "them")
              + " with text (the PDF shows the character codes instead).");
    }
    for (TextNode t : LineBreaks.texts(doc.body())) {
      String s = t.getWholeText();
      if (!hasMissing(s, true)) {
        continue;
      }
      List<Node> parts = new ArrayList<>();
      StringBuilder run = new StringBuilder();
      s.codePoints()
          .forEach(
              cp -> {
                if (isInvisible(cp)) {
                  return;
                }
                if (fonts.covers(cp) || Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                  run.appendCodePoint(cp);
                  return;
                }
                if (run.length() > 0) {
                  parts.add(new TextNode(run.toString()));
                  run.setLength(0);
                }
                parts.add(
                    new Element("span")
                        .addClass("missing-char")
                        .text(String.format(Locale.ROOT, "[U+%04X]", cp)));
              });
      if (run.length() > 0) {
        parts.add(new TextNode(run.toString()));
      }
      for (Node p : parts) {
        t.before(p);
      }
      t.remove();
    }
  }

  private Set<Integer> uncovered(String s) {
    Set<Integer> missing = new LinkedHashSet<>();
    s.codePoints()
        .forEach(
            cp -> {
              if (!fonts.covers(cp)
                  && !Character.isWhitespace(cp)
                  && !Character.isISOControl(cp)
                  && !isInvisible(cp)) {
                missing.add(cp);
              }
            });
    return missing;
  }

  /**
   * Whether {@link #uncovered} finds a character in {@code s}, or, with {@code orInvisible}, the
   * text holds an invisible one: asked of every line of the body and every text node, most of which
   * have neither, so with neither a set, a stream nor a lambda per character.
   */
  private boolean hasMissing(String s, boolean orInvisible) {
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c >= ' ' && c <= '~') { // printable ASCII: in the body font, and none of it invisible
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean invisible = isInvisible(cp);
      if (invisible
          ? orInvisible
          : !fonts.covers(cp) && !Character.isWhitespace(cp) && !Character.isISOControl(cp)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInvisible(int cp) {
    return Glyphs.isInvisible(cp);
  }

  private static int lineOf(Element e) {
    for (Element x = e; x != null; x = x.parent()) {
      String line = x.attr(BodyHtml.LINE);
      if (!line.isEmpty()) {
        try {
          return Integer.parseInt(line);
        } catch (NumberFormatException ignored) {
          return -1;
        }
      }
    }
    return -1;
  }

  private static String meta(String name, String content) {
    return "<meta name=\"" + name + "\" content=\"" + esc(content) + "\"/>";
  }

  /** The description as one line of plain text, for the document's subject. */
  private static String plain(String markdown) {
    if (markdown == null) {
      return "";
    }
    return Jsoup.parse(BodyHtml.renderFragment(markdown, new Findings("", 0, RenderMode.DRAFT), 0))
        .text()
        .strip();
  }

  /** Shortened at the last whole word that fits, with an ellipsis. */
  static String shorten(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max - 1);
    String head = s.substring(0, cut > max / 2 ? cut : max - 1).strip();
    return head.replaceAll("[\\p{Punct}\\s]+$", "") + "\u2026";
  }

  static String esc(String s) {
    return s == null ? "" : Entities.escape(s);
  }

  private static String css(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("<", "\\3C ");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String readResource(String name) {
    try (InputStream in = Typesetting.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
