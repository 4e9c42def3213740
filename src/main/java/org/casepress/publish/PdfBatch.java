package org.casepress.publish;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.casepress.model.CaseStudy;
import org.casepress.model.Problem;
import org.casepress.render.Publication;
import org.casepress.render.RenderException;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoad;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.StatusFile;

/**
 * {@code render --all} as one pipeline: the metadata once, then one task per case study on every
 * core, longest first, that loads and checks it and, when it has no error, renders it, so that no
 * core waits for the whole workspace to be checked. The results, the problems, the PDFs and what a
 * failure throws are those of {@link PdfJob#inTurn}.
 */
final class PdfBatch {
  /** How the pool's threads are named, so that a stack dump (and a test) says what they are. */
  static final String THREAD_NAME = "casepress-render-";

  private PdfBatch() {}

  /** What is read of a case study's state before any task starts. */
  private record State(StatusFile status, Ledger production) {}

  /**
   * What became of one task: the load's outcome (or what it threw); then, when the case study has
   * no error, what its date threw, or its render gave or threw.
   */
  private record Outcome(
      int index,
      WorkspaceLoad.Study study,
      Throwable loadFailed,
      Throwable dateFailed,
      PdfJob.Result rendered,
      Throwable renderFailed) {
    boolean tried() {
      return dateFailed != null || rendered != null || renderFailed != null;
    }
  }

  /**
   * Renders every case study; null when a status.json or production ledger cannot be read, so that
   * the caller renders in turn and fails exactly as before (that throws only for a case study
   * without errors, which only the whole load tells).
   */
  static List<PdfJob.Result> render(
      Workspace workspace, PdfJob.Request request, PdfJob.Events events) throws IOException {
    List<String> slugs = WorkspaceLoader.slugs(workspace);
    WorkspaceLoad load = WorkspaceLoad.start(workspace);
    // State is read here, in order, on one thread, as in turn: Statuses and the ledgers it parses
    // are not thread-safe, and a state file that cannot be read must fail as it did.
    Statuses statuses = new Statuses(workspace);
    LedgerStore production = LedgerStores.forTarget(workspace, statuses, TargetKind.PRODUCTION);
    List<State> states = new ArrayList<>();
    for (String slug : slugs) {
      try {
        states.add(new State(statuses.of(slug), production.read(slug)));
      } catch (RuntimeException e) {
        return null;
      }
    }
    List<Integer> order = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (int i = 0; i < slugs.size(); i++) {
      order.add(i);
      sizes.add(sourceSize(workspace, slugs.get(i)));
    }
    // The bodies are not read yet: the file's size stands in for the body's length.
    order.sort(Comparator.comparing((Integer i) -> sizes.get(i)).reversed());
    Outcome[] outcomes = run(workspace, request, events, slugs, load, states, order);
    return resolve(load, slugs, outcomes);
  }

