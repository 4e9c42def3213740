package org.casepress.render;

import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;
import java.text.Bidi;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Right-to-left text (Arabic, Hebrew) for the renderer, with the JDK's own bidi algorithm instead
 * of ICU (which the renderer's rtl module would pull in at some 14 MB). Arabic letters are joined
 * by mapping them to their contextual presentation forms, which the bundled fonts carry; marks are
 * kept, lam-alef becomes its ligature. Scripts that need more (Indic shaping) are not covered.
 */
final class RightToLeft implements BidiSplitterFactory, BidiReorderer {
  /** The ISO 639-1 codes of the languages a case study may be in that are written right to left. */
  private static final Set<String> LANGUAGES = Set.of("ar", "fa", "he", "ps", "ur", "yi");

  /**
   * Whether a document in this language (its front matter's {@code language}) reads right to left.
   */
  static boolean language(String code) {
    return LANGUAGES.contains(code);
  }

  /**
   * Whether a document needs this bidi implementation at all, or reads left to right throughout:
   * then the renderer's own pass-through one (not "live") gives the same boxes, and the same bytes,
   * without splitting the whole document into paragraphs and running the bidi algorithm over each
   * (a twentieth of a warm render). In a left-to-right paragraph, text of left-to-right letters,
   * European digits and neutral characters is one run at level 0 by the algorithm's rules; anything
   * else (a right-to-left or Arabic letter, an Arabic digit, an explicit embedding, override or
   * isolate, a {@code dir} other than {@code ltr}, a right-to-left language) needs the algorithm.
   * Attribute values and style sheets are read too, as generated content may come from them.
   */
  static boolean neededBy(Document html, String language) {
    if (language(language)) {
      return true;
    }
    for (Element e : html.getAllElements()) {
      for (Attribute a : e.attributes()) {
        if (a.getKey().equals("dir") && !a.getValue().equalsIgnoreCase("ltr")
            || !leftToRightOnly(a.getValue())) {
          return true;
        }
      }
      for (Node child : e.childNodes()) {
        if (child instanceof TextNode t && !leftToRightOnly(t.getWholeText())
            || child instanceof DataNode d && !leftToRightOnly(d.getWholeData())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the bidi algorithm leaves every character of a left-to-right paragraph at level 0. */
  static boolean leftToRightOnly(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0x80 && !levelZero(Character.getDirectionality(cp))) { // ASCII is all level 0
        return false;
      }
    }
    return true;
  }

  private static boolean levelZero(byte directionality) {
    return switch (directionality) {
      case Character.DIRECTIONALITY_LEFT_TO_RIGHT,
          Character.DIRECTIONALITY_EUROPEAN_NUMBER,
          Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR,
          Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR,
          Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR,
          Character.DIRECTIONALITY_NONSPACING_MARK,
          Character.DIRECTIONALITY_BOUNDARY_NEUTRAL,
          Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR,
          Character.DIRECTIONALITY_SEGMENT_SEPARATOR,
          Character.DIRECTIONALITY_WHITESPACE,
          Character.DIRECTIONALITY_OTHER_NEUTRALS ->
          true;
      // Unassigned code points are not: the algorithm takes those in Hebrew and Arabic blocks as
      // right to left.
      default -> false;
    };
  }

  /**
   * Tells viewers that the document reads right to left ({@code /ViewerPreferences /Direction
   * /R2L}), so that facing pages are laid out with the first on the right and pages scroll the way
   * the text runs. The preferences the renderer already set (the title shown instead of the file
   * name, which PDF/UA requires) are kept.
   */
  static void readRightToLeft(PDDocument doc) {
    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    PDViewerPreferences preferences = catalog.getViewerPreferences();
    if (preferences == null) {
      preferences = new PDViewerPreferences(new COSDictionary());
      catalog.setViewerPreferences(preferences);
    }
    preferences.setReadingDirection(PDViewerPreferences.READING_DIRECTION.R2L);
  }

  /**
   * Presentation forms: isolated, final, initial, medial (the last two 0 for right-joining
   * letters).
   */
  private static final Map<Integer, int[]> FORMS = new HashMap<>();

  static {
    // U+0621 to U+064A in the order of the Arabic Presentation Forms-B block (from U+FE80).
    int[] letters = {
      0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627, 0x0628, 0x0629, 0x062A, 0x062B,
      0x062C, 0x062D, 0x062E, 0x062F, 0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636,
      0x0637, 0x0638, 0x0639, 0x063A, 0x0641, 0x0642, 0x0643, 0x0644, 0x0645, 0x0646, 0x0647,
      0x0648, 0x0649, 0x064A
    };
    String rightJoining =
        "\u0622\u0623\u0624\u0625\u0627\u0629\u062F\u0630\u0631\u0632\u0648\u0649";
    int form = 0xFE80;
    for (int letter : letters) {
      if (letter == 0x0621) {
        FORMS.put(letter, new int[] {form, 0, 0, 0});
        form += 1;
      } else if (rightJoining.indexOf(letter) >= 0) {
        FORMS.put(letter, new int[] {form, form + 1, 0, 0});
        form += 2;
      } else {
        FORMS.put(letter, new int[] {form, form + 1, form + 2, form + 3});
        form += 4;
      }
    }
    // Persian and Urdu letters, from Presentation Forms-A.
    FORMS.put(0x067E, new int[] {0xFB56, 0xFB57, 0xFB58, 0xFB59});
    FORMS.put(0x0686, new int[] {0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D});
    FORMS.put(0x0698, new int[] {0xFB8A, 0xFB8B, 0, 0});
    FORMS.put(0x06A9, new int[] {0xFB8E, 0xFB8F, 0xFB90, 0xFB91});
    FORMS.put(0x06AF, new int[] {0xFB92, 0xFB93, 0xFB94, 0xFB95});
    FORMS.put(0x06CC, new int[] {0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF});
  }

  private static final Map<Integer, Integer> DESHAPED = new HashMap<>();

  static {
    FORMS.forEach(
        (letter, forms) -> {
          for (int f : forms) {
            if (f != 0) {
              DESHAPED.put(f, letter);
            }
          }
        });
  }

  @Override
  public BidiSplitter createBidiSplitter() {
    return new Splitter();
  }

  @Override
  public String reorderRTLTextToLTR(String text) {
    StringBuilder reversed = new StringBuilder(text.length());
    int[] cps = text.codePoints().toArray();
    for (int i = cps.length - 1; i >= 0; i--) {
      int cp = cps[i];
      // A mark belongs to the letter before it in logical order: keep it after that letter.
      int j = i;
      while (j > 0 && Character.getType(cps[j]) == Character.NON_SPACING_MARK) {
        j--;
      }
      for (int k = j; k <= i; k++) {
        reversed.appendCodePoint(Character.isMirrored(cps[k]) ? mirror(cps[k]) : cps[k]);
      }
      i = j;
    }
    return reversed.toString();
  }

  @Override
  public String shapeText(String text) {
    int[] cps = text.codePoints().toArray();
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (cp == 0x0644 && i + 1 < cps.length && lamAlef(cps[i + 1]) != 0) {
        boolean joinsBefore = joinsToNext(previousLetter(cps, i));
        out.appendCodePoint(lamAlef(cps[i + 1]) + (joinsBefore ? 1 : 0));
        i++;
        continue;
      }
      int[] forms = FORMS.get(cp);
      if (forms == null) {
        out.appendCodePoint(cp);
        continue;
      }
      boolean before = joinsToNext(previousLetter(cps, i));
      boolean after =
          forms[2] != 0 && FORMS.containsKey(nextLetter(cps, i))
              || forms[2] != 0 && nextLetter(cps, i) == 0x0640;
      int shaped = before && after ? forms[3] : before ? forms[1] : after ? forms[2] : forms[0];
      out.appendCodePoint(shaped == 0 ? forms[0] : shaped);
    }
    return out.toString();
  }

  @Override
  public String deshapeText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp >= 0xFEF5 && cp <= 0xFEFC) {
                out.append('\u0644')
                    .appendCodePoint(new int[] {0x0622, 0x0623, 0x0625, 0x0627}[(cp - 0xFEF5) / 2]);
              } else {
                out.appendCodePoint(DESHAPED.getOrDefault(cp, cp));
              }
            });
    return out.toString();
  }

  /**
   * A line as drawn by something that lays text out left to right without the bidi algorithm (the
   * renderer's page margin boxes): its runs in visual order, each right-to-left run joined and
   * reversed as the renderer would draw it.
   */
  String visualLine(String text, boolean rightToLeft) {
    Bidi bidi =
        new Bidi(text, rightToLeft ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_LEFT_TO_RIGHT);
    int count = bidi.getRunCount();
    byte[] levels = new byte[count];
    Integer[] runs = new Integer[count];
    for (int i = 0; i < count; i++) {
      levels[i] = (byte) bidi.getRunLevel(i);
      runs[i] = i;
    }
    Bidi.reorderVisually(levels, 0, runs, 0, count);
    StringBuilder line = new StringBuilder(text.length());
    for (int run : runs) {
      String part = text.substring(bidi.getRunStart(run), bidi.getRunLimit(run));
      line.append((bidi.getRunLevel(run) & 1) == 1 ? reorderRTLTextToLTR(shapeText(part)) : part);
    }
    return line.toString();
  }

  @Override
  public boolean isLiveImplementation() {
    return true;
  }

  private static int lamAlef(int alef) {
    return switch (alef) {
      case 0x0622 -> 0xFEF5;
      case 0x0623 -> 0xFEF7;
      case 0x0625 -> 0xFEF9;
      case 0x0627 -> 0xFEFB;
      default -> 0;
    };
  }

  /** Whether a letter connects to the letter after it (dual-joining letters and tatweel do). */
  private static boolean joinsToNext(int cp) {
    int[] forms = FORMS.get(cp);
    return cp == 0x0640 || (forms != null && forms[2] != 0);
  }

  private static int previousLetter(int[] cps, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (Character.getType(cps[j]) != Character.NON_SPACING_MARK) {
        return cps[j];
      }
    }
    return 0;
  }

  private static int nextLetter(int[] cps, int i) {
    for (int j = i + 1; j < cps.length; j++) {
      if (Character.getType(cps[j]) != Character.NON_SPACING_MARK) {
        return cps[j];
      }
    }
    return 0;
  }

  private static int mirror(int cp) {
    return switch (cp) {
      case '(' -> ')';
      case ')' -> '(';
      case '[' -> ']';
      case ']' -> '[';
      case '{' -> '}';
      case '}' -> '{';
      case '<' -> '>';
      case '>' -> '<';
      case 0x00AB -> 0x00BB;
      case 0x00BB -> 0x00AB;
      default -> cp;
    };
  }

  /**
   * The runs of a paragraph in visual order, from the JDK's implementation of the bidi algorithm.
   */
  private static final class Splitter implements BidiSplitter {
    private BidiTextRun[] runs = new BidiTextRun[0];

    @Override
    public void setParagraph(String paragraph, byte defaultDirection) {
      if (paragraph.isEmpty()) {
        runs = new BidiTextRun[0];
        return;
      }
      int flags =
          defaultDirection == RTL
              ? Bidi.DIRECTION_RIGHT_TO_LEFT
              : defaultDirection == LTR
                  ? Bidi.DIRECTION_LEFT_TO_RIGHT
                  : Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT;
      Bidi bidi = new Bidi(paragraph, flags);
      int count = bidi.getRunCount();
      BidiTextRun[] logical = new BidiTextRun[count];
      byte[] levels = new byte[count];
      for (int i = 0; i < count; i++) {
        int start = bidi.getRunStart(i);
        levels[i] = (byte) bidi.getRunLevel(i);
        logical[i] =
            new BidiTextRun(start, bidi.getRunLimit(i) - start, (levels[i] & 1) == 1 ? RTL : LTR);
      }
      if (count > 1) {
        Bidi.reorderVisually(levels, 0, logical, 0, count);
      }
      runs = logical;
    }

    @Override
    public int countTextRuns() {
      return runs.length;
    }

    @Override
    public BidiTextRun getVisualRun(int runIndex) {
      return runs[runIndex];
    }

    @Override
    public byte getBaseDirection(String paragraph) {
      for (int i = 0; i < paragraph.length(); ) {
        int cp = paragraph.codePointAt(i);
        byte d = Character.getDirectionality(cp);
        if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
          return LTR;
        }
        if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
            || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
          return RTL;
        }
        i += Character.charCount(cp);
      }
      return NEUTRAL;
    }
  }
}
