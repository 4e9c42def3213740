package org.casepress.render;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * flexmark trims the text of a link ({@code the[ video](…)} gives the text "video"), so a space an
 * author typed inside the brackets vanishes and two words run together ("thevideo"). This puts each
 * trimmed space back, outside the link, where it separates the words without being underlined.
 */
final class LinkText {
  private LinkText() {}

  /**
   * Whether a tree has its spaces back already: a tree parsed once is rendered more than once (a
   * final PDF rendered ahead and again in its turn), and a second pass would double each space.
   */
  private static final DataKey<Boolean> KEPT = new DataKey<>("CASEPRESS_EDGE_SPACES_KEPT", false);

  static void keepEdgeSpaces(Document doc) {
    if (doc.get(KEPT)) {
      return;
    }
    doc.set(KEPT, true);
    List<Link> links = new ArrayList<>();
    for (Node n : doc.getDescendants()) {
      if (n instanceof Link link) {
        links.add(link);
      }
    }
    for (Link link : links) {
      BasedSequence open = link.getTextOpeningMarker();
      BasedSequence text = link.getText();
      BasedSequence close = link.getTextClosingMarker();
      if (open.isEmpty() || close.isEmpty() || text.isEmpty()) {
        continue;
      }
      if (text.getStartOffset() > open.getEndOffset()) {
        link.insertBefore(
            new Text(link.baseSubSequence(open.getEndOffset(), text.getStartOffset())));
      }
      if (close.getStartOffset() > text.getEndOffset()) {
        link.insertAfter(
            new Text(link.baseSubSequence(text.getEndOffset(), close.getStartOffset())));
      }
    }
  }
}
