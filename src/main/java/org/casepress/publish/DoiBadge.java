package org.casepress.publish;

import org.jsoup.nodes.Entities;

/**
 * A self-contained DOI badge as inline SVG, so the announcement shows it offline and for test DOIs
 * (10.5072) that Zenodo's badge service does not know.
 */
final class DoiBadge {
  private DoiBadge() {}

  static String svg(String doi) {
    int right = 7 * doi.length() + 12;
    int width = 36 + right;
    return "<svg class=\"badge\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + width
        + "\" height=\"20\" role=\"img\""
        + " aria-label=\"DOI "
        + Entities.escape(doi)
        + "\">"
        + "<rect width=\"36\" height=\"20\" fill=\"#555\"/>"
        + "<rect x=\"36\" width=\""
        + right
        + "\" height=\"20\" fill=\"#1a6aa8\"/>"
        + "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\">"
        + "<text x=\"7\" y=\"14\">DOI</text><text x=\"42\" y=\"14\">"
        + Entities.escape(doi)
        + "</text></g></svg>";
  }
}
