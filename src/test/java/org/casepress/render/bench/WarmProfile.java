package org.casepress.render.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedFrame;
import org.casepress.model.CaseStudy;
import org.casepress.render.Publication;
import org.casepress.render.RenderMode;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.testing.JfrSamples;

/**
 * Where a warm render's CPU goes (issue 15). Renders every case study of a workspace, final, one
 * after another on one thread, for ROUNDS rounds in one JVM; the first WARMUP rounds warm the JIT
 * and are neither timed nor sampled. Over the later rounds it reports the rendering thread's CPU
 * time per document (from {@link ThreadMXBean}, not wall: a shared machine moves wall time far
 * more) and JFR execution samples of that thread, grouped by the part of the render they fall in
 * and by the library of the frame that was running.
 *
 * <p>Usage: {@code WarmProfile WORKSPACE OUTDIR ROUNDS WARMUP}; run it with the warm process's
 * flags ({@code -XX:TieredStopAtLevel=1}), as bench/warm-profile.sh does. The last line of each
 * document is the SHA-256 of its PDF, so that two builds can be shown to write the same bytes.
 */
public final class WarmProfile {
  /**
   * The part of a render a sample belongs to: the innermost frame of the stack that one of these
   * prefixes matches names it, so that text measuring inside layout counts as text measuring.
   */
  private static final List<Map.Entry<String, String>> PARTS =
      List.of(
          Map.entry("org.apache.pdfbox.pdmodel.font.PDType0Font.load", "font faces loaded"),
          Map.entry("org.apache.pdfbox.pdmodel.font.PDFont.getStringWidth", "text widths"),
          Map.entry("org.apache.pdfbox.pdmodel.PDDocument.subsetDesignatedFonts", "subsetting"),
          Map.entry("org.apache.pdfbox.pdfwriter.", "PDF writing"),
          Map.entry("org.casepress.render.Xmp.", "XMP and info"),
          Map.entry("org.casepress.render.Archival.", "XMP and info"),
          Map.entry("org.casepress.render.ActualText.", "ActualText"),
          Map.entry("org.casepress.render.Renderer.contentKey", "document id"),
          Map.entry("com.openhtmltopdf.pdfboxout.PdfBoxRenderer.layout", "layout"),
          Map.entry("com.openhtmltopdf.pdfboxout.PdfBoxRenderer.createPDF", "painting"),
          Map.entry("com.openhtmltopdf.pdfboxout.PdfRendererBuilder.buildPdfRenderer", "setup"),
          Map.entry("org.jsoup.helper.W3CDom.", "jsoup to W3C DOM"),
          // Our text renderer runs inside openhtmltopdf's layout and painting: its own part.
          Map.entry("org.casepress.render.CodePointWidths.getWidth", "text widths"),
          Map.entry("org.casepress.render.CodePointWidths.", "painting"),
          Map.entry("org.casepress.render.WholeWordText.", "painting"),
          Map.entry("org.casepress.render.HyphenatedWords.", "hyphenated words found"),
          Map.entry("org.casepress.render.LineBreaks.", "our HTML passes: line breaks"),
          Map.entry("org.casepress.render.Hyphenation.", "our HTML passes: line breaks"),
          Map.entry("org.casepress.render.TableFit.", "our HTML passes: tables"),
          Map.entry("org.casepress.render.RightToLeft.", "our HTML passes: other"),
          Map.entry("com.vladsch.flexmark.", "Markdown (flexmark)"),
          Map.entry("org.casepress.render.BodyHtml.", "our HTML passes: body HTML"),
          Map.entry("org.casepress.render.Typesetting.", "our HTML passes: other"),
          Map.entry("org.casepress.render.", "our other code"));

  /**
   * The library whose code was running: the innermost frame outside the JDK names it, so that a
   * {@code HashMap} lookup made by the layout counts as layout.
   */
  private static final List<Map.Entry<String, String>> LIBRARIES =
      List.of(
          Map.entry("com.vladsch.flexmark.", "flexmark"),
          Map.entry("org.jsoup.", "jsoup"),
          Map.entry("org.casepress.", "casepress"),
          Map.entry("com.openhtmltopdf.layout.", "openhtmltopdf layout"),
          Map.entry("com.openhtmltopdf.render.", "openhtmltopdf render"),
          Map.entry("com.openhtmltopdf.css.", "openhtmltopdf css"),
          Map.entry("com.openhtmltopdf.pdfboxout.", "openhtmltopdf pdfboxout"),
          Map.entry("com.openhtmltopdf.", "openhtmltopdf other"),
          Map.entry("org.apache.fontbox.", "fontbox"),
          Map.entry("org.apache.pdfbox.pdmodel.font.", "PDFBox font"),
          Map.entry("org.apache.pdfbox.pdfwriter.", "PDFBox writing"),
          Map.entry("org.apache.pdfbox.cos.", "PDFBox COS"),
          Map.entry("org.apache.pdfbox.", "PDFBox other"),
          Map.entry("org.apache.xmpbox.", "XMP (xmpbox)"));

