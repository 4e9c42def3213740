package org.casepress.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;

/**
 * Keeps a word whole in the text layer where the typesetter broke it at a soft hyphen. The renderer
 * draws the first part with a hyphen at the line's end and the rest at the start of the next line;
 * a reader copying or searching the PDF, or a screen reader, would get "docu-" and "mentation". The
 * first part and its hyphen are put under {@code /ActualText} with the whole word, and the rest
 * under an empty {@code /ActualText} (PDF 32000-1, 14.9.4), inside the tagged content they belong
 * to, so the word is read once, whole, where it starts. The drawn hyphen is not made an artifact:
 * PDF/UA-1 does not allow an artifact inside tagged content.
 *
 * <p>A line-end hyphen is the typesetter's only where the letters around it make a word that the
 * HTML holds with a soft hyphen at that point; a hyphen the author typed ("self-" "hosted") stays.
 */
final class HyphenBreaks {
  private static final COSName ARTIFACT = COSName.getPDFName("Artifact");
  private static final Pattern MARKED_WORD = Pattern.compile("[\\p{L}\\p{M}\\u00ad]+");

  /** "word@offset" for each soft hyphen of each word in the typeset HTML. */
  private final Set<String> breaks;

  /** The letters of such a word up to each of its soft hyphens. */
  private final Set<String> starts;

  private HyphenBreaks(Set<String> breaks, Set<String> starts) {
    this.breaks = breaks;
    this.starts = starts;
  }

  /** The soft hyphens of the typeset document, by the word they are in. */
  static HyphenBreaks of(Document html) {
    Set<String> breaks = new HashSet<>();
    Set<String> starts = new HashSet<>();
    org.jsoup.nodes.Element main = html.body().selectFirst("main");
    // Body text only: the long words broken in narrow table cells keep their drawn hyphen (their
    // cells' lines are not told apart here).
    for (TextNode t : main == null ? List.<TextNode>of() : LineBreaks.texts(main)) {
      if (t.parent() != null && LineBreaks.inTable(t)) {
        continue;
      }
      String s = t.getWholeText();
      if (s.indexOf(LineBreaks.SOFT_HYPHEN) < 0) {
        continue;
      }
      Matcher m = MARKED_WORD.matcher(s);
      while (m.find()) {
        String marked = m.group();
        String word = marked.replace(String.valueOf(LineBreaks.SOFT_HYPHEN), "");
        int letters = 0;
        for (int i = 0; i < marked.length(); i++) {
          if (marked.charAt(i) == LineBreaks.SOFT_HYPHEN) {
            breaks.add(word + "@" + letters);
            starts.add(word.substring(0, letters));
          } else {
            letters++;
          }
        }
      }
    }
    return new HyphenBreaks(Set.copyOf(breaks), Set.copyOf(starts));
  }

  /** Whether the document has a soft hyphen at all, so that its PDF needs this pass. */
  boolean any() {
    return !breaks.isEmpty();
  }

