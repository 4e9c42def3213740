package org.casepress.render;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.casepress.source.Glyphs;

/**
 * The fonts bundled in the jar (see fonts/README.md), read once per process and shared by every
 * render, in parallel and, in the warm process (docs/warm.md), command after command. The house
 * style names these families; PDF/A mode has no built-in fonts, so every face used must be
 * registered here, also under the renderer's internal names for the generic CSS families.
 */
final class Fonts {
  static final String SERIF = "DejaVu Serif";
  static final String SANS = "DejaVu Sans";
  static final String MONO = "DejaVu Sans Mono";
  static final String ARABIC = "Noto Sans Arabic";
  static final String CJK = "Droid Sans Fallback";

  record Face(String file, String family, int weight, FontStyle style) {}

  private static final List<Face> FACES =
      List.of(
          new Face("DejaVuSerif.ttf", SERIF, 400, FontStyle.NORMAL),
          new Face("DejaVuSerif-Bold.ttf", SERIF, 700, FontStyle.NORMAL),
          new Face("DejaVuSerif-Italic.ttf", SERIF, 400, FontStyle.ITALIC),
          new Face("DejaVuSerif-BoldItalic.ttf", SERIF, 700, FontStyle.ITALIC),
          new Face("DejaVuSans.ttf", SANS, 400, FontStyle.NORMAL),
          new Face("DejaVuSans-Bold.ttf", SANS, 700, FontStyle.NORMAL),
          new Face("DejaVuSansMono.ttf", MONO, 400, FontStyle.NORMAL),
          new Face("DejaVuSansMono-Bold.ttf", MONO, 700, FontStyle.NORMAL),
          new Face("NotoSansArabic-Regular.ttf", ARABIC, 400, FontStyle.NORMAL),
          new Face("DroidSansFallbackFull.ttf", CJK, 400, FontStyle.NORMAL));

  /** The renderer's own names for CSS serif, sans-serif and monospace. */
  private static final Map<String, String> GENERIC =
      Map.of("Serif", SERIF, "SansSerif", SANS, "Monospaced", MONO);

  /**
   * Font files, read from the jar when first needed: a Latin-only render never reads the CJK font.
   */
  private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

  private final Glyphs glyphs = Glyphs.bundled();

  /** The renderer's metrics of each face, as immutable as the faces themselves. */
  private final FSDefaultCacheStore metrics = new FSDefaultCacheStore();

  /** The files in the jar do not change while the process runs. */
  private static final Fonts BUNDLED = new Fonts();

  private Fonts() {}

  /** The process's fonts: each face is read from the jar the first time a render uses it. */
  static Fonts load() {
    return BUNDLED;
  }

  FSDefaultCacheStore metrics() {
    return metrics;
  }

  /**
   * Registers every face with a builder, to be parsed by the renderer for this document alone (the
   * way before {@link DocumentFonts}, kept as the reference that its output is compared with). The
   * font bytes are shared, never copied.
   */
  void register(PdfRendererBuilder builder) {
    forEachFamily(
        (face, family) ->
            builder.useFont(
                () -> new ByteArrayInputStream(bytes(face.file())),
                family,
                face.weight(),
                face.style(),
                true));
  }

  /**
   * Every face under its own family name and, for the serif, sans and mono faces, under the
   * renderer's generic name too: each registration becomes a font of its own in the PDF.
   */
  void forEachFamily(BiConsumer<Face, String> registration) {
    for (Face face : FACES) {
      registration.accept(face, face.family());
      for (Map.Entry<String, String> generic : GENERIC.entrySet()) {
        if (generic.getValue().equals(face.family())) {
          registration.accept(face, generic.getKey());
        }
      }
    }
  }

