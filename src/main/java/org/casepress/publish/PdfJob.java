package org.casepress.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casepress.model.CaseStudy;
import org.casepress.model.Problem;
import org.casepress.render.OutputFile;
import org.casepress.render.Publication;
import org.casepress.render.RenderException;
import org.casepress.render.RenderMode;
import org.casepress.render.RenderResult;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.ParsedBody;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.StatusFile;

/**
 * The {@code render} command's work: PDFs of case studies, each saying where the case study stands
 * (version, review state, and the DOI once published on production). A case study that {@code
 * check} finds errors in is not rendered. Reads state, writes only the PDFs.
 */
public final class PdfJob {
  private PdfJob() {}

  /**
   * The order to hand documents to {@link #runInParallel}: the pool takes jobs in this order, and a
   * long document started last would leave the other cores idle while it finishes. The length of
   * the Markdown stands in for the time it takes to typeset.
   */
  static final Comparator<CaseStudy> LONGEST_FIRST =
      Comparator.comparingInt((CaseStudy cs) -> cs.body().length()).reversed();

  /**
   * What to render.
   *
   * @param slugs the case studies; every one when {@code all}
   * @param output where the one PDF goes; empty for build/pdf/SLUG.pdf
   * @param date the date printed and stored in the PDF; empty to decide it (see {@link #date})
   * @param sourceDate SOURCE_DATE_EPOCH, the reproducible-builds convention, when set
   * @param force whether {@code output} may replace a PDF that casepress did not write
   */
  public record Request(
      List<String> slugs,
      boolean all,
      RenderMode mode,
      Optional<Path> output,
      Optional<LocalDate> date,
      Optional<Instant> sourceDate,
      boolean force) {
    public Request {
      slugs = List.copyOf(slugs);
    }
  }

  /** What became of one case study. */
  public sealed interface Result {
    String slug();

    /** The PDF is written; its warnings are for the reader of a draft. */
    record Written(String slug, RenderResult pdf) implements Result {}

    /**
     * No PDF: check found errors ({@code refusedByRenderer} false), or a final render found
     * something missing, refused or undisplayable.
     */
    record NotWritten(String slug, List<Problem> problems, boolean refusedByRenderer)
        implements Result {
      public NotWritten {
        problems = List.copyOf(problems);
      }
    }
  }

  /**
   * Renders what {@code request} asks for.
   *
   * @throws PublishException when the output the user named may not be written ({@link
   *     OutputFile}): a case study, metadata, or a file that is not casepress's PDF
   */
  public static List<Result> render(Workspace workspace, Request request) throws IOException {
    return render(workspace, request, Events.NONE);
  }

  /** What a batch's tasks report as they go, for tests that prove the load and renders overlap. */
  interface Events {
    Events NONE = new Events() {};

    /** On a pool thread, as the case study's load begins; what it throws, the load threw. */
    default void loading(String slug) {}

    /** On a pool thread, as the case study's render of {@code body} (check's tree) begins. */
    default void renderStarted(String slug, Optional<ParsedBody> body) {}
  }

  static List<Result> render(Workspace workspace, Request request, Events events)
      throws IOException {
    if (request.output().isPresent()) {
      try {
        OutputFile.permit(workspace, request.output().get(), request.force());
      } catch (RenderException e) {
        throw PublishException.problem(e.problems().get(0).message());
      }
    }
    if (request.all() && request.output().isEmpty()) {
      List<Result> batch = PdfBatch.render(workspace, request, events);
      if (batch != null) {
        return batch;
      }
    }
    return inTurn(workspace, request);
  }

