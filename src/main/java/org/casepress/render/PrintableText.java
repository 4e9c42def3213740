package org.casepress.render;

import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.util.OpenUtil;

/**
 * openhtmltopdf's {@link TextRenderer#getEffectivePrintableString}, the text its fonts are given,
 * without its streams: it tests every string through a stream of code points and filters through
 * another (a few objects per word measured, several percent of a render's allocation). Most strings
 * have nothing to drop and are returned as they are; the others lose the same code points here, by
 * the same test, in a plain loop.
 */
final class PrintableText {
  private PrintableText() {}

  /** The same string {@link TextRenderer#getEffectivePrintableString} gives. */
  static String of(String text) {
    if (text == null || allPrintable(text)) {
      return text;
    }
    StringBuilder printable = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (OpenUtil.isSafeFontCodePointToPrint(cp)) {
        printable.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return printable.toString();
  }

  /** Whether openhtmltopdf would pass every code point of {@code text} to the font. */
  static boolean allPrintable(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!OpenUtil.isSafeFontCodePointToPrint(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}