  private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

  private static final String RENDER = "org.casepress.render.Renderer.render";

  private WarmProfile() {}

  public static void main(String[] args) throws Exception {
    Workspace workspace = new Workspace(Path.of(args[0]).toAbsolutePath());
    Path out = Files.createDirectories(Path.of(args[1]));
    int rounds = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    Loaded loaded = WorkspaceLoader.load(workspace);
    List<CaseStudy> studies = loaded.caseStudies();
    Renderer renderer = Renderer.create();
    Publication pub = Publication.forDraft(LocalDate.of(2026, 12, 10));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Map<String, List<Long>> cpu = new LinkedHashMap<>();
    Map<String, String> digests = new LinkedHashMap<>();
    long threadCpuTotal = 0;
    long processCpuTotal = 0;
    Path jfr = out.resolve("warm.jfr");
    Recording recording = null;
    for (int r = 1; r <= rounds; r++) {
      if (r == warmup + 1) {
        recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
        recording.setToDisk(true);
        recording.start();
      }
      long processBefore = os.getProcessCpuTime();
      for (CaseStudy cs : studies) {
        Path pdf = out.resolve(cs.slug() + ".pdf");
        long before = threads.getCurrentThreadCpuTime();
        renderer.render(cs, loaded.metadata(), pub, RenderMode.FINAL, pdf);
        long spent = threads.getCurrentThreadCpuTime() - before;
        if (r > warmup) {
          cpu.computeIfAbsent(cs.slug(), s -> new ArrayList<>()).add(spent);
          threadCpuTotal += spent;
        }
        if (r == rounds) {
          digests.put(cs.slug(), sha256(Files.readAllBytes(pdf)));
        }
      }
      if (r > warmup) {
        processCpuTotal += os.getProcessCpuTime() - processBefore;
      }
    }
    recording.stop();
    recording.dump(jfr);
    recording.close();

    int measured = rounds - warmup;
    int documents = studies.size() * measured;
    System.out.printf(
        "rounds %d (warm-up %d), documents %d, load average %.2f%n",
        rounds, warmup, studies.size(), os.getSystemLoadAverage());
    System.out.println("| document | thread CPU per render, median (ms) |");
    System.out.println("|---|---:|");
    for (Map.Entry<String, List<Long>> e : cpu.entrySet()) {
      System.out.printf("| %s | %.0f |%n", e.getKey(), median(e.getValue()) / 1e6);
    }
    System.out.printf(
        "mean per document: thread CPU %.1f ms, process CPU %.1f ms (JIT and GC included)%n",
        threadCpuTotal / 1e6 / documents, processCpuTotal / 1e6 / documents);
    report(jfr, threadCpuTotal / 1e6 / documents);
    for (Map.Entry<String, String> d : digests.entrySet()) {
      System.out.println("sha256 " + d.getKey() + " " + d.getValue());
    }
  }

  /** Shares of the rendering thread's samples, and what they come to per document. */
  private static void report(Path jfr, double cpuPerDocument) throws Exception {
    Map<String, Integer> parts = new LinkedHashMap<>();
    Map<String, Integer> libraries = new LinkedHashMap<>();
    Map<String, Integer> top = new LinkedHashMap<>();
    int samples = 0;
    for (List<RecordedFrame> frames : JfrSamples.inside(jfr, RENDER)) {
      samples++;
      parts.merge(part(frames), 1, Integer::sum);
      libraries.merge(library(frames), 1, Integer::sum);
      top.merge(JfrSamples.name(frames.get(0)), 1, Integer::sum);
    }
    System.out.printf("samples on the rendering thread: %d%n", samples);
    table("part of the render", parts, samples, cpuPerDocument, 100);
    table(
        "library running (innermost frame outside the JDK)",
        libraries,
        samples,
        cpuPerDocument,
        100);
    table("running method", top, samples, cpuPerDocument, 25);
  }

  private static void table(
      String title, Map<String, Integer> counts, int samples, double cpuPerDocument, int limit) {
    System.out.println();
    System.out.println("| " + title + " | share | CPU ms per document |");
    System.out.println("|---|---:|---:|");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .forEach(
            e ->
                System.out.printf(
                    "| %s | %.1f %% | %.1f |%n",
                    e.getKey(),
                    100.0 * e.getValue() / samples,
                    cpuPerDocument * e.getValue() / samples));
  }

  private static String part(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String n = JfrSamples.name(f);
      for (Map.Entry<String, String> p : PARTS) {
        if (n.startsWith(p.getKey())) {
          return p.getValue();
        }
      }
    }
    return "other";
  }

  private static String library(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String n = JfrSamples.name(f);
      if (JDK.stream().anyMatch(n::startsWith)) {
        continue;
      }
      for (Map.Entry<String, String> p : LIBRARIES) {
        if (n.startsWith(p.getKey())) {
          return p.getValue();
        }
      }
      return "other";
    }
    return "JDK";
  }

  private static double median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