  private static Outcome[] run(
      Workspace workspace,
      PdfJob.Request request,
      PdfJob.Events events,
      List<String> slugs,
      WorkspaceLoad load,
      List<State> states,
      List<Integer> order)
      throws IOException {
    Outcome[] outcomes = new Outcome[slugs.size()];
    if (slugs.isEmpty()) {
      return outcomes;
    }
    SharedRenderer renderer = new SharedRenderer();
    // Once a load or a date fails the command throws, as in turn before any render: start no more.
    AtomicBoolean failed = new AtomicBoolean();
    int cores = Math.max(1, Math.min(slugs.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Pools.daemons(THREAD_NAME, cores);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i : order) {
        String slug = slugs.get(i);
        State state = states.get(i);
        futures.add(
            pool.submit(
                () -> task(i, slug, state, workspace, request, events, load, renderer, failed)));
      }
      for (Future<Outcome> f : futures) {
        Outcome o = f.get();
        outcomes[o.index()] = o;
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("rendering was interrupted");
    } catch (ExecutionException e) {
      // A task catches what its load and render throw; what is left is a bug in the task itself.
      throw PdfJob.rethrow(e.getCause());
    } finally {
      pool.shutdownNow();
      Pools.awaitTermination(pool);
    }
  }

  private static Outcome task(
      int index,
      String slug,
      State state,
      Workspace workspace,
      PdfJob.Request request,
      PdfJob.Events events,
      WorkspaceLoad load,
      SharedRenderer renderer,
      AtomicBoolean failed) {
    WorkspaceLoad.Study study;
    try {
      events.loading(slug);
      study = load.load(slug);
    } catch (RuntimeException | Error e) {
      failed.set(true);
      return new Outcome(index, null, e, null, null, null);
    }
    CaseStudy cs = study.caseStudy().orElse(null);
    if (cs == null || load.problemsOf(study).stream().anyMatch(Problem::isError) || failed.get()) {
      return new Outcome(index, study, null, null, null, null);
    }
    LocalDate date;
    try {
      date = PdfJob.date(request, state.status(), cs);
    } catch (RuntimeException | Error e) {
      failed.set(true);
      return new Outcome(index, study, null, e, null, null);
    }
    Publication pub = PdfJob.publication(state.production(), state.status(), date);
    Path output = workspace.buildDir().resolve("pdf").resolve(slug + ".pdf");
    try {
      events.renderStarted(slug, study.body());
      PdfJob.Result result;
      try {
        // The tree its check has just walked: the body is parsed once.
        result =
            new PdfJob.Result.Written(
                slug,
                renderer
                    .get()
                    .render(cs, study.body(), load.metadata(), pub, request.mode(), output));
      } catch (RenderException e) {
        result = new PdfJob.Result.NotWritten(slug, e.problems(), true);
      }
      return new Outcome(index, study, null, null, result, null);
    } catch (IOException | RuntimeException | Error e) {
      return new Outcome(index, study, null, null, null, e);
    }
  }

  /**
   * The results in slug order, or what rendering in turn would have thrown: the first load to fail
   * in slug order (the whole load came first), then the first date of a case study without errors,
   * then the first render in the order the renders were handed to the pool (longest body first).
   */
  private static List<PdfJob.Result> resolve(
      WorkspaceLoad load, List<String> slugs, Outcome[] outcomes) throws IOException {
    for (Outcome o : outcomes) {
      if (o.loadFailed() != null) {
        throw PdfJob.rethrow(o.loadFailed());
      }
    }
    List<WorkspaceLoad.Study> studies = new ArrayList<>();
    for (Outcome o : outcomes) {
      studies.add(o.study());
    }
    Loaded loaded = load.finish(studies);
    PdfJob.Result[] results = new PdfJob.Result[slugs.size()];
    List<Outcome> renderFailures = new ArrayList<>();
    for (int i = 0; i < slugs.size(); i++) {
      String slug = slugs.get(i);
      Outcome o = outcomes[i];
      List<Problem> problems = loaded.problemsOf(slug);
      CaseStudy cs = loaded.caseStudy(slug).orElse(null);
      boolean refused = cs == null || problems.stream().anyMatch(Problem::isError);
      if (refused) {
        if (o.tried()) {
          throw new IllegalStateException(slug + " was rendered, but the whole load refuses it");
        }
        results[i] =
            new PdfJob.Result.NotWritten(
                slug, problems.isEmpty() ? loaded.problems() : problems, false);
      } else if (o.dateFailed() != null) {
        throw PdfJob.rethrow(o.dateFailed());
      } else if (o.renderFailed() != null) {
        renderFailures.add(o);
      } else {
        results[i] = o.rendered();
      }
    }
    if (!renderFailures.isEmpty()) {
      Outcome first =
          renderFailures.stream()
              .min(
                  Comparator.comparing(
                          (Outcome o) -> o.study().caseStudy().orElseThrow(), PdfJob.LONGEST_FIRST)
                      .thenComparingInt(Outcome::index))
              .orElseThrow();
      throw PdfJob.rethrow(first.renderFailed());
    }
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        // Only a failed load or date skips a render, and both have thrown above.
        throw new IllegalStateException(slugs.get(i) + " was neither rendered nor refused");
      }
    }
    return List.of(results);
  }

  /** The size of the case study's Markdown file, 0 when it has none (its load says why). */
  private static long sourceSize(Workspace workspace, String slug) {
    try {
      return Files.size(workspace.caseStudyFile(slug));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * The renderer, made by the first task that renders (a batch of case studies that all have errors
   * makes none), and then shared: its fonts and metrics are parsed once for every document.
   */
  private static final class SharedRenderer {
    private Renderer renderer;

    synchronized Renderer get() {
      if (renderer == null) {
        renderer = Renderer.create();
      }
      return renderer;
    }
  }
}
