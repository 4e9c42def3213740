package org.casepress.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.casepress.model.CaseStudy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What a reader who searches or copies the PDF gets, compared with what the author wrote: the words
 * of the PDF's text layer (PDFBox, sorted by position, as pdftotext does) against the words of the
 * Markdown body (prose, headings, list items, table cells, link text and notes; image alt text left
 * out, as it is not printed).
 *
 * <p>A word is a run of letters, digits and combining marks; everything else separates words, on
 * both sides alike, so punctuation and spacing differences do not count but a lost space ("the
 * video" printed "thevideo") or a letter replaced by a ligature ("ﬁ") does. A word broken at the
 * end of a line counts as whole only where the break is marked: a hyphen at the line's end, or the
 * continuation mark at the start of the next (code).
 */
final class TextLayer {
  /** Extra words the PDF may hold between two of the source's: running head, footer, page. */
  static final int AHEAD = 60;

  /** How far back a word may be found: cells of one table row are extracted line by line. */
  static final int BEHIND = 80;

  /** A gap of this many ems between two glyphs is between table cells, not words. */
  private static final float CELL_GAP = 0.6f;

  /** A gap of this many ems without a space glyph is still a space between words. */
  private static final float SPACE_GAP = 0.15f;

  private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

  /**
   * A word of the text layer. {@code starts}: it begins a run of text (a line, or a table cell's
   * line), where the rest of a word broken at a line's end goes on. {@code brokenAfter}: its run
   * ends after it with a marked break.
   */
  record Word(String text, boolean starts, boolean brokenAfter) {}

  private TextLayer() {}

  /** The words of the PDF in reading order. */
  static List<Word> pdfWords(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return pdfWords(runs(doc));
    }
  }

  /** The runs of a PDF ({@link #runs(PDDocument)}), each without the spaces at its ends. */
  static List<String> strippedRuns(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return runs(doc).stream().map(String::strip).toList();
    }
  }

  /** The text, sorted by position, as one string: what a reader's search sees. */
  static String text(PDDocument doc) throws IOException {
    return String.join("\n", runs(doc));
  }

  /**
   * The runs of text in reading order: each line, cut where the gap between two glyphs is wider
   * than a word space can be, so that a table row comes as one run per cell.
   */
  static List<String> runs(PDDocument doc) throws IOException {
    List<String> runs = new ArrayList<>();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void writeString(String text, List<TextPosition> positions) {
            StringBuilder run = new StringBuilder();
            TextPosition before = null;
            for (TextPosition p : positions) {
              if (before != null) {
                float gap = p.getXDirAdj() - (before.getXDirAdj() + before.getWidthDirAdj());
                if (gap > CELL_GAP * p.getFontSizeInPt()) {
                  runs.add(run.toString());
                  run.setLength(0);
                } else if ((gap > SPACE_GAP * p.getFontSizeInPt() || raisedOrBack(before, p))
                    && !before.getUnicode().isBlank()) {
                  run.append(' ');
                }
              }
              run.append(p.getUnicode());
              before = p;
            }
            runs.add(run.toString());
          }
        };
    stripper.setSortByPosition(true);
    stripper.getText(doc);
    return runs;
  }

  /** A note marker, set smaller above the line, begins or ends here: it is a word of its own. */
  private static boolean raisedOrBack(TextPosition a, TextPosition b) {
    float small = 0.85f;
    boolean raised =
        b.getFontSizeInPt() < small * a.getFontSizeInPt() && b.getYDirAdj() < a.getYDirAdj() - 0.5f;
    boolean back =
        a.getFontSizeInPt() < small * b.getFontSizeInPt() && a.getYDirAdj() < b.getYDirAdj() - 0.5f;
    return raised || back;
  }

  static List<Word> pdfWords(String text) {
    return pdfWords(List.of(text.split("\n", -1)));
  }

  static List<Word> pdfWords(List<String> runs) {
    List<Word> words = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      String run = runs.get(r).strip();
      List<String> here = words(run);
      String next = r + 1 < runs.size() ? runs.get(r + 1).strip() : "";
      boolean marked =
          run.matches(".*[\\p{L}\\p{N}][-\u00ad]$") || next.startsWith(LineBreaks.CONTINUED);
      for (int i = 0; i < here.size(); i++) {
        words.add(new Word(here.get(i), i == 0, marked && i == here.size() - 1));
      }
    }
    return words;
  }

  /** The words of the case study's body as the author wrote them, in order. */
  static List<String> sourceWords(CaseStudy cs) {
    String html =
        BodyHtml.render(cs.body(), cs.folder(), new Findings(cs.source(), 0, RenderMode.DRAFT));
    Document doc = Jsoup.parse(html);
    doc.select("img").remove();
    // A note marker is set apart, raised and smaller: a word of its own, as in the text layer.
    for (org.jsoup.nodes.Element sup : doc.select("sup")) {
      sup.before(" ").after(" ");
    }
    return words(doc.body().text());
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String w : SEPARATOR.split(text)) {
      if (!w.isEmpty()) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  /**
   * The first source word the PDF does not have in order, with its neighbours on both sides, or
   * null when every word is there. The PDF may hold other words (title page, contents, running
   * heads); the search starts where the first eight source words stand together (a heading alone
   * also stands in the contents), or at the start when they do not.
   */
  static String firstMissing(List<String> source, List<Word> pdf) {
    boolean[] used = new boolean[pdf.size()];
    int last = Math.max(-1, anchor(source, pdf) - 1);
    for (int k = 0; k < source.size(); k++) {
      String w = source.get(k);
      int found = -1;
      int from = Math.max(0, last - BEHIND);
      int to = Math.min(pdf.size(), last + 1 + AHEAD);
      for (int i = from; i < to && found < 0; i++) {
        if (used[i]) {
          continue;
        }
        found = match(pdf, used, i, w, 3);
      }
      if (found < 0) {
        return "'"
            + w
            + "' (word "
            + (k + 1)
            + " of "
            + source.size()
            + ") in '"
            + context(source, k)
            + "'; the PDF has there: '"
            + pdfContext(pdf, last)
            + "'";
      }
      last = Math.max(last, found);
    }
    return null;
  }

  /**
   * Whether {@code w} stands at {@code i}, whole or broken at marked line ends into parts that each
   * begin a later run (the next line, or the same cell's next line in a table): the index of its
   * last part, all parts then marked used; else -1.
   */
  private static int match(List<Word> pdf, boolean[] used, int i, String w, int parts) {
    Word here = pdf.get(i);
    if (here.text().equals(w)) {
      used[i] = true;
      return i;
    }
    if (parts <= 1 || !here.brokenAfter() || !w.startsWith(here.text())) {
      return -1;
    }
    String rest = w.substring(here.text().length());
    for (int j = i + 1; j < Math.min(pdf.size(), i + 1 + AHEAD); j++) {
      if (!used[j] && pdf.get(j).starts()) {
        int end = match(pdf, used, j, rest, parts - 1);
        if (end >= 0) {
          used[i] = true;
          return end;
        }
      }
    }
    return -1;
  }

  private static int anchor(List<String> source, List<Word> pdf) {
    int n = Math.min(8, source.size());
    for (int i = 0; i + n <= pdf.size(); i++) {
      boolean all = true;
      for (int j = 0; j < n && all; j++) {
        all = pdf.get(i + j).text().equals(source.get(j));
      }
      if (all) {
        return i;
      }
    }
    return -1;
  }

  private static String context(List<String> source, int k) {
    List<String> around = new ArrayList<>(source.subList(Math.max(0, k - 6), k));
    around.add("[" + source.get(k) + "]");
    around.addAll(source.subList(k + 1, Math.min(source.size(), k + 7)));
    return String.join(" ", around);
  }

  private static String pdfContext(List<Word> pdf, int last) {
    List<String> around = new ArrayList<>();
    for (int i = Math.max(0, last - 5); i < Math.min(pdf.size(), last + 12); i++) {
      around.add(pdf.get(i).text() + (pdf.get(i).brokenAfter() ? "-" : ""));
    }
    return String.join(" ", around);
  }
}
