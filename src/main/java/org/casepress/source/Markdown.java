package org.casepress.source;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * The one Markdown dialect of casepress: CommonMark with GitHub tables, footnotes, strikethrough,
 * task lists and autolinks. Checking and rendering share these options so that what {@code check}
 * accepts is what {@code render} typesets. MyST directives arrive as fenced code blocks whose info
 * string starts with '{' (see {@link MystDirective}).
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
                  AutolinkExtension.create()))
          // GitHub's table rules: one header row, no column spans, ragged rows evened out.
          .set(TablesExtension.COLUMN_SPANS, false)
          .set(TablesExtension.MIN_HEADER_ROWS, 1)
          .set(TablesExtension.MAX_HEADER_ROWS, 1)
          .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
          .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
          .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
          .toImmutable();

  private static final Parser PARSER = Parser.builder(OPTIONS).build();

  private Markdown() {}

  /** Parses a case study body. Thread-safe: the parser is immutable once built. */
  public static Document parse(String body) {
    return PARSER.parse(body);
  }
}
