package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.openhtmltopdf.bidi.SimpleBidiReorderer;
import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import java.lang.reflect.Field;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

class CodePointWidthsTest {
  @Test
  void roundingIsStillOpenhtmltopdfs() throws Exception {
    Field delta = PdfBoxTextRenderer.class.getDeclaredField("TEXT_MEASURING_DELTA");
    delta.setAccessible(true);
    assertEquals(
        delta.getFloat(null),
        CodePointWidths.TEXT_MEASURING_DELTA,
        "openhtmltopdf rounds measured widths differently now: make CodePointWidths do the same");
  }

  private static boolean covers(FontDescription font, int cp) {
    return ((PDType0Font) font.getFont()).getCmapLookup().getGlyphId(cp) != 0;
  }

  /**
   * Words of every kind, summed by letter to the same float as PDFBox's, and measured at several
   * sizes through both text renderers to the same width: letters the first font has (summed by
   * letter), letters only the second has and characters the renderer drops (left to openhtmltopdf),
   * letters beyond the first 12,288 code points, and the characters openhtmltopdf leaves out of
   * what it measures (soft hyphens, the object replacement character) anywhere in a word.
   */
  @Test
  void everyWordMeasuresAsOpenhtmltopdfMeasuresIt() throws Exception {
    List<String> words =
        List.of(
            "",
            "reproducible",
            "Þórsdóttir’s",
            "“quoted”—and…",
            "naïve café ﬁle",
            "soft\u00adhyphen",
            "\u00adleading and trailing\u00ad",
            "\u00ad",
            "object\ufffcreplacement\u00ad",
            "tab\tand control\u0001",
            "zero\u200dwidth\u2060joiners\ufeff",
            "lone\ud800high and low\udc00",
            "zero\u200bwidth",
            "مرحبا",
            "𝐀𝐁𝐂",
            "數據",
            "mixed 數據 text",
            "Aa0 ,.;:!?()[]{}<>@#%&*+-=/\\|~^_'\"",
            "x".repeat(100) + "數");
    // Where neither font has a letter, openhtmltopdf measures its replacement text instead, which
    // it reads from the render's context.
    SharedContext context = new SharedContext();
    context.registerWithThread();
    try (DocumentFonts faces = new DocumentFonts(Fonts.load(), true)) {
      List<FontDescription> fonts =
          List.of(
              new FontDescription(faces.load("DejaVuSerif.ttf"), IdentValue.NORMAL, 400),
              new FontDescription(faces.load("DroidSansFallbackFull.ttf"), IdentValue.NORMAL, 400));
      CodePointWidths ours = new CodePointWidths();
      PdfBoxTextRenderer theirs = new PdfBoxTextRenderer();
      ours.setup(null, new SimpleBidiReorderer());
      theirs.setup(null, new SimpleBidiReorderer());
      for (String word : words) {
        float letters = ours.stringWidth(fonts.get(0).getFont(), word);
        if (word.codePoints().allMatch(cp -> covers(fonts.get(0), cp))) {
          assertEquals(fonts.get(0).getFont().getStringWidth(word), letters, word);
        } else {
          assertEquals(CodePointWidths.MISSING, letters, word);
        }
      }
      for (float size : new float[] {6f, 7.5f, 10f, 13.3f, 44f}) {
        PdfBoxFSFont font = new PdfBoxFSFont(fonts, size);
        for (int twice = 0; twice < 2; twice++) {
          for (String word : words) {
            assertEquals(
                theirs.getWidth(null, font, word),
                ours.getWidth(null, font, word),
                () -> word + " at " + size);
          }
        }
      }
    }
  }
}
