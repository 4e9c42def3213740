package org.casepress.publish;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;

/**
 * Final PDFs rendered ahead of the steps that upload them, on a pool of every core that lives as
 * long as one stage ({@link Renders}); when stage then asks for one with the same arguments, it
 * waits for that render if it is still running and moves the file into place instead of rendering
 * it again. Nothing is sent and nothing is recorded ahead: Zenodo and the ledgers see what they saw
 * before. A PDF that cannot be rendered ahead is rendered again in its turn and fails there exactly
 * as before.
 */
final class RenderedAhead implements FinalPdf {
  /** Everything a final PDF's bytes depend on, so that one rendered ahead can stand for it. */
  record Job(CaseStudy caseStudy, Metadata metadata, int version, LocalDate date, String doi) {}

  /** How the folders rendered into begin; nothing else in the staged PDFs' folder does. */
  private static final String AHEAD = ".ahead-";

  /** How the pool's threads are named, so that a stack dump says what they are. */
  static final String THREAD_NAME = "casepress-render-ahead-";

  private final FinalPdf pdf;

  /** The renders of the stage under way, or null between stages. Session's thread only. */
  private Renders renders;

  RenderedAhead(FinalPdf pdf) {
    this.pdf = pdf;
  }

  /**
   * Starts rendering ahead for one stage, in a new folder inside {@code near} (the folder the PDFs
   * are moved to, so that the move is atomic), and hands the pool {@code known} longest first: the
   * PDFs whose DOI is known already. The others are handed to {@link Renders#ahead} as their DOI
   * becomes known. A stage that will render fewer than two PDFs gets no pool: alone, a render gains
   * nothing from being first, and it is left to its turn.
   *
   * @param toRender how many PDFs the stage will render, known or not
   * @return the stage's renders: close them when the stage returns or throws
   */
  Renders start(List<Job> known, int toRender, Path near) throws IOException {
    if (renders != null) {
      renders.close();
    }
    removeLeftOver(near);
    if (toRender < 2) {
      renders = new Renders(null, 0);
      return renders;
    }
    Files.createDirectories(near);
    renders = new Renders(Files.createTempDirectory(near, AHEAD), toRender);
    List<Job> order = new ArrayList<>(known);
    order.sort(Comparator.comparing(Job::caseStudy, PdfJob.LONGEST_FIRST));
    order.forEach(renders::ahead);
    return renders;
  }

  @Override
  public void render(
      CaseStudy caseStudy, Metadata metadata, int version, LocalDate date, String doi, Path output)
      throws IOException {
    Path ahead =
        renders == null ? null : renders.take(new Job(caseStudy, metadata, version, date, doi));
    if (ahead != null) {
      Files.move(
          ahead, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    pdf.render(caseStudy, metadata, version, date, doi, output);
  }

  /**
   * The pool, its folder and the renders handed to it, for the length of one stage; without a pool
   * (or a folder) when every PDF is left to its turn. Used on the session's thread only: only the
   * renders themselves run on the pool.
   */
  final class Renders implements Closeable {
    private final Path folder;
    private final ExecutorService pool;

    /** Renders handed to the pool and not taken yet, by job. */
    private final Map<Job, Future<Path>> pending = new HashMap<>();

    private int handed;

    private Renders(Path folder, int toRender) {
      this.folder = folder;
      if (folder == null) {
        this.pool = null;
        return;
      }
      int cores = Runtime.getRuntime().availableProcessors();
      this.pool = Pools.daemons(THREAD_NAME, Math.min(toRender, cores));
    }

    /**
     * Hands a job to the pool, behind those handed before; nothing when this stage renders nothing
     * ahead, or the job is handed already.
     */
    void ahead(Job job) {
      if (pool == null || pending.containsKey(job)) {
        return;
      }
      Path file = folder.resolve(handed++ + "-" + job.caseStudy().slug() + ".pdf");
      pending.put(job, pool.submit(() -> renderOrNull(job, file)));
    }

    /**
     * The file rendered ahead for the job, once its render is done; null when it was not handed to
     * the pool or failed there: its turn renders it and reports why.
     */
    private Path take(Job job) throws IOException {
      Future<Path> render = pending.remove(job);
      if (render == null) {
        return null;
      }
      try {
        return render.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException(
            job.caseStudy().slug() + ": stage was interrupted while its final PDF was rendered");
      } catch (ExecutionException e) {
        // renderOrNull leaves every failure of a render to its turn; what is left is an Error
        // (memory full, the process being killed), which would have stopped the turn as well.
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
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

    /**
     * Ends the stage's renders: drops those not started, interrupts those running and waits until
     * none is (one may still be writing into the folder), then removes what was rendered ahead and
     * not taken (a run that stopped, a DOI that changed).
     */
    @Override
    public void close() throws IOException {
      if (renders == this) {
        renders = null;
      }
      pending.clear();
      if (pool == null) {
        return;
      }
      pool.shutdownNow();
      // The folder must not be removed under a render still writing into it.
      Pools.awaitTermination(pool);
      delete(folder);
    }
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
