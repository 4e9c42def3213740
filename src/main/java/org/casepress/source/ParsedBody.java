package org.casepress.source;

import com.vladsch.flexmark.util.ast.Document;

/**
 * A case study body and its Markdown tree ({@link Markdown#parse}), directive contents included:
 * what check walks, handed on by the load ({@link Loaded#body}) so that the render of the same
 * command typesets that tree instead of parsing the body again. Check only reads the tree, so its
 * render gives the bytes of a render that parses afresh.
 *
 * <p>A render adds to the tree what flexmark and the HTML renderer add as they typeset (heading
 * ids, the spaces kept beside link texts) and gives the same HTML every time; it holds the tree
 * while it reads it, so that two renders of one tree (a final PDF rendered ahead and again in its
 * turn) never overlap.
 */
public final class ParsedBody {
  private final String text;
  private final Document document;

  private ParsedBody(String text, Document document) {
    this.text = text;
    this.document = document;
  }

  /** Parses a body. Thread-safe, as {@link Markdown#parse} is. */
  public static ParsedBody parse(String body) {
    return new ParsedBody(body, Markdown.parse(body));
  }

  /** The Markdown the tree was parsed from. */
  public String text() {
    return text;
  }

  /** The tree; only a render changes it, while it holds it ({@code synchronized} on it). */
  public Document document() {
    return document;
  }

  /**
   * Whether this is the tree of {@code body}. A loaded case study's body is the very String that
   * check parsed, so the comparison of contents is only for a body read again.
   */
  public boolean isOf(String body) {
    return text == body || text.equals(body);
  }
}
