package org.casepress.render;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes every table regular and fit the text width without clipping a cell or splitting a word. A
 * row with fewer cells than the widest row gets empty cells (PDF/UA-1 wants a regular table, and a
 * reader's table navigation needs one). A table of many columns is set in smaller type; its columns
 * are as wide as their longest word, measured with the bundled fonts. When that is wider than the
 * page at the smallest size we accept, the table gets a landscape page of its own; only a table too
 * wide even for that is set with columns shared out equally and words broken inside.
 */
final class TableFit {
  /** From this many columns the type gets smaller; from {@link #NARROW} smaller again. */
  static final int WIDE = 6;

  static final int NARROW = 9;

  /** Type sizes, in points, for {@code table.wide} and {@code table.narrow} (house-style.css). */
  static final float WIDE_SIZE = 7.5f;

  static final float NARROW_SIZE = 6f;

  /** The text width of a portrait and of a landscape A4 page, in points. */
  static final float PORTRAIT = mm(210 - 2 * Typesetting.MARGIN_SIDE_MM);

  static final float LANDSCAPE = mm(297 - 2 * Typesetting.MARGIN_SIDE_MM);

  /** A cell's padding and rule beside its text (2 pt each side, 0.5 pt rule), in points. */
  private static final float CELL = 4.5f;

  /** Room left for what the measure cannot see: kerning, bold runs, rounding. */
  private static final float SLACK = 0.94f;

  private final Fonts fonts;

  TableFit(Fonts fonts) {
    this.fonts = fonts;
  }

  void apply(Document doc) {
    for (Element table : doc.select("table")) {
      int columns = 0;
      for (Element row : rows(table)) {
        columns = Math.max(columns, width(row));
      }
      // Cells spanning rows leave later rows short on purpose; those tables are left as written.
      boolean spansRows = !table.select("[rowspan]:not([rowspan=1])").isEmpty();
      for (Element row : spansRows ? List.<Element>of() : rows(table)) {
        boolean header = row.parent() != null && row.parent().is("thead");
        for (int missing = columns - width(row); missing > 0; missing--) {
          row.appendElement(header ? "th" : "td");
        }
      }
      if (columns >= WIDE) {
        fit(table, longestWords(table, columns), columns >= NARROW ? NARROW_SIZE : WIDE_SIZE);
      }
    }
  }

  /** Picks the type size, the page and the layout for a table of many columns. */
  private static void fit(Element table, float[] longest, float size) {
    if (fits(longest, size, PORTRAIT) || fits(longest, NARROW_SIZE, PORTRAIT)) {
      table.addClass(size == WIDE_SIZE && fits(longest, size, PORTRAIT) ? "wide" : "narrow");
      return;
    }
    // A page of its own, turned: the renderer starts a page named "landscape" for it
    // (Typesetting's @page rules) and returns to portrait after it.
    table.wrap("<div class=\"landscape\"></div>");
    if (fits(longest, WIDE_SIZE, LANDSCAPE)) {
      table.addClass("wide");
    } else {
      table.addClass("narrow");
      if (!fits(longest, NARROW_SIZE, LANDSCAPE)) {
        table.addClass("shared-out");
      }
    }
  }

  private static boolean fits(float[] longestEm, float size, float width) {
    float needed = 0;
    for (float em : longestEm) {
      needed += em * size + CELL;
    }
    return needed <= width * SLACK;
  }

  /** Each column's longest word, in ems; a cell spanning columns is left out of the measure. */
  private float[] longestWords(Element table, int columns) {
    float[] longest = new float[columns];
    for (Element row : rows(table)) {
      int column = 0;
      for (Element cell : row.children()) {
        if (!cell.is("td, th")) {
          continue;
        }
        int span = span(cell.attr("colspan"));
        if (span == 1 && column < columns) {
          for (String word : cell.text().split("\\s+")) {
            longest[column] = Math.max(longest[column], fonts.emWidth(word));
          }
        }
        column += span;
      }
    }
    return longest;
  }

  private static Iterable<Element> rows(Element table) {
    return table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr");
  }

  /** The columns a row fills, counting each cell's colspan. */
  private static int width(Element row) {
    int n = 0;
    for (Element cell : row.children()) {
      if (cell.is("td, th")) {
        n += span(cell.attr("colspan"));
      }
    }
    return n;
  }

  private static int span(String colspan) {
    try {
      return Math.max(1, Integer.parseInt(colspan.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static float mm(float mm) {
    return mm / 25.4f * 72;
  }
}
