package org.casepress.source;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one Markdown dialect of casepress: CommonMark with GitHub tables, footnotes, strikethrough,
 * task lists and autolinks, plus the MyST subset (directives in backtick and colon fences with
 * either option style, {@code (label)=} targets, roles, dollar math; see {@link MystExtension}).
 * {@code check} validates and {@code render} typesets the tree this class parses, so what one
 * accepts is what the other shows.
 */
public final class Markdown {
  /** Frozen options shared by the parser and every renderer. */
  public static final DataHolder OPTIONS =
      new MutableDataSet()
          .set(
              Parser.EXTENSIONS,
              List.of(
                  TablesExtension.create(),
                  FootnoteExtension.create(),
                  StrikethroughExtension.create(),
                  TaskListExtension.create(),
                  AutolinkExtension.create(),
                  MystExtension.create()))
          // GitHub's table rules: one header row, no column spans, ragged rows evened out.
          .set(TablesExtension.COLUMN_SPANS, false)
          .set(TablesExtension.MIN_HEADER_ROWS, 1)
          .set(TablesExtension.MAX_HEADER_ROWS, 1)
          .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
          .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
          .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
          // Image files are named by people, who put spaces in names: ![chart](my chart.png).
          .set(Parser.SPACE_IN_LINK_URLS, true)
          .toImmutable();

  /** Where a (nested) document's line 0 is in the body: directive contents are parsed apart. */
  private static final DataKey<Integer> LINE_OFFSET = new DataKey<>("CASEPRESS_LINE_OFFSET", 0);

  private static final DataKey<Boolean> NESTED = new DataKey<>("CASEPRESS_NESTED", false);

  /**
   * Where each line of a parsed text starts, for {@link #line}: flexmark's own {@code
   * getLineNumber} scans the text from its start on every call, and the renderer asks it for every
   * paragraph, list item and heading.
   */
  private static final DataKey<LineStarts> LINE_STARTS =
      new DataKey<>("CASEPRESS_LINE_STARTS", new LineStarts(new int[] {0}));

  private static final Parser PARSER = Parser.builder(OPTIONS).build();

  private Markdown() {}

  /**
   * Parses a case study body, directive contents included. Thread-safe: the parser is immutable
   * once built.
   */
  public static Document parse(String body) {
    return parse(body, 0);
  }

  /** Parses Markdown whose first line is the 0-based body line {@code lineOffset}. */
  public static Document parse(String markdown, int lineOffset) {
    Document doc = PARSER.parse(markdown);
    doc.set(LINE_OFFSET, lineOffset);
    doc.set(LINE_STARTS, LineStarts.of(markdown));
    for (Node node : doc.getDescendants()) {
      if (node instanceof Directive d && d.holdsMarkdown()) {
        Document body = parse(d.content(), lineOffset + d.contentLine());
        body.set(NESTED, true);
        d.setBody(body);
      }
    }
    return doc;
  }

  /** The 0-based body line of a node, in the body or in a directive's content. */
  public static int line(Node node) {
    Document doc = node.getDocument();
    return doc.get(LINE_OFFSET) + doc.get(LINE_STARTS).lineOf(node.getChars().getStartOffset());
  }

  /**
   * The offsets at which a text's lines start, the first at 0. A line ends at "\n", "\r\n" or a
   * lone "\r", as flexmark counts lines: an offset inside "\r\n" is on the line before it.
   */
  private record LineStarts(int[] starts) {
    static LineStarts of(String text) {
      int[] starts = new int[16];
      int count = 1;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i + 1;
        }
      }
      return new LineStarts(Arrays.copyOf(starts, count));
    }

    /** The 0-based line of an offset: the last line that starts at or before it. */
    int lineOf(int offset) {
      int at = Arrays.binarySearch(starts, offset);
      return at >= 0 ? at : -at - 2;
    }
  }

  /** Whether a node is in a directive's content rather than in the body itself. */
  static boolean isNested(Node node) {
    return node.getDocument().get(NESTED);
  }

  /** The 1-based column of a node's start, within its line. */
  public static int column(Node node) {
    int offset = node.getStartOffset();
    CharSequence text = node.getChars().getBaseSequence();
    int lineStart = offset;
    while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    return offset - lineStart + 1;
  }

  /** Every node of a document in reading order, the contents of its directives included. */
  public static List<Node> nodes(Document doc) {
    List<Node> all = new ArrayList<>();
    collect(doc, all);
    return all;
  }

  private static void collect(Document doc, List<Node> all) {
    for (Node node : doc.getDescendants()) {
      all.add(node);
      if (node instanceof Directive d && d.body() != null) {
        collect(d.body(), all);
      }
    }
  }
}
