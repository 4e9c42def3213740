package org.casepress.source;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's autolink extension (bare addresses such as https://example.org, www.example.org and
 * someone@example.org become links), asked only about text that can hold one. flexmark runs its
 * post-processor on every text node, and there a regular expression that tries every position took
 * a sixth of loading a workspace (BENCHMARKS.md, "Workspace load and check"). The processor finds
 * nothing in text without a "://" (a scheme: the link scanner starts at a ':' but gives up unless
 * "//" follows, and the processor's expression for a scheme alone wants it too), an '@' (an
 * address) or "www." (the link scanner's other starting points), once backslash escapes and
 * entities are undone: so text with none of those, no '\' and no '&', and no entity or typographic
 * node after it for the processor to join, is left as it is without asking. {@code AutolinksTest}
 * holds the trees and HTML to flexmark's own extension's on the corpus.
 */
final class Autolinks implements Parser.ParserExtension {
  private Autolinks() {}

  static Autolinks create() {
    return new Autolinks();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessorFactory(new Factory());
  }

  /** flexmark's factory (the same node types and order), making the gated processor. */
  private static final class Factory extends AutolinkNodePostProcessor.Factory {
    @Override
    public NodePostProcessor apply(Document document) {
      return new Gated(document);
    }
  }

  private static final class Gated extends AutolinkNodePostProcessor {
    Gated(Document document) {
      super(document);
    }

    @Override
    public void process(NodeTracker state, Node node) {
      if (mayHoldLink(node)) {
        super.process(state, node);
      }
    }
  }

  /** False only where flexmark's processor would find no link (see the class comment). */
  static boolean mayHoldLink(Node node) {
    Node next = node.getNext();
    if (next instanceof TypographicText || next instanceof HtmlEntity) {
      return true;
    }
    BasedSequence text = node.getChars();
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '@' || c == '\\' || c == '&') {
        return true;
      }
      // A scheme: both the scanner and the processor's own expression want "://".
      if (c == ':' && i + 2 < length && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
        return true;
      }
      if (c == 'w'
          && i + 3 < length
          && text.charAt(i + 1) == 'w'
          && text.charAt(i + 2) == 'w'
          && text.charAt(i + 3) == '.') {
        return true;
      }
    }
    return false;
  }
}
