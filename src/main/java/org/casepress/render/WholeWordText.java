package org.casepress.render;

import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.JustificationInfo;
import java.io.IOException;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * openhtmltopdf's text renderer, drawing each word the typesetter broke at a soft hyphen so that it
 * is read whole ({@link HyphenatedWords}). A piece of a line that holds such a word is drawn in
 * parts, each where it would have been drawn as one, and the word's parts inside their
 * marked-content spans: marking them while they are drawn costs nothing, where reading every page
 * back after layout to find them cost a fifth of a render (BENCHMARKS.md).
 *
 * <p>A part starts where the glyphs before it end: their widths, as PDFBox gives them, plus the
 * spacing justification adds after each letter, which is what the output device puts between glyphs
 * of one string. A piece whose letters are not all in its first font (the device would draw it in
 * runs of several fonts) is drawn as one, unmarked.
 */
class WholeWordText extends PdfBoxTextRenderer {
  /** A width no letter has: the font has no glyph for it. */
  static final float MISSING = -1;

  private static final COSName SPAN = COSName.getPDFName("Span");

  private HyphenatedWords words = HyphenatedWords.NONE;

  /** The hyphenated words of the document: known once it is laid out, before it is painted. */
  void words(HyphenatedWords words) {
    this.words = words;
  }

  @Override
  public void drawString(
      OutputDevice device, String string, float x, float y, JustificationInfo info) {
    HyphenatedWords.Marks marks = string == null ? null : words.at(string, x, y);
    PdfBoxFSFont font = marks == null ? null : DeviceFont.withFaces(device);
    try {
      if (font != null
          && drawnInParts((PdfBoxFastOutputDevice) device, font, string, x, y, info, marks)) {
        return;
      }
    } catch (IOException e) {
      // drawn as one, below
    }
    drawPiece(device, string, x, y, info);
  }

  @Override
  public void drawString(OutputDevice device, String string, float x, float y) {
    drawString(device, string, x, y, null);
  }

  /** Draws one piece of text, or one part of it, where it belongs. */
  void drawPiece(OutputDevice device, String string, float x, float y, JustificationInfo info) {
    drawByDevice(device, string, x, y, info);
  }

  /** The output device's own drawing, which measures the text again to choose its fonts. */
  final void drawByDevice(
      OutputDevice device, String string, float x, float y, JustificationInfo info) {
    super.drawString(device, string, x, y, info);
  }

  /**
   * What {@link PDFont#getStringWidth} gives for {@code text} (in glyph space, thousandths of the
   * size), or {@link #MISSING} when the font lacks one of its letters.
   */
  float stringWidth(PDFont font, String text) throws IOException {
    try {
      return font.getStringWidth(text);
    } catch (IllegalArgumentException noGlyph) {
      return MISSING;
    }
  }

  private boolean drawnInParts(
      PdfBoxFastOutputDevice device,
      PdfBoxFSFont font,
      String string,
      float x,
      float y,
      JustificationInfo info,
      HyphenatedWords.Marks marks)
      throws IOException {
    PDFont first = font.getFontDescriptions().get(0).getFont();
    int wordFrom = marks.wordFrom() < 0 ? string.length() : marks.wordFrom();
    int[] cuts = {0, marks.readAsNothing(), wordFrom, string.length()};
    String[] readAs = {"", null, marks.word()};
    float[] starts = new float[3];
    float at = x;
    for (int k = 0; k < 3; k++) {
      starts[k] = at;
      String part = PrintableText.of(string.substring(cuts[k], cuts[k + 1]));
      float width = stringWidth(first, part);
      if (width == MISSING) {
        return false;
      }
      at += width / 1000f * font.getSize2D() + spacing(part, info);
    }
    for (int k = 0; k < 3; k++) {
      if (cuts[k] == cuts[k + 1]) {
        continue;
      }
      if (readAs[k] != null) {
        COSDictionary span = new COSDictionary();
        span.setString(COSName.ACTUAL_TEXT, readAs[k]);
        device.getCurrentPage().beginMarkedContent(SPAN, span);
      }
      drawPiece(device, string.substring(cuts[k], cuts[k + 1]), starts[k], y, info);
      if (readAs[k] != null) {
        device.getCurrentPage().endMarkedContent();
      }
    }
    return true;
  }

  /** The space justification puts after each letter of {@code text}, as the device spaces them. */
  private static float spacing(String text, JustificationInfo info) {
    if (info == null) {
      return 0;
    }
    float spacing = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      spacing +=
          InlineText.isJustifySpaceCodePoint(cp) ? info.getSpaceAdjust() : info.getNonSpaceAdjust();
      i += Character.charCount(cp);
    }
    return spacing;
  }
}