  /**
   * The whole workspace loaded and checked first, then the case studies without errors rendered in
   * parallel: for one case study, and for a batch whose state cannot all be read (see {@link
   * PdfBatch#render}).
   */
  static List<Result> inTurn(Workspace workspace, Request request) throws IOException {
    List<String> slugs = request.all() ? WorkspaceLoader.slugs(workspace) : request.slugs();
    Loaded loaded =
        request.all() ? WorkspaceLoader.load(workspace) : WorkspaceLoader.load(workspace, slugs);
    Statuses statuses = new Statuses(workspace);
    LedgerStore production = LedgerStores.forTarget(workspace, statuses, TargetKind.PRODUCTION);
    // State is read here, in order, on one thread; only the typesetting runs in parallel.
    Result[] results = new Result[slugs.size()];
    List<Typeset> typeset = new ArrayList<>();
    for (int i = 0; i < slugs.size(); i++) {
      String slug = slugs.get(i);
      List<Problem> problems = loaded.problemsOf(slug);
      CaseStudy cs = loaded.caseStudy(slug).orElse(null);
      if (cs == null || problems.stream().anyMatch(Problem::isError)) {
        results[i] =
            new Result.NotWritten(slug, problems.isEmpty() ? loaded.problems() : problems, false);
        continue;
      }
      Path output =
          request.output().orElse(workspace.buildDir().resolve("pdf").resolve(slug + ".pdf"));
      StatusFile status = statuses.of(slug);
      Publication pub = publication(production, status, date(request, status, cs));
      typeset.add(new Typeset(i, slug, cs, pub, output));
    }
    if (!typeset.isEmpty()) {
      Renderer renderer = Renderer.create();
      typeset.sort(Comparator.comparing(Typeset::cs, LONGEST_FIRST));
      List<Callable<Result>> jobs = new ArrayList<>();
      for (Typeset t : typeset) {
        jobs.add(() -> t.run(renderer, loaded, request.mode()));
      }
      List<Result> done = runInParallel(jobs);
      for (int k = 0; k < typeset.size(); k++) {
        results[typeset.get(k).index()] = done.get(k);
      }
    }
    return List.of(results);
  }

  /** One case study to typeset, with everything read beforehand. */
  private record Typeset(int index, String slug, CaseStudy cs, Publication pub, Path output) {
    Result run(Renderer renderer, Loaded loaded, RenderMode mode) throws IOException {
      try {
        return new Result.Written(
            slug, renderer.render(cs, loaded.body(cs), loaded.metadata(), pub, mode, output));
      } catch (RenderException e) {
        return new Result.NotWritten(slug, e.problems(), true);
      }
    }
  }

  /**
   * Runs the jobs on every core, one document per thread, and gives their results in the jobs'
   * order. The renderer is shared: its fonts and font metrics are parsed once for all documents.
   */
  static <T> List<T> runInParallel(List<Callable<T>> jobs) throws IOException {
    int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = pool.invokeAll(jobs);
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(resolve(f));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("rendering was interrupted");
    } finally {
      pool.shutdownNow();
    }
  }

  static <T> T resolve(Future<T> f) throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  /** A task's failure as the caller's own: IOException, RuntimeException and Error as they are. */
  static IOException rethrow(Throwable cause) throws IOException {
    if (cause instanceof IOException io) {
      throw io;
    }
    if (cause instanceof RuntimeException re) {
      throw re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(cause);
  }

  /**
   * What the PDF says of the case study's state: version and review state from status.json; once
   * the version is published on production (a rehearsal's DOI is not a real one), exactly what its
   * uploaded PDF says, the ledger's publication date and DOI, so that a final render reproduces the
   * published file byte for byte.
   */
  static Publication publication(LedgerStore production, StatusFile status, LocalDate date) {
    return publication(production.read(status.slug()), status, date);
  }

  /**
   * {@link #publication(LedgerStore, StatusFile, LocalDate)} from a production ledger read before.
   */
  static Publication publication(Ledger production, StatusFile status, LocalDate date) {
    Ledger.Entry published =
        production.version(status.version()).filter(e -> e.phase().isPublished()).orElse(null);
    if (published != null && published.publicationDate() != null) {
      return Publication.published(
          status.version(),
          published.publicationDate(),
          published.reservedDoi() != null ? published.reservedDoi() : published.doi());
    }
    return new Publication(
        status.version(), date, status.state().id().replace('-', ' '), null, null);
  }

  /**
   * The date of the PDF: the one asked for, else SOURCE_DATE_EPOCH, else the day of the case
   * study's last review step, else the UTC day its files last changed. Never the clock, so that
   * rendering unchanged files twice gives the same bytes.
   */
  static LocalDate date(Request request, StatusFile status, CaseStudy cs) {
    return request
        .date()
        .or(() -> request.sourceDate().map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)))
        .or(() -> status.lastChange().map(h -> LocalDate.ofInstant(h.time(), ZoneOffset.UTC)))
        .orElseGet(() -> Publication.contentDate(cs.folder()));
  }
}
