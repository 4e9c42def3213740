package org.casepress.render;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Makes every table regular and fit the text width without clipping a cell. A row with fewer cells
 * than the widest row gets empty cells (PDF/UA-1 wants a regular table, and a reader's table
 * navigation needs one). Then each column's longest unbreakable token (a word, an address, a
 * package name), measured with the bundled fonts, must fit the column: the renderer's table layout
 * gives a column at least its longest token, so while the tokens fit together nothing breaks inside
 * one, links and code included. When they do not fit, the table is set in smaller type; a table of
 * many columns that still does not fit gets a landscape page of its own, and only a table too wide
 * even for that is set with columns shared out equally and words broken inside. In a table of few
 * columns, a token longer than its column can be even in the smallest type is broken visibly: a
 * hyphen is drawn where its line ends.
 */
final class TableFit {
  /** From this many columns the type gets smaller; from {@link #NARROW} smaller again. */
  static final int WIDE = 6;

  static final int NARROW = 9;

  /**
   * Type sizes, in points: every table's (house-style.css), {@code table.wide}'s, {@code
   * .narrow}'s.
   */
  static final float NORMAL_SIZE = 8.5f;

  static final float WIDE_SIZE = 7.5f;

  static final float NARROW_SIZE = 6f;

  /** The text width of a portrait and of a landscape A4 page, in points. */
  static final float PORTRAIT = mm(210 - 2 * Typesetting.MARGIN_SIDE_MM);

  static final float LANDSCAPE = mm(297 - 2 * Typesetting.MARGIN_SIDE_MM);

  /**
   * A cell's padding and rule beside its text, in points: 4 pt each side and a 0.5 pt rule in type
   * of the normal size, 2 pt each side in smaller type.
   */
  private static final float NORMAL_CELL = 8.5f;

  private static final float CELL = 4.5f;

  /** Room left for what the measure cannot see: kerning, bold runs, rounding. */
  private static final float SLACK = 0.94f;

  /**
   * The advance of every glyph of DejaVu Sans Mono, in ems (1233 of 2048 units): code is measured
   * with it, as it is wider than the body face for most letters.
   */
  private static final float MONO_EM = 1233f / 2048;

  /** A run of text without spaces that holds something other than letters and digits. */
  private static final Pattern BREAKABLE_TOKEN =
      Pattern.compile("[^\\s]*[^\\s\\p{L}\\p{N}\\p{M}][^\\s]*");

  /**
   * Code in a cell, set in the monospaced face. Parsed once, as the cells' selector: {@code
   * select(String)} and {@code is(String)} parse theirs again on every call, and these are asked of
   * every cell, several times.
   */
  private static final Evaluator CODE = QueryParser.parse("code, kbd, samp");

  private static final Evaluator TABLE_CELL = QueryParser.parse("td, th");

