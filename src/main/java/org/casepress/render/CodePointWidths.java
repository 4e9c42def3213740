package org.casepress.render;

import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.JustificationInfo;
import com.openhtmltopdf.util.OpenUtil;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The renderer's text measuring with each letter's width looked up once per font of the document.
 * openhtmltopdf measures every word it tries to fit on a line with {@link PDFont#getStringWidth},
 * which encodes the word to glyph codes and decodes them again through the font's CMap, letter by
 * letter, each time: half of the layout's time. For our fonts (Type 0, Identity-H: one two-byte
 * code per code point) that width is the sum, from zero and in the order of the letters, of each
 * letter's {@code getStringWidth}; summed here in the same order from the same floats, it is the
 * same float, so the lines break and the glyphs sit exactly where they did.
 *
 * <p>The same widths tell {@link #drawPiece} whether the first font has every letter of a piece of
 * text, which the output device otherwise measures the whole text again to learn.
 *
 * <p>Anything else (a letter the first font lacks, another kind of font, no font at all) is left to
 * openhtmltopdf's own code, unchanged. The widths are this document's: one instance per document,
 * on its thread, never shared.
 *
 * <p>The rounding of {@link #getWidth} repeats openhtmltopdf's, a private constant of {@link
 * PdfBoxTextRenderer}; {@code CodePointWidthsTest} fails if a release changes it.
 */
final class CodePointWidths extends WholeWordText {
  /** PdfBoxTextRenderer.TEXT_MEASURING_DELTA in openhtmltopdf 1.1.65. */
  static final float TEXT_MEASURING_DELTA = 0.01f;

  private final Map<PDFont, Letters> fonts = new IdentityHashMap<>();

  @Override
  public int getWidth(FontContext context, FSFont font, String string) {
    if (string == null || !(font instanceof PdfBoxFSFont pdfBoxFont)) {
      return super.getWidth(context, font, string);
    }
    List<FontDescription> descriptions = pdfBoxFont.getFontDescriptions();
    PDFont first =
        descriptions == null || descriptions.isEmpty() ? null : descriptions.get(0).getFont();
    if (!(first instanceof PDType0Font)) {
      return super.getWidth(context, font, string);
    }
    float width;
    try {
      width = printableWidth(first, string);
    } catch (IOException e) {
      return super.getWidth(context, font, string);
    }
    if (width == MISSING) {
      return super.getWidth(context, font, string);
    }
    float result = width / 1000f * pdfBoxFont.getSize2D();
    return result - Math.floor(result) < TEXT_MEASURING_DELTA
        ? (int) result
        : (int) Math.ceil(result);
  }

  /**
   * Draws text as openhtmltopdf's device does, without its first step: it measures the whole text
   * with the first font only to learn whether that font has every letter, and if so draws it in one
   * run with that font. The letters' widths here answer the same question. Otherwise, or when the
   * device's font cannot be read ({@link DeviceFont}), the device draws it itself.
   */
  @Override
  void drawPiece(OutputDevice device, String string, float x, float y, JustificationInfo info) {
    PdfBoxFSFont font = string == null ? null : DeviceFont.withFaces(device);
    if (font != null) {
      FontDescription first = font.getFontDescriptions().get(0);
      PDFont firstFont = first.getFont();
      String effective = PrintableText.of(string);
      try {
        if (firstFont instanceof PDType0Font && stringWidth(firstFont, effective) != MISSING) {
          ((PdfBoxFastOutputDevice) device)
              .drawStringFast(effective, x, y, info, first, font.getSize2D());
          return;
        }
      } catch (IOException e) {
        // the device's own way, below
      }
    }
    drawByDevice(device, string, x, y, info);
  }

  /**
   * What {@link PDFont#getStringWidth} gives for {@code text} (in glyph space, thousandths of the
   * size), or {@link #MISSING} when the font lacks one of its letters.
   */
  @Override
  float stringWidth(PDFont font, String text) throws IOException {
    return fonts.computeIfAbsent(font, Letters::new).width(text, false);
  }

  /**
   * What {@link #stringWidth} gives for {@link TextRenderer#getEffectivePrintableString}{@code
   * (text)}, without making that string: the same letters summed in the same order. Layout measures
   * many words with soft hyphens in them, which that drops.
   */
  private float printableWidth(PDFont font, String text) throws IOException {
    return fonts.computeIfAbsent(font, Letters::new).width(text, true);
  }

  /** One font's letter widths in glyph space, each asked of PDFBox the first time it is met. */
  private static final class Letters {
    /** The scripts of most documents, directly; NaN until measured. */
    private final float[] common = new float[0x3000];

    private final Map<Integer, Float> rest = new HashMap<>();
    private final PDFont font;

    Letters(PDFont font) {
      this.font = font;
      Arrays.fill(common, Float.NaN);
    }

    /** The sum of the letters' widths, leaving out those openhtmltopdf drops if asked to. */
    float width(String text, boolean printableOnly) throws IOException {
      float width = 0;
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        if (printableOnly && !OpenUtil.isSafeFontCodePointToPrint(cp)) {
          continue;
        }
        float letter = letter(cp);
        if (letter == MISSING) {
          return MISSING;
        }
        width += letter;
      }
      return width;
    }

    private float letter(int cp) throws IOException {
      if (cp < common.length) {
        float known = common[cp];
        if (Float.isNaN(known)) {
          known = measure(cp);
          common[cp] = known;
        }
        return known;
      }
      Float known = rest.get(cp);
      if (known == null) {
        known = measure(cp);
        rest.put(cp, known);
      }
      return known;
    }

    private float measure(int cp) throws IOException {
      try {
        return font.getStringWidth(Character.toString(cp));
      } catch (IllegalArgumentException noGlyph) {
        return MISSING;
      }
    }
  }
}
