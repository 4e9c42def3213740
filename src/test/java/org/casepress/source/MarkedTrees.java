package org.casepress.source;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Marks a parsed body so that a test can tell, from a PDF's text, which tree a render typeset: a
 * paragraph added to the tree after its check is in the PDF only when the render typeset that very
 * tree, and not a tree parsed again from the body's text.
 */
public final class MarkedTrees {
  private MarkedTrees() {}

  /** Adds a last paragraph holding {@code word} to the tree. */
  public static void mark(ParsedBody body, String word) {
    BasedSequence text = BasedSequence.of(word);
    Paragraph paragraph = new Paragraph(text);
    paragraph.appendChild(new Text(text));
    body.document().appendChild(paragraph);
  }
}