  /**
   * A parsed face for one document to use alone until it gives it back: fontbox's {@link
   * TrueTypeFont} reads its tables lazily from one shared position in its data, unlocked, so two
   * documents being typeset at once must not share one. A face is parsed once per document that
   * runs at the same time as others (on a 2-core machine, at most twice), not once per document.
   * What a document does with it (widths, subsetting) is kept in its own PDF objects; the parsed
   * tables it leaves behind are those of the file, the same for every document.
   */
  TrueTypeFont borrow(String file) {
    TrueTypeFont idle = parsed.computeIfAbsent(file, f -> new ConcurrentLinkedQueue<>()).poll();
    if (idle != null) {
      return idle;
    }
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(bytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void giveBack(String file, TrueTypeFont face) {
    parsed.get(file).add(face);
  }

  /** Parsed faces that no document is using, by file. */
  private final Map<String, Queue<TrueTypeFont>> parsed = new ConcurrentHashMap<>();

  /**
   * How wide a word is set, in ems, taking for each letter the wider of the body face (table cells)
   * and the bold sans face (table headers), so that a column measured with it is never too narrow.
   * Letters the two faces lack count one em.
   */
  float emWidth(String word) {
    float width = 0;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      width += Math.max(advance(SERIF_REGULAR, cp), advance(SANS_BOLD, cp));
      i += Character.charCount(cp);
    }
    return width;
  }

  private static final String SERIF_REGULAR = "DejaVuSerif.ttf";
  static final String SANS_BOLD = "DejaVuSans-Bold.ttf";

  /** Advance widths of the faces tables are measured with, each face read once. */
  private final Map<String, Metrics> widths = new ConcurrentHashMap<>();

  private float advance(String file, int cp) {
    return widths.computeIfAbsent(file, f -> Metrics.of(bytes(f))).em(cp);
  }

  /** One face's advance widths, in ems, by code point. */
  private record Metrics(Map<Integer, Float> widths) {
    static Metrics of(byte[] ttf) {
      try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf))) {
        float unitsPerEm = font.getUnitsPerEm();
        org.apache.fontbox.ttf.CmapLookup cmap = font.getUnicodeCmapLookup();
        Map<Integer, Float> widths = new java.util.HashMap<>();
        for (int cp = 0x20; cp < 0x3000; cp++) {
          int gid = cmap.getGlyphId(cp);
          if (gid != 0) {
            widths.put(cp, font.getAdvanceWidth(gid) / unitsPerEm);
          }
        }
        return new Metrics(Map.copyOf(widths));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    float em(int cp) {
      return widths.getOrDefault(cp, 1f);
    }
  }

  /** Whether some bundled font has a glyph for the code point. */
  boolean covers(int codePoint) {
    return glyphs.covers(codePoint);
  }

  /** A face's file as bundled (DejaVu without its ligatures), read once. */
  byte[] bytes(String file) {
    return bytes.computeIfAbsent(file, Fonts::read);
  }

  /**
   * PDFBox applies a font's standard ligatures (its GSUB table) when it draws text, and the text
   * layer then holds the ligature's code point: "ﬀ" where the author wrote "ff", so searching and
   * copying miss the word. DejaVu needs no substitution for any script we typeset (Arabic is shaped
   * by {@link RightToLeft}), so its GSUB table is hidden: the table directory entry is renamed, and
   * PDFBox neither applies nor embeds it. The glyphs and metrics are untouched.
   */
  static byte[] withoutLigatures(byte[] ttf) {
    int tables = ((ttf[4] & 0xff) << 8) | (ttf[5] & 0xff);
    for (int i = 0; i < tables; i++) {
      int at = 12 + 16 * i;
      if (ttf[at] == 'G' && ttf[at + 1] == 'S' && ttf[at + 2] == 'U' && ttf[at + 3] == 'B') {
        ttf[at] = 'x'; // an unregistered tag that no reader looks for
      }
    }
    return ttf;
  }

  private static byte[] read(String file) {
    try (InputStream in = Fonts.class.getResourceAsStream("fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "the bundled font fonts/" + file + " is missing from the jar");
      }
      return file.startsWith("DejaVu") ? withoutLigatures(in.readAllBytes()) : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
