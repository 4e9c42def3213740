package org.casepress.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;

/**
 * Final PDFs rendered ahead of the steps that upload them, in parallel on every core (the pool and
 * longest-first order of {@code render --all}); when stage then asks for one with the same
 * arguments, the file rendered ahead is moved into place instead of rendering it again. Nothing is
 * sent and nothing is recorded ahead: Zenodo and the ledgers see what they saw before. A PDF that
 * cannot be rendered ahead is rendered again in its turn and fails there exactly as before.
 */
final class RenderedAhead implements FinalPdf {
  /** Everything a final PDF's bytes depend on, so that one rendered ahead can stand for it. */
  record Job(CaseStudy caseStudy, Metadata metadata, int version, LocalDate date, String doi) {}

  /** How the folders rendered into begin; nothing else in the staged PDFs' folder does. */
  private static final String AHEAD = ".ahead-";

  private final FinalPdf pdf;

  /** Files rendered ahead and not yet taken; read and written on the session's thread only. */
  private final Map<Job, Path> ready = new HashMap<>();

  private Path folder;

  RenderedAhead(FinalPdf pdf) {
    this.pdf = pdf;
  }

  /**
   * Renders the jobs in parallel into a new folder inside {@code near} (the folder the PDFs are
   * moved to, so that the move is atomic). A single job is left to its turn: alone, it gains
   * nothing from being first.
   */
  void render(List<Job> jobs, Path near) throws IOException {
    discard();
    removeLeftOver(near);
    if (jobs.size() < 2) {
      return;
    }
    Files.createDirectories(near);
    folder = Files.createTempDirectory(near, AHEAD);
    List<Job> order = new ArrayList<>(jobs);
    order.sort(Comparator.comparing(Job::caseStudy, PdfJob.LONGEST_FIRST));
    List<Callable<Path>> renders = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      Job job = order.get(i);
      Path file = folder.resolve(i + "-" + job.caseStudy().slug() + ".pdf");
      renders.add(() -> renderOrNull(job, file));
    }
    List<Path> files = PdfJob.runInParallel(renders);
    for (int i = 0; i < order.size(); i++) {
      if (files.get(i) != null) {
        ready.put(order.get(i), files.get(i));
      }
    }
  }

  /** The file, or null when this render failed: its turn renders it again and reports why. */
  private Path renderOrNull(Job job, Path file) {
    try {
      pdf.render(job.caseStudy(), job.metadata(), job.version(), job.date(), job.doi(), file);
      return file;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public void render(
      CaseStudy caseStudy, Metadata metadata, int version, LocalDate date, String doi, Path output)
      throws IOException {
    Path ahead = ready.remove(new Job(caseStudy, metadata, version, date, doi));
    if (ahead != null) {
      Files.move(
          ahead, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    pdf.render(caseStudy, metadata, version, date, doi, output);
  }

  /** Removes what was rendered ahead and not taken (a run that stopped, a DOI that changed). */
  void discard() throws IOException {
    ready.clear();
    if (folder == null) {
      return;
    }
    delete(folder);
    folder = null;
  }

  /**
   * Removes the folders of a run that was killed while rendering ahead (no {@code finally} runs
   * then). Only one session at a time holds the workspace lock, so none of them is in use.
   */
  private static void removeLeftOver(Path near) throws IOException {
    if (!Files.isDirectory(near)) {
      return;
    }
    try (Stream<Path> entries = Files.list(near)) {
      for (Path p : entries.toList()) {
        if (p.getFileName().toString().startsWith(AHEAD) && Files.isDirectory(p)) {
          delete(p);
        }
      }
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(folder);
  }
}
