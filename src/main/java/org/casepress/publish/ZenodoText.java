package org.casepress.publish;

import java.text.Normalizer;
import org.jsoup.parser.Parser;

/**
 * Plain text as Zenodo stores it (LAUNCH.md section 2: marshmallow-utils runs ftfy's {@code
 * fix_text} on every plain-text field), so that a published record is compared with what was staged
 * after the same rewriting, never byte for byte: a typographic apostrophe in a title is not a
 * difference worth stopping a launch for.
 */
final class ZenodoText {
  private ZenodoText() {}

  /** The text after the rewrites of ftfy's defaults that casepress's text can meet. */
  static String normalised(String text) {
    if (text == null) {
      return null;
    }
    String s = Parser.unescapeEntities(text.strip(), false);
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.append(uncurled(c)));
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  private static String uncurled(int c) {
    return switch (c) {
      case '\u2018', '\u2019', '\u201a', '\u201b' -> "'";
      case '\u201c', '\u201d', '\u201e', '\u201f' -> "\"";
      case '\ufb00' -> "ff";
      case '\ufb01' -> "fi";
      case '\ufb02' -> "fl";
      case '\ufb03' -> "ffi";
      case '\ufb04' -> "ffl";
      case '\ufb06' -> "st";
      default -> Character.isISOControl(c) && c != '\n' && c != '\t' ? "" : Character.toString(c);
    };
  }

  /** Whether Zenodo's copy of a text is what casepress sent, after Zenodo's rewriting. */
  static boolean same(String sent, String stored) {
    return normalised(sent).equals(normalised(stored));
  }
}
