package org.casepress.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Which characters the PDF can show: those with a glyph in one of the fonts bundled with the
 * renderer (resources under org/casepress/render/fonts). {@code check} uses it to report a
 * character before a render prints it as '#' or fails; the renderer uses the same answer. The
 * fonts' cmaps are read when first needed, in fallback order, so Latin text never reads the CJK
 * font, and once per process: {@link #bundled()} is shared by every check and render. Thread-safe.
 */
public final class Glyphs {
  private static final String FONTS = "/org/casepress/render/fonts/";

  /** Regular faces decide coverage: bold and italic faces of a family cover the same scripts. */
  private static final List<String> COVERAGE_ORDER =
      List.of(
          "DejaVuSerif.ttf",
          "DejaVuSans.ttf",
          "DejaVuSansMono.ttf",
          "NotoSansArabic-Regular.ttf",
          "DroidSansFallbackFull.ttf");

  /** The fonts never change while the process runs, so neither does what they cover. */
  private static final Glyphs BUNDLED = new Glyphs();

  private final CharacterMap[] cmaps = new CharacterMap[COVERAGE_ORDER.size()];

  private Glyphs() {}

  /** The coverage of the bundled fonts, read once per process. */
  public static Glyphs bundled() {
    return BUNDLED;
  }

  /** Whether some bundled font has a glyph for the code point. */
  public boolean covers(int codePoint) {
    for (int i = 0; i < cmaps.length; i++) {
      if (cmap(i).covers(codePoint)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a reader would miss the character: not covered, and not blank or invisible. */
  public boolean missing(int codePoint) {
    return !Character.isWhitespace(codePoint)
        && !Character.isISOControl(codePoint)
        && !isInvisible(codePoint)
        && !covers(codePoint);
  }

  /** Joiners, variation selectors and other format characters have no glyph to show. */
  public static boolean isInvisible(int cp) {
    return Character.getType(cp) == Character.FORMAT
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  /** The character, its code point and its Unicode name: 'x' (U+1F914 thinking face). */
  public static String describe(int cp) {
    String name = Character.getName(cp);
    return "'"
        + new String(Character.toChars(cp))
        + "' (U+"
        + String.format(Locale.ROOT, "%04X", cp)
        + (name == null ? "" : " " + name.toLowerCase(Locale.ROOT))
        + ")";
  }

  private CharacterMap cmap(int i) {
    CharacterMap cmap = cmaps[i];
    if (cmap == null) {
      synchronized (cmaps) {
        if (cmaps[i] == null) {
          cmaps[i] = read(COVERAGE_ORDER.get(i));
        }
        cmap = cmaps[i];
      }
    }
    return cmap;
  }

  private static CharacterMap read(String file) {
    try (InputStream in = Glyphs.class.getResourceAsStream(FONTS + file)) {
      if (in == null) {
        throw new IllegalStateException("the bundled font " + FONTS + file + " is missing");
      }
      return CharacterMap.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a bundled font", e);
    }
  }
}
