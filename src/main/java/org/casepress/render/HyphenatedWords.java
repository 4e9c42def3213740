package org.casepress.render;

import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the typesetter broke a word at a soft hyphen, read from the laid-out boxes before they are
 * painted, so that {@link WholeWordText} can draw each such word to be read whole. The renderer
 * draws the first part and a hyphen at a line's end and the rest at the start of the next line; a
 * reader copying or searching the PDF, or a screen reader, would get "docu-" and "mentation". The
 * first part and its hyphen go under {@code /ActualText} with the whole word, and the rest under an
 * empty {@code /ActualText} (PDF 32000-1, 14.9.4), inside the tagged content they belong to. The
 * drawn hyphen is not made an artifact: PDF/UA-1 does not allow one inside tagged content.
 *
 * <p>A hyphen the author typed ("self-" "hosted") is not the typesetter's and stays: only breaks
 * openhtmltopdf itself made at a soft hyphen are found here.
 *
 * <p>Each piece of text is known by what is drawn and where ({@link Drawn}): the output device is
 * handed the string and its position, not the box it comes from, and computes that position from
 * the box as {@link #drawnAt} does.
 */
final class HyphenatedWords {
  /** A document without breaks at soft hyphens. */
  static final HyphenatedWords NONE = new HyphenatedWords(Map.of());

  /** The string openhtmltopdf hands the text renderer for one piece of a line, and where. */
  record Drawn(String text, float x, float y) {}

  /**
   * What of one drawn string to mark, by char index into it: {@code [0, readAsNothing)} is the end
   * of a word begun on the line before (read as nothing), and {@code [wordFrom, length)} the start
   * of a word the line ends with, hyphen included, read as {@code word}; {@code wordFrom} is -1
   * when the string does not end so.
   */
  record Marks(int readAsNothing, int wordFrom, String word) {}

  private final Map<Drawn, Marks> marks;

  private HyphenatedWords(Map<Drawn, Marks> marks) {
    this.marks = marks;
  }

  /** The marks of the string drawn at (x, y), or null. */
  Marks at(String text, float x, float y) {
    return marks.isEmpty() ? null : marks.get(new Drawn(text, x, y));
  }

  /** The words broken at a soft hyphen under {@code root}, a laid-out document. */
  static HyphenatedWords of(Box root) {
    Map<String, List<InlineText>> byMaster = new IdentityHashMap<>();
    collect(root, byMaster);
    Map<Drawn, Marks> marks = new HashMap<>();
    for (List<InlineText> pieces : byMaster.values()) {
      pieces.sort(Comparator.comparingInt(InlineText::getStart));
      for (int i = 0; i < pieces.size(); i++) {
        InlineText piece = pieces.get(i);
        boolean continues = i > 0 && follows(pieces.get(i - 1), piece);
        boolean breaks = i + 1 < pieces.size() && follows(piece, pieces.get(i + 1));
        Marks m = continues || breaks ? marks(pieces, i, continues, breaks) : null;
        if (m != null && (m.readAsNothing() > 0 || m.wordFrom() >= 0)) {
          marks.put(drawnAt(piece), m);
        }
      }
    }
    return marks.isEmpty() ? NONE : new HyphenatedWords(Map.copyOf(marks));
  }

  /** Whether {@code next} carries on, on the next line, the word {@code piece} broke. */
  private static boolean follows(InlineText piece, InlineText next) {
    return piece.isEndsOnSoftHyphen() && next.getStart() == piece.getEnd();
  }

  private static Marks marks(List<InlineText> pieces, int i, boolean continues, boolean breaks) {
    String text = pieces.get(i).getSubstring();
    String drawn = breaks ? text + '-' : text;
    int head = continues ? headEnd(text) : 0;
    if (continues && breaks && head == text.length()) {
      // the middle of a word over three lines or more: all of it is read with the first part
      return new Marks(drawn.length(), -1, null);
    }
    if (!breaks) {
      return new Marks(head, -1, null);
    }
    int from = text.length();
    while (from > head && inWord(text.charAt(from - 1))) {
      from--;
    }
    StringBuilder word = new StringBuilder(text.substring(from));
    for (int j = i + 1; j < pieces.size() && follows(pieces.get(j - 1), pieces.get(j)); j++) {
      String next = pieces.get(j).getSubstring();
      int end = headEnd(next);
      word.append(next, 0, end);
      if (end < next.length() || !pieces.get(j).isEndsOnSoftHyphen()) {
        break;
      }
    }
    return new Marks(
        head, from, word.toString().replace(String.valueOf(LineBreaks.SOFT_HYPHEN), ""));
  }

  /** Where the letters a piece starts with end. */
  private static int headEnd(String text) {
    int end = 0;
    while (end < text.length() && inWord(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /**
   * Whether a char is part of a word as marked: letters, digits, combining marks and soft hyphens,
   * not the punctuation around them (drawn and read as it is).
   */
  private static boolean inWord(char c) {
    return Character.isLetterOrDigit(c)
        || c == LineBreaks.SOFT_HYPHEN
        || Character.getType(c) == Character.NON_SPACING_MARK
        || Character.getType(c) == Character.COMBINING_SPACING_MARK
        || Character.isSurrogate(c);
  }

  /**
   * Where the output device is told to draw a piece: openhtmltopdf's {@code
   * AbstractOutputDevice.drawText} draws the text of an {@link InlineText} at its box's absolute
   * position plus its own offset, on the box's baseline, and adds a hyphen to it when the line
   * broke at a soft hyphen.
   */
  private static Drawn drawnAt(InlineText piece) {
    InlineLayoutBox box = piece.getParent();
    String text = piece.getSubstring();
    return new Drawn(
        piece.isEndsOnSoftHyphen() ? text + '-' : text,
        box.getAbsX() + piece.getX(),
        box.getAbsY() + box.getBaseline());
  }

  /** The left-to-right text pieces with a soft hyphen, by the text they are cut from, in order. */
  private static void collect(Box box, Map<String, List<InlineText>> byMaster) {
    if (box instanceof InlineLayoutBox inline) {
      for (Object child : inline.getInlineChildren()) {
        if (child instanceof InlineText text) {
          String master = text.getMasterText();
          if (master != null
              && text.getTextDirection() != BidiSplitter.RTL
              && master.indexOf(LineBreaks.SOFT_HYPHEN) >= 0) {
            byMaster.computeIfAbsent(master, m -> new ArrayList<>()).add(text);
          }
        } else if (child instanceof Box inner) {
          collect(inner, byMaster);
        }
      }
      return;
    }
    for (Box child : box.getChildren()) {
      collect(child, byMaster);
    }
  }
}
