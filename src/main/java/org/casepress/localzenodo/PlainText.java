package org.casepress.localzenodo;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * How Zenodo rewrites text on the way in (docs/local-zenodo.md, "Text"): plain-text fields go
 * through ftfy's {@code fix_text} with its default settings after a strip; description and notes
 * also through bleach with invenio's allowed tags and attributes. Mojibake repair (ftfy's {@code
 * fix_encoding}) is not reproduced: it needs ftfy's tables, and casepress never sends mojibake.
 */
final class PlainText {
  private PlainText() {}

  /** ftfy's ligature table: Latin ligatures become their letters. */
  private static final Map<Character, String> LIGATURES =
      Map.ofEntries(
          Map.entry('\u0132', "IJ"),
          Map.entry('\u0133', "ij"),
          Map.entry('\u0149', "\u02bcn"),
          Map.entry('\u01c4', "D\u017d"),
          Map.entry('\u01c5', "D\u017e"),
          Map.entry('\u01c6', "d\u017e"),
          Map.entry('\u01c7', "LJ"),
          Map.entry('\u01c8', "Lj"),
          Map.entry('\u01c9', "lj"),
          Map.entry('\u01ca', "NJ"),
          Map.entry('\u01cb', "Nj"),
          Map.entry('\u01cc', "nj"),
          Map.entry('\u01f1', "DZ"),
          Map.entry('\u01f2', "Dz"),
          Map.entry('\u01f3', "dz"),
          Map.entry('\ufb00', "ff"),
          Map.entry('\ufb01', "fi"),
          Map.entry('\ufb02', "fl"),
          Map.entry('\ufb03', "ffi"),
          Map.entry('\ufb04', "ffl"),
          Map.entry('\ufb05', "\u017ft"),
          Map.entry('\ufb06', "st"));

  private static final Pattern TERMINAL_ESCAPES =
      Pattern.compile("\u001b\\[((?:\\d|;)*)([a-zA-Z])");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** invenio-config's ALLOWED_HTML_TAGS and ALLOWED_HTML_ATTRS, which bleach keeps. */
  private static final Safelist ALLOWED =
      new Safelist()
          .addTags(
              "a",
              "abbr",
              "acronym",
              "b",
              "blockquote",
              "br",
              "code",
              "div",
              "table",
              "tbody",
              "td",
              "th",
              "tr",
              "em",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "i",
              "li",
              "ol",
              "p",
              "pre",
              "span",
              "strike",
              "strong",
              "sub",
              "sup",
              "u",
              "ul")
          .addAttributes(":all", "class")
          .addAttributes("a", "href", "title", "name", "rel")
          .addAttributes("abbr", "title")
          .addAttributes("acronym", "title")
          .addProtocols("a", "href", "http", "https", "mailto");

  /** {@code ftfy.fix_text(value.strip())} with ftfy's defaults, less mojibake repair. */
  static String fix(String value) {
    String s = value.strip();
    // unescape_html="auto": entities are decoded unless the text looks like HTML.
    if (s.indexOf('<') < 0 && s.indexOf('&') >= 0) {
      s = Parser.unescapeEntities(s, false);
    }
    s = TERMINAL_ESCAPES.matcher(s).replaceAll("").replace("\r\n", "\n");
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      append(out, cp);
    }
    return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
  }

  private static void append(StringBuilder out, int cp) {
    if (cp >= 0x80 && cp <= 0x9f) {
      // fix_c1_controls: C1 controls are Windows-1252 bytes decoded as Latin-1.
      String decoded = WINDOWS_1252.decode(ByteBuffer.wrap(new byte[] {(byte) cp})).toString();
      if (!decoded.equals("\ufffd")) {
        // Then fixed like any other character: 0x92 becomes ’, and that an apostrophe.
        append(out, decoded.codePointAt(0));
        return;
      }
    }
    String ligature = cp <= 0xffff ? LIGATURES.get((char) cp) : null;
    if (ligature != null) {
      out.append(ligature);
    } else if (cp >= 0xff01 && cp <= 0xff5e) {
      out.appendCodePoint(cp - 0xfee0); // fix_character_width: fullwidth ASCII
    } else if (cp == 0x3000) {
      out.append(' ');
    } else if (cp == 0x02bc || (cp >= 0x2018 && cp <= 0x201b)) {
      out.append('\''); // uncurl_quotes
    } else if (cp >= 0x201c && cp <= 0x201f) {
      out.append('"');
    } else if (cp == '\r' || cp == 0x2028 || cp == 0x2029) {
      out.append('\n'); // fix_line_breaks
    } else if (!control(cp)) {
      out.appendCodePoint(cp);
    }
  }

  /**
   * ftfy's remove_control_chars: what is never meant to be shown. Tab, newline and form feed stay.
   */
  private static boolean control(int cp) {
    return (cp <= 0x08)
        || cp == 0x0b
        || (cp >= 0x0e && cp <= 0x1f)
        || cp == 0x7f
        || (cp >= 0x206a && cp <= 0x206f)
        || cp == 0xfeff
        || (cp >= 0xfff9 && cp <= 0xfffc)
        || (cp >= 0x1d173 && cp <= 0x1d17a)
        || (cp >= 0xe0000 && cp <= 0xe007f);
  }

  /** SanitizedHTML: the text fix, then only the allowed tags and attributes are kept. */
  static String html(String value) {
    String fixed = fix(value);
    Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(fixed, "", ALLOWED, settings).strip();
  }
}