  /** What {@code String.split("\\s+")} splits at, compiled once instead of at every call. */
  private static final Pattern SPACES = Pattern.compile("\\s+");

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
      float[] longest = longestTokens(table, columns);
      float inset = inset(table);
      if (columns >= WIDE) {
        fitMany(table, longest, columns >= NARROW ? NARROW_SIZE : WIDE_SIZE, inset);
      } else {
        fitFew(table, longest, PORTRAIT - inset);
      }
      if (!table.hasClass("shared-out")) {
        keepTokensWhole(table);
      }
    }
  }

  /**
   * The renderer's line breaker may break after a full stop, a slash or a hyphen, and measures a
   * column's least width between such breaks: an address or a package name would be broken in a
   * column that has room for it. Each token of a cell that has such a character is glued ({@code
   * span.nobr}), so that it sets the column's least width and stays whole; the cells marked to
   * break inside are left to break.
   */
  private static void keepTokensWhole(Element table) {
    for (Element cell : table.select("td:not(.break-inside), th:not(.break-inside)")) {
      for (TextNode t : LineBreaks.texts(cell)) {
        LineBreaks.glue(t, BREAKABLE_TOKEN);
      }
    }
  }

  /**
   * A table of few columns: in its own type if its tokens fit, else in the larger of the smaller
   * sizes at which they do; if none, in the smallest, with the cells whose tokens are longer than
   * their column's share marked to break inside ({@code break-inside}: LineBreaks puts soft hyphens
   * in their long words, and the house style lets them break anywhere as a last resort).
   */
  private void fitFew(Element table, float[] longest, float width) {
    if (fits(longest, NORMAL_SIZE, NORMAL_CELL, width)) {
      return;
    }
    if (fits(longest, WIDE_SIZE, CELL, width)) {
      table.addClass("wide");
      return;
    }
    table.addClass("narrow");
    if (fits(longest, NARROW_SIZE, CELL, width)) {
      return;
    }
    float share = share(longest, NARROW_SIZE, width * SLACK - longest.length * CELL);
    forEachCell(
        table,
        longest.length,
        (cell, column) -> {
          if (longestToken(cell) * NARROW_SIZE > share) {
            cell.addClass("break-inside");
          }
        });
  }

  /**
   * How wide, in points, the columns whose longest token is widest may be, when the others keep
   * their longest token whole and these share what is left equally.
   */
  private static float share(float[] longestEm, float size, float available) {
    float[] needs = longestEm.clone();
    Arrays.sort(needs);
    float left = available;
    for (int i = 0; i < needs.length; i++) {
      float equal = left / (needs.length - i);
      if (needs[i] * size > equal) {
        return equal;
      }
      left -= needs[i] * size;
    }
    return left;
  }

  /** Picks the type size, the page and the layout for a table of many columns. */
  private static void fitMany(Element table, float[] longest, float size, float inset) {
    float portrait = PORTRAIT - inset;
    if (fits(longest, size, CELL, portrait) || fits(longest, NARROW_SIZE, CELL, portrait)) {
      table.addClass(size == WIDE_SIZE && fits(longest, size, CELL, portrait) ? "wide" : "narrow");
      return;
    }
    // A page of its own, turned: the renderer starts a page named "landscape" for it
    // (Typesetting's @page rules) and returns to portrait after it.
    table.wrap("<div class=\"landscape\"></div>");
    float landscape = LANDSCAPE - inset;
    if (fits(longest, WIDE_SIZE, CELL, landscape)) {
      table.addClass("wide");
    } else {
      table.addClass("narrow");
      if (!fits(longest, NARROW_SIZE, CELL, landscape)) {
        table.addClass("shared-out");
      }
    }
  }

  private static boolean fits(float[] longestEm, float size, float cell, float width) {
    float needed = 0;
    for (float em : longestEm) {
      needed += em * size + cell;
    }
    return needed <= width * SLACK;
  }

  /**
   * Each column's longest token, in ems. A cell spanning columns whose longest token is wider than
   * the columns it spans together shares the difference out equally among them: the renderer widens
   * them so.
   */
  private float[] longestTokens(Element table, int columns) {
    float[] longest = new float[columns];
    forEachCell(
        table,
        columns,
        (cell, column) -> longest[column] = Math.max(longest[column], longestToken(cell)));
    forEachCellAndSpan(
        table,
        columns,
        (cell, column, colspan) -> {
          int span = Math.min(colspan, columns - column);
          if (span <= 1) {
            return;
          }
          float together = 0;
          for (int c = column; c < column + span; c++) {
            together += longest[c];
          }
          float more = (longestToken(cell) - together) / span;
          for (int c = column; more > 0 && c < column + span; c++) {
            longest[c] += more;
          }
        });
    return longest;
  }

  /**
   * How much narrower than the text the box a table sits in is, in points: the house style's
   * indents and padding of lists, quotes, definitions and admonitions around it (house-style.css;
   * {@code NestedTablesTest} reads them there).
   */
  private static float inset(Element table) {
    float inset = 0;
    for (Element box : table.parents()) {
      for (Inset i : Inset.values()) {
        if (box.is(i.selector)) {
          inset += i.points;
          break;
        }
      }
    }
    return inset;
  }

  /** The house style's horizontal room taken by a box that may hold a table, both sides. */
  enum Inset {
    /** {@code ul, ol { padding-left: 16pt }}. */
    LIST("ul, ol", 16),
    /** {@code blockquote { padding: 2pt 0 2pt 12pt; border-left: 3pt }}. */
    QUOTE("blockquote", 12 + 3),
    /** {@code dd { margin: 0 0 4pt 18pt }}. */
    DEFINITION("dd", 18),
    /** {@code .admonition, .directive { border-left: 3pt; padding: 4pt 8pt }}. */
    ADMONITION(".admonition, .directive", 3 + 8 + 8);

    final Evaluator selector;
    final float points;

    Inset(String selector, float points) {
      this.selector = QueryParser.parse(selector);
      this.points = points;
    }
  }

  /**
   * The widest run of a cell's text between spaces, in ems; in code, the wider of its width in the
   * monospaced face and in the others, as code may fall back to them.
   */
  private float longestToken(Element cell) {
    float longest = 0;
    for (String token : SPACES.split(cell.text())) {
      longest = Math.max(longest, fonts.emWidth(token));
    }
    for (Element code : cell.select(CODE)) {
      for (String token : SPACES.split(code.text())) {
        longest = Math.max(longest, token.codePointCount(0, token.length()) * MONO_EM);
      }
    }
    return longest;
  }

  /** Calls back with every cell that fills one column, and its column. */
  private static void forEachCell(Element table, int columns, Cell callback) {
    forEachCellAndSpan(
        table,
        columns,
        (cell, column, span) -> {
          if (span == 1) {
            callback.at(cell, column);
          }
        });
  }

  /**
   * Calls back with every cell that starts within the first {@code columns}, its column and span.
   */
  private static void forEachCellAndSpan(Element table, int columns, SpanningCell callback) {
    for (Element row : rows(table)) {
      int column = 0;
      for (Element cell : row.children()) {
        if (!cell.is(TABLE_CELL)) {
          continue;
        }
        int span = span(cell.attr("colspan"));
        if (column < columns) {
          callback.at(cell, column, span);
        }
        column += span;
      }
    }
  }

  private interface Cell {
    void at(Element cell, int column);
  }

  private interface SpanningCell {
    void at(Element cell, int column, int span);
  }

  private static Iterable<Element> rows(Element table) {
    return table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr");
  }

  /** The columns a row fills, counting each cell's colspan. */
  private static int width(Element row) {
    int n = 0;
    for (Element cell : row.children()) {
      if (cell.is(TABLE_CELL)) {
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
