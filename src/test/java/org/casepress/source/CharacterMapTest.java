package org.casepress.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading the cmap alone must answer exactly as FontBox's full parse did before it (and as the
 * renderer, which draws with FontBox, sees the font): every code point, every bundled face.
 */
class CharacterMapTest {
  private static byte[] font(String file) throws IOException {
    try (InputStream in =
        CharacterMapTest.class.getResourceAsStream("/org/casepress/render/fonts/" + file)) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DejaVuSerif.ttf",
        "DejaVuSerif-Bold.ttf",
        "DejaVuSerif-Italic.ttf",
        "DejaVuSerif-BoldItalic.ttf",
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSansMono.ttf",
        "DejaVuSansMono-Bold.ttf",
        "NotoSansArabic-Regular.ttf",
        "DroidSansFallbackFull.ttf"
      })
  void coversExactlyTheCodePointsFontBoxFindsAGlyphFor(String file) throws IOException {
    byte[] bytes = font(file);
    CharacterMap ours = CharacterMap.of(bytes);
    int covered = 0;
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
      CmapLookup fontbox = ttf.getUnicodeCmapLookup(false);
      for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
        boolean expected = fontbox.getGlyphId(cp) > 0;
        if (expected != ours.covers(cp)) {
          assertEquals(expected, ours.covers(cp), file + " U+" + Integer.toHexString(cp));
        }
        covered += expected ? 1 : 0;
      }
    }
    assertTrue(covered > 200, file + " covers only " + covered + " code points");
  }

  @org.junit.jupiter.api.Test
  void theBundledCoverageKnowsLatinArabicAndCjkButNotEmoji() {
    Glyphs g = Glyphs.bundled();
    assertTrue(g.covers('é'));
    assertTrue(g.covers(0x0627)); // Arabic alef
    assertTrue(g.covers(0x4E2D)); // CJK "middle"
    assertFalse(g.covers(0x1F914)); // thinking face
    assertTrue(g.missing(0x1F914));
    assertFalse(g.missing(0x200D)); // zero-width joiner: invisible, not missing
  }
}
