package org.casepress.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Gives right-to-left text its logical order in the text layer. The renderer draws an Arabic or
 * Hebrew run in visual order (the letters reversed) and Arabic as contextual presentation forms, so
 * a reader copying or searching the PDF, or a screen reader, would get the forms and, worse, every
 * vowel mark before the letter it belongs to. Each text object holding right-to-left letters is
 * wrapped in a marked-content span whose {@code /ActualText} is the same text in logical order with
 * the base letters (PDF 32000-1, 14.9.4), inside the tagged content it belongs to.
 */
final class ActualText {
  private static final COSName SPAN = COSName.getPDFName("Span");

  /** The start of the Hebrew block: no code point below it reads right to left. */
  static final char FIRST_RIGHT_TO_LEFT = '\u0590';

  private ActualText() {}

  /**
   * The tokens that open a marked-content span read as {@code text} (PDF 32000-1, 14.9.4); an
   * {@code EMC} closes it.
   */
  private static List<Object> openActualText(String text) {
    COSDictionary properties = new COSDictionary();
    properties.setString(COSName.ACTUAL_TEXT, text);
    return List.of(SPAN, properties, Operator.getOperator("BDC"));
  }

  /**
   * The font a page's {@code Tf} names, one object per font dictionary for all pages: each page's
   * resources would otherwise read a font's dictionary and ToUnicode map anew for every text
   * object.
   */
  private static PDFont font(PDResources resources, COSName name, Map<COSBase, PDFont> fonts)
      throws IOException {
    COSDictionary all = resources.getCOSObject().getCOSDictionary(COSName.FONT);
    COSBase key = all == null ? null : all.getDictionaryObject(name);
    if (key == null) {
      return resources.getFont(name);
    }
    PDFont font = fonts.get(key);
    if (font == null) {
      font = resources.getFont(name);
      fonts.put(key, font);
    }
    return font;
  }

  /**
   * Whether the document's text holds a right-to-left letter, so that its PDF needs this pass at
   * all: what {@code needed(html.text())} answers, asked of each text node in place. {@link
   * Element#text()} is made of the text nodes only (attributes, style sheets and comments are not
   * text), with white space collapsed, which cannot add or take away a right-to-left letter (only a
   * surrogate pair split between two text nodes, which no pass makes, would read otherwise). Built
   * as one string it was the size of the document, for one yes or no.
   */
  static boolean needed(Document html) {
    return html.nodeStream(TextNode.class).anyMatch(t -> needed(t.getWholeText()));
  }

  /** Whether the text holds a right-to-left letter. */
  static boolean needed(CharSequence text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      // Most text is Latin: no letter before the Hebrew block reads right to left, and a
      // letter's directionality is a table lookup. A low surrogate alone is not right to left, so
      // looking again at the second half of a pair changes nothing.
      if (text.charAt(i) >= FIRST_RIGHT_TO_LEFT && rightToLeft(Character.codePointAt(text, i))) {
        return true;
      }
    }
    return false;
  }

  static void mark(PDDocument doc, RightToLeft rtl) throws IOException {
    Map<COSBase, PDFont> fonts = new HashMap<>();
    for (PDPage page : doc.getPages()) {
      List<Object> tokens = new PDFStreamParser(page).parse();
      List<Object> marked = mark(tokens, page.getResources(), rtl, fonts);
      if (marked != tokens) {
        PDStream stream = new PDStream(doc);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
          new ContentStreamWriter(out).writeTokens(marked);
        }
        page.setContents(stream);
      }
    }
  }

  /** The tokens with each right-to-left text object spanned, or the same list if there is none. */
  private static List<Object> mark(
      List<Object> tokens, PDResources resources, RightToLeft rtl, Map<COSBase, PDFont> fonts)
      throws IOException {
    List<Object> out = new ArrayList<>(tokens.size() + 64);
    boolean changed = false;
    PDFont font = null;
    int textObject = -1;
    StringBuilder visual = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      Object token = tokens.get(i);
      out.add(token);
      if (!(token instanceof Operator op)) {
        continue;
      }
      switch (op.getName()) {
        case "BT" -> {
          textObject = out.size() - 1;
          visual.setLength(0);
        }
        case "Tf" -> {
          COSName name = i >= 2 && tokens.get(i - 2) instanceof COSName n ? n : null;
          font = name == null || resources == null ? null : font(resources, name, fonts);
        }
        case "Tj", "'", "\"" -> {
          if (tokens.get(i - 1) instanceof COSString s) {
            decode(font, s, visual);
          }
        }
        case "TJ" -> {
          if (tokens.get(i - 1) instanceof COSArray array) {
            for (COSBase item : array) {
              if (item instanceof COSString s) {
                decode(font, s, visual);
              }
            }
          }
        }
        case "ET" -> {
          if (textObject >= 0 && needed(visual)) {
            out.addAll(
                textObject,
                openActualText(rtl.deshapeText(rtl.reorderRTLTextToLTR(visual.toString()))));
            out.add(Operator.getOperator("EMC"));
            changed = true;
          }
          textObject = -1;
        }
        default -> {}
      }
    }
    return changed ? out : tokens;
  }

  /** Appends the Unicode text of a shown string: what the glyphs stand for, in drawing order. */
  private static void decode(PDFont font, COSString shown, StringBuilder into) throws IOException {
    if (font == null) {
      return;
    }
    try (InputStream in = new ByteArrayInputStream(shown.getBytes())) {
      while (in.available() > 0) {
        String unicode = font.toUnicode(font.readCode(in));
        if (unicode != null) {
          into.append(unicode);
        }
      }
    }
  }

  private static boolean rightToLeft(int cp) {
    byte d = Character.getDirectionality(cp);
    return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
  }
}
