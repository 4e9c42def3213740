package org.casepress.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans the HTML made from an author's Markdown, raw HTML included, down to the elements a case
 * study needs. Scripts, frames, style sheets, links to style sheets, forms and embedded objects are
 * dropped with their content; so are {@code style} attributes, so no author CSS (and no
 * {@code @import} or {@code url()}) reaches the renderer. Image and link addresses are kept as
 * written: {@link Assets} decides about every image, and links are never followed.
 */
final class AuthorHtml {
  private static final Safelist ALLOWED =
      new Safelist()
          .addTags(
              "a",
              "abbr",
              "b",
              "blockquote",
              "br",
              "caption",
              "center",
              "cite",
              "code",
              "col",
              "colgroup",
              "dd",
              "del",
              "details",
              "dfn",
              "div",
              "dl",
              "dt",
              "em",
              "figcaption",
              "figure",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "hr",
              "i",
              "img",
              "ins",
              "kbd",
              "li",
              "mark",
              "ol",
              "p",
              "pre",
              "q",
              "s",
              "samp",
              "small",
              "span",
              "strike",
              "strong",
              "sub",
              "summary",
              "sup",
              "table",
              "tbody",
              "td",
              "tfoot",
              "th",
              "thead",
              "tr",
              "u",
              "ul",
              "var",
              "section",
              "article",
              "aside",
              "header",
              "footer")
          .addAttributes(":all", "id", "class", "title", "lang", "dir", BodyHtml.LINE)
          .addAttributes("a", "href")
          .addAttributes("img", "src", "alt", "data-width")
          .addAttributes("td", "colspan", "rowspan", "align")
          .addAttributes("th", "colspan", "rowspan", "align")
          .addAttributes("ol", "start", "type")
          .addAttributes("col", "span");

  private AuthorHtml() {}

  /** The body HTML with everything outside the allowed set removed. */
  static Document clean(String bodyHtml) {
    Document dirty = Jsoup.parseBodyFragment(bodyHtml);
    return new Cleaner(ALLOWED).clean(dirty);
  }
}