  void mark(PDDocument doc) throws IOException {
    List<Page> pages = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    int index = 0;
    Map<COSBase, PDFont> fonts = new HashMap<>();
    for (PDPage page : doc.getPages()) {
      Page parsed = Page.parse(page);
      pages.add(parsed);
      lines.addAll(lines(parsed.tokens(), page.getResources(), fonts, index++));
    }
    Map<Integer, Map<Integer, Edit>> edits = words(lines);
    index = 0;
    for (PDPage page : doc.getPages()) {
      Map<Integer, Edit> onPage = edits.get(index);
      if (onPage != null) {
        PDStream stream = new PDStream(doc);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
          pages.get(index).write(onPage, out);
        }
        page.setContents(stream);
      }
      index++;
    }
  }

  /**
   * A page's content as tokens, with where each ends in its bytes: an edited page is written as its
   * own bytes with only the edited shows replaced, not re-serialised token by token (which took
   * most of this pass's time).
   */
  private record Page(byte[] content, List<Object> tokens, int[] ends) {
    static Page parse(PDPage page) throws IOException {
      byte[] content;
      try (InputStream in = page.getContents()) {
        content = in.readAllBytes();
      }
      List<Integer> ends = new ArrayList<>();
      PDFStreamParser parser =
          new PDFStreamParser(content) {
            @Override
            public Object parseNextToken() throws IOException {
              Object token = super.parseNextToken();
              if (token != null) {
                ends.add((int) source.getPosition());
              }
              return token;
            }
          };
      List<Object> tokens = parser.parse();
      return new Page(content, tokens, ends.stream().mapToInt(Integer::intValue).toArray());
    }

    void write(Map<Integer, Edit> byOperator, OutputStream out) throws IOException {
      if (ends.length != tokens.size()) { // not expected of PDFBox's parser; then token by token
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
          if (byOperator.containsKey(i)) {
            all.remove(all.size() - 1);
            all.addAll(replaced(tokens, i, byOperator.get(i)));
          } else {
            all.add(tokens.get(i));
          }
        }
        new ContentStreamWriter(out).writeTokens(all);
        return;
      }
      int copied = 0;
      for (int op : new java.util.TreeSet<>(byOperator.keySet())) {
        int start = op >= 2 ? ends[op - 2] : 0; // the operand is tokens[op - 1]
        out.write(content, copied, start - copied);
        out.write('\n');
        new ContentStreamWriter(out).writeTokens(replaced(tokens, op, byOperator.get(op)));
        copied = ends[op];
      }
      out.write(content, copied, content.length - copied);
    }
  }

  /** One glyph shown: in which operator, where in its array (-1: Tj) and which bytes. */
  private record Glyph(int operator, int element, int from, int to, String unicode) {}

  /** A string shown: by the operator at this index, at this place in its array (-1: Tj). */
  private record Shown(int operator, int element, COSString string, PDFont font) {
    void decode(List<Glyph> into) throws IOException {
      if (font == null) {
        return;
      }
      byte[] bytes = string.getBytes();
      try (InputStream in = new ByteArrayInputStream(bytes)) {
        while (in.available() > 0) {
          int from = bytes.length - in.available();
          String unicode = font.toUnicode(font.readCode(in));
          // a glyph without a Unicode mapping (a notdef) is neither a letter nor a hyphen
          into.add(
              new Glyph(
                  operator,
                  element,
                  from,
                  bytes.length - in.available(),
                  unicode == null ? "" : unicode));
        }
      }
    }
  }

  /**
   * One text object (a line, or the part of a line in one style or element) of tagged text, with
   * where it starts and its type size. Its glyphs are decoded when first needed: most lines only
   * have their last string read, to see whether it ends in a hyphen.
   */
  private static final class Line {
    private final int page;
    private final float x;
    private final float y;
    private final float size;
    private final List<Shown> shown;
    private List<Glyph> glyphs;

    Line(int page, float x, float y, float size, List<Shown> shown) {
      this.page = page;
      this.x = x;
      this.y = y;
      this.size = size;
      this.shown = shown;
    }

    int page() {
      return page;
    }

    float x() {
      return x;
    }

    float y() {
      return y;
    }

    float size() {
      return size;
    }

    List<Glyph> glyphs() throws IOException {
      if (glyphs == null) {
        List<Glyph> all = new ArrayList<>();
        for (Shown s : shown) {
          s.decode(all);
        }
        glyphs = all;
      }
      return glyphs;
    }

    boolean endsInHyphen() throws IOException {
      List<Glyph> last = new ArrayList<>();
      shown.get(shown.size() - 1).decode(last);
      return !last.isEmpty() && last.get(last.size() - 1).unicode().equals("-");
    }

    String text(int from, int to) throws IOException {
      StringBuilder s = new StringBuilder();
      for (int i = from; i < to; i++) {
        s.append(glyphs().get(i).unicode());
      }
      return s.toString();
    }

    /** How many glyphs at the start are letters. */
    int leadingLetters() throws IOException {
      int n = 0;
      while (n < glyphs().size() && letter(glyphs().get(n).unicode())) {
        n++;
      }
      return n;
    }

    /** Where the letters before a final hyphen start, or -1 when the line does not end so. */
    int hyphenatedFrom() throws IOException {
      if (!endsInHyphen()) {
        return -1;
      }
      int last = glyphs().size() - 1;
      int from = last;
      while (from > 0 && letter(glyphs().get(from - 1).unicode())) {
        from--;
      }
      return from == last ? -1 : from;
    }
  }

  /** A run of glyphs of one operator to put under an /ActualText. */
  private record Marked(int to, String actualText) {}

  /** The runs to mark in one text-showing operator, with the glyphs it shows. */
  private record Edit(List<Glyph> glyphs, TreeMap<Integer, Marked> runs) {}

  private static boolean letter(String unicode) {
    return !unicode.isEmpty() && unicode.codePoints().allMatch(Character::isLetter);
  }

  private static List<Line> lines(
      List<Object> tokens, PDResources resources, Map<COSBase, PDFont> fonts, int page)
      throws IOException {
    List<Line> lines = new ArrayList<>();
    Deque<Boolean> artifact = new ArrayDeque<>();
    PDFont font = null;
    float size = 0;
    float x = 0;
    float y = 0;
    List<Shown> glyphs = null;
    for (int i = 0; i < tokens.size(); i++) {
      if (!(tokens.get(i) instanceof Operator op)) {
        continue;
      }
      switch (op.getName()) {
        case "BDC", "BMC" -> {
          Object tag = tokens.get(i - (op.getName().equals("BDC") ? 2 : 1));
          artifact.push(ARTIFACT.equals(tag) || (!artifact.isEmpty() && artifact.peek()));
        }
        case "EMC" -> {
          if (!artifact.isEmpty()) {
            artifact.pop();
          }
        }
        case "BT" -> {
          glyphs = new ArrayList<>();
          x = 0;
          y = 0;
        }
        case "ET" -> {
          if (glyphs != null && !glyphs.isEmpty()) {
            lines.add(new Line(page, x, y, size, glyphs));
          }
          glyphs = null;
        }
        case "Tm" -> {
          x = number(tokens.get(i - 2));
          y = number(tokens.get(i - 1));
        }
        case "Td", "TD" -> {
          x += number(tokens.get(i - 2));
          y += number(tokens.get(i - 1));
        }
        case "Tf" -> {
          COSName name = i >= 2 && tokens.get(i - 2) instanceof COSName n ? n : null;
          font =
              name == null || resources == null ? null : PageContent.font(resources, name, fonts);
          size = number(tokens.get(i - 1));
        }
        case "Tj" -> {
          boolean tagged = artifact.isEmpty() || !artifact.peek();
          if (glyphs != null && tagged && tokens.get(i - 1) instanceof COSString s) {
            glyphs.add(new Shown(i, -1, s, font));
          }
        }
        case "TJ" -> {
          boolean tagged = artifact.isEmpty() || !artifact.peek();
          if (glyphs != null && tagged && tokens.get(i - 1) instanceof COSArray array) {
            for (int e = 0; e < array.size(); e++) {
              if (array.get(e) instanceof COSString s) {
                glyphs.add(new Shown(i, e, s, font));
              }
            }
          }
        }
        default -> {}
      }
    }
    return lines;
  }

  private static float number(Object token) {
    return token instanceof COSNumber n ? n.floatValue() : 0;
  }

  /**
   * The runs to mark, by page, operator and first glyph: for each line ending in a hyphen the
   * typesetter drew, its word's first part (whole word) and the parts on the lines after (empty).
   */
  private Map<Integer, Map<Integer, Edit>> words(List<Line> lines) throws IOException {
    Map<Integer, Map<Integer, Edit>> edits = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      int from = line.hyphenatedFrom();
      if (from < 0) {
        continue;
      }
      StringBuilder word = new StringBuilder(line.text(from, line.glyphs().size() - 1));
      List<Integer> offsets = new ArrayList<>(List.of(word.length()));
      List<int[]> rest = new ArrayList<>(); // line index, glyphs at its start
      for (int j = next(lines, i, word); j >= 0; j = next(lines, j, word)) {
        Line after = lines.get(j);
        int head = after.leadingLetters();
        boolean middle = after.hyphenatedFrom() == 0;
        word.append(after.text(0, head));
        rest.add(new int[] {j, middle ? head + 1 : head});
        if (!middle) {
          break;
        }
        offsets.add(word.length());
      }
      if (rest.isEmpty() || !offsets.stream().allMatch(o -> breaks.contains(word + "@" + o))) {
        continue;
      }
      add(edits, line, from, line.glyphs().size(), word.toString());
      for (int[] part : rest) {
        add(edits, lines.get(part[0]), 0, part[1], "");
      }
    }
    return edits;
  }

  /**
   * The text object that goes on with {@code word} on the line after {@code lines[i]}: the renderer
   * draws a line's inline elements after its text, and a table's cells side by side, so it is not
   * simply the next one drawn. Of those drawn later within a line's height below (else, at the foot
   * of a page, on the next page, top first), from the left, the first whose leading letters carry
   * the word on to its next soft hyphen or its end; -1 when none does.
   */
  private int next(List<Line> lines, int i, CharSequence word) throws IOException {
    Line line = lines.get(i);
    List<Line> below = new ArrayList<>();
    List<Line> over = new ArrayList<>();
    for (int j = i + 1; j < lines.size() && lines.get(j).page() <= line.page() + 1; j++) {
      Line c = lines.get(j);
      if (c.page() > line.page()) {
        over.add(c);
      } else if (c.y() < line.y() - 0.5f * line.size() && c.y() > line.y() - 1.8f * line.size()) {
        below.add(c);
      }
    }
    below.sort((a, c) -> Float.compare(a.x(), c.x()));
    over.sort((a, c) -> a.y() != c.y() ? Float.compare(c.y(), a.y()) : Float.compare(a.x(), c.x()));
    for (List<Line> candidates : List.of(below, over)) {
      for (Line c : candidates) {
        int head = c.leadingLetters();
        if (head == 0) {
          continue;
        }
        String carried = word + c.text(0, head);
        boolean fits =
            c.hyphenatedFrom() == 0
                ? starts.contains(carried)
                : breaks.contains(carried + "@" + word.length());
        if (fits) {
          return lines.indexOf(c);
        }
      }
      if (!below.isEmpty() && candidates == below) {
        return -1; // the next line is on this page
      }
    }
    return -1;
  }

  /** Glyphs [from, to) of a line, when one operator shows them all. */
  private static void add(
      Map<Integer, Map<Integer, Edit>> edits, Line line, int from, int to, String actualText)
      throws IOException {
    int operator = line.glyphs().get(from).operator();
    if (line.glyphs().get(to - 1).operator() != operator) {
      return; // a word in two styles; rare enough to leave as drawn
    }
    List<Glyph> shown = line.glyphs().stream().filter(g -> g.operator() == operator).toList();
    int start = shown.indexOf(line.glyphs().get(from));
    edits
        .computeIfAbsent(line.page(), p -> new HashMap<>())
        .computeIfAbsent(operator, o -> new Edit(shown, new TreeMap<>()))
        .runs()
        .put(start, new Marked(start + (to - from), actualText));
  }

  /** The show at {@code tokens[op]}, its marked runs split out each under its /ActualText. */
  private static List<Object> replaced(List<Object> tokens, int op, Edit edit) {
    List<Object> out = new ArrayList<>();
    Operator show = (Operator) tokens.get(op);
    Object operand = tokens.get(op - 1);
    int glyph = 0;
    for (Map.Entry<Integer, Marked> run : edit.runs().entrySet()) {
      show(out, part(operand, edit.glyphs(), glyph, run.getKey()), show);
      out.addAll(PageContent.openActualText(run.getValue().actualText()));
      show(out, part(operand, edit.glyphs(), run.getKey(), run.getValue().to()), show);
      out.add(Operator.getOperator("EMC"));
      glyph = run.getValue().to();
    }
    show(out, part(operand, edit.glyphs(), glyph, edit.glyphs().size()), show);
    return out;
  }

  private static void flush(java.io.ByteArrayOutputStream run, COSArray out) {
    if (run.size() > 0) {
      out.add(new COSString(run.toByteArray()));
      run.reset();
    }
  }

  /** Shows the operand's part, unless it is empty: consecutive shows place glyphs as one does. */
  private static void show(List<Object> out, COSBase part, Operator op) {
    if (part instanceof COSString s && s.getBytes().length == 0
        || part instanceof COSArray a && a.size() == 0) {
      return;
    }
    out.add(part);
    out.add(op);
  }

  /**
   * Glyphs [from, to) of a Tj string or TJ array, as the same kind of operand; in an array the
   * position adjustments before a glyph go with it.
   */
  private static COSBase part(Object operand, List<Glyph> glyphs, int from, int to) {
    if (from >= to) {
      return new COSArray();
    }
    if (operand instanceof COSString s) {
      int end = to == glyphs.size() ? s.getBytes().length : glyphs.get(to).from();
      return new COSString(Arrays.copyOfRange(s.getBytes(), glyphs.get(from).from(), end));
    }
    COSArray array = (COSArray) operand;
    COSArray out = new COSArray();
    java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
    for (int k = from; k < to; k++) {
      Glyph g = glyphs.get(k);
      int previous = k == 0 ? -1 : glyphs.get(k - 1).element();
      if (g.element() != previous) {
        flush(run, out);
        for (int e = previous + 1; e < g.element(); e++) {
          out.add(array.get(e));
        }
      }
      byte[] bytes = ((COSString) array.get(g.element())).getBytes();
      run.write(bytes, g.from(), g.to() - g.from());
    }
    flush(run, out);
    if (to == glyphs.size()) {
      for (int e = glyphs.get(to - 1).element() + 1; e < array.size(); e++) {
        out.add(array.get(e));
      }
    }
    return out;
  }
}
