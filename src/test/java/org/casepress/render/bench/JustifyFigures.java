package org.casepress.render.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.casepress.model.CaseStudy;
import org.casepress.render.Publication;
import org.casepress.render.RenderMode;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;

/**
 * For bench/justify.sh: renders every case study of a workspace final, ROUNDS times after one
 * warm-up, and prints per study the CPU time of a render (median, this thread) and, from the PDF's
 * glyph positions, how its body text is set: on lines of body text (10 pt DejaVu Serif) that reach
 * the right edge, the largest and the 95th-percentile word space as a multiple of the font's normal
 * space; lines with a space over twice the normal one; lines ending in a hyphen the typesetter drew
 * (its glyph "-" under an empty /ActualText) and in any hyphen; the longest run of consecutive
 * lines ending in a hyphen; pages. Only the public API is used, so the same class measures an older
 * checkout.
 *
 * <p>Usage: JustifyFigures ROUNDS WORKSPACE OUTDIR
 */
public final class JustifyFigures {
  private static final float BODY_SIZE = 10;
  private static final float SPACE = BODY_SIZE * 0.318f; // DejaVu Serif's space is 0.318 em
  private static final float MM = 72 / 25.4f;
  private static final float RIGHT = PDRectangle.A4.getWidth() - 32 * MM;

  private JustifyFigures() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    Loaded loaded = WorkspaceLoader.load(new Workspace(Path.of(args[1])));
    Path out = Files.createDirectories(Path.of(args[2]));
    Renderer renderer = Renderer.create();
    Publication pub =
        new Publication(
            2, LocalDate.of(2026, 11, 25), "approved", "10.5072/zenodo.1", "10.5072/zenodo.0");
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    System.out.println(
        "study pages cpu_ms max_space p95_space lines_over_2x full_lines typesetter_hyphens"
            + " hyphen_ends longest_hyphen_run");
    for (CaseStudy cs : loaded.caseStudies()) {
      Path pdf = out.resolve(cs.slug() + ".pdf");
      renderer.render(cs, loaded.metadata(), pub, RenderMode.FINAL, pdf); // warm-up
      List<Long> times = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        long t = cpu.getCurrentThreadCpuTime();
        renderer.render(cs, loaded.metadata(), pub, RenderMode.FINAL, pdf);
        times.add(cpu.getCurrentThreadCpuTime() - t);
      }
      Collections.sort(times);
      System.out.println(cs.slug() + " " + figures(pdf, times.get(times.size() / 2) / 1e6));
    }
  }

  private static String figures(Path pdf, double cpuMs) throws Exception {
    List<Float> ratios = new ArrayList<>();
    int[] lines = new int[6]; // full, over 2x, typesetter hyphens, any hyphen, run, longest run
    int pages;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      pages = doc.getNumberOfPages();
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> glyphs)
                throws java.io.IOException {
              TextPosition first = glyphs.get(0);
              TextPosition last = glyphs.get(glyphs.size() - 1);
              if (!first.getFont().getName().contains("DejaVuSerif")
                  || Math.abs(first.getFontSizeInPt() - BODY_SIZE) > 0.1f) {
                return;
              }
              String drawn = last.getFont().toUnicode(last.getCharacterCodes()[0]);
              boolean hyphen = "-".equals(drawn);
              lines[2] += hyphen && last.getUnicode().isEmpty() ? 1 : 0;
              lines[3] += hyphen ? 1 : 0;
              lines[4] = hyphen ? lines[4] + 1 : 0;
              lines[5] = Math.max(lines[5], lines[4]);
              if (last.getXDirAdj() + last.getWidthDirAdj() < RIGHT - 12) {
                return;
              }
              lines[0]++;
              float widest = 0;
              for (int i = 2; i < glyphs.size(); i++) {
                TextPosition before = glyphs.get(i - 2);
                TextPosition after = glyphs.get(i);
                if (" ".equals(drawn(glyphs.get(i - 1)))
                    && Math.abs(before.getYDirAdj() - after.getYDirAdj()) < 1) {
                  float gap = after.getXDirAdj() - (before.getXDirAdj() + before.getWidthDirAdj());
                  widest = Math.max(widest, gap / SPACE);
                }
              }
              ratios.add(widest);
              lines[1] += widest > 2 ? 1 : 0;
            }
          };
      stripper.setSortByPosition(true);
      stripper.getText(doc);
    }
    Collections.sort(ratios);
    float max = ratios.isEmpty() ? 0 : ratios.get(ratios.size() - 1);
    float p95 = ratios.isEmpty() ? 0 : ratios.get((int) Math.floor(0.95 * (ratios.size() - 1)));
    return String.format(
        Locale.ROOT,
        "%d %.0f %.2f %.2f %d %d %d %d %d",
        pages,
        cpuMs,
        max,
        p95,
        lines[1],
        lines[0],
        lines[2],
        lines[3],
        lines[5]);
  }

  private static String drawn(TextPosition p) throws java.io.IOException {
    String u = p.getFont().toUnicode(p.getCharacterCodes()[0]);
    return u == null ? "" : u;
  }
}
