package org.casepress.render;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes every table regular and fit the text width. A row with fewer cells than the widest row gets
 * empty cells (PDF/UA-1 wants a regular table, and a reader's table navigation needs one); a table
 * of many columns is set in smaller type with a fixed layout, where every cell wraps, even inside a
 * long word, rather than running past the margin.
 */
final class TableFit {
  /** From this many columns the type gets smaller; from {@link #NARROW} smaller again. */
  static final int WIDE = 6;

  static final int NARROW = 9;

  private TableFit() {}

  static void apply(Document doc) {
    for (Element table : doc.select("table")) {
      int columns = 0;
      for (Element row : rows(table)) {
        columns = Math.max(columns, width(row));
      }
      // Cells spanning rows leave later rows short on purpose; those tables are left as written.
      boolean spansRows = !table.select("[rowspan]:not([rowspan=1])").isEmpty();
      for (Element row : spansRows ? java.util.List.<Element>of() : rows(table)) {
        boolean header = row.parent() != null && row.parent().is("thead");
        for (int missing = columns - width(row); missing > 0; missing--) {
          row.appendElement(header ? "th" : "td");
        }
      }
      if (columns >= NARROW) {
        table.addClass("narrow");
      } else if (columns >= WIDE) {
        table.addClass("wide");
      }
    }
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
}
