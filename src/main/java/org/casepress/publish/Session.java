package org.casepress.publish;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casepress.model.CaseStudy;
import org.casepress.model.CasepressException;
import org.casepress.model.Role;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.LocalWriteException;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.Actors;
import org.casepress.workflow.StatusFile;
import org.casepress.workflow.WorkspaceLock;
import org.casepress.zenodo.Doctor;
import org.casepress.zenodo.DoctorCheck;
import org.casepress.zenodo.OutcomeUnknownException;
import org.casepress.zenodo.Sleeper;
import org.casepress.zenodo.ZenodoClient;
import org.casepress.zenodo.ZenodoException;

/**
 * One publishing command on one target, the library API every front-end uses: {@link #open} takes
 * the workspace lock, loads the workspace once and holds the target's client (starting the embedded
 * server for {@code local}), the ledgers and the renderer until {@link #close}. Each call ({@link
 * #plan}, {@link #stage}, {@link #release}, {@link #reopen}, {@link #unstage}, {@link #verify})
 * fails only with a {@link PublishException} (or another of casepress's exceptions) whose message
 * says what to do; failures of Zenodo are translated here, once.
 */
public final class Session implements AutoCloseable {
  private final Workspace workspace;
  private final WorkspaceLock lock;
  private final Loaded loaded;
  private final Statuses statuses;
  private final TargetKind target;
  private final LedgerStore ledgers;
  private final Remote remote;
  private final String actorId;
  private final ReleaseJob job;
  private final Clock clock;
  private Publisher publisher;

  /** How a session reaches the target's client and renders PDFs; tests supply their own. */
  interface Remote extends AutoCloseable {
    ZenodoClient client() throws IOException;

    Publisher publisher(
        Workspace workspace,
        Statuses statuses,
        Loaded loaded,
        ZenodoClient client,
        TargetKind target,
        LedgerStore ledgers);

    @Override
    void close();
  }

  private Session(
      Workspace workspace,
      WorkspaceLock lock,
      Loaded loaded,
      TargetKind target,
      Remote remote,
      String actorId,
      Progress progress,
      Clock clock) {
    this.workspace = workspace;
    this.lock = lock;
    this.loaded = loaded;
    this.statuses = new Statuses(workspace);
    this.target = target;
    this.ledgers = LedgerStores.forTarget(workspace, statuses, target);
    this.remote = remote;
    this.actorId = actorId;
    this.clock = clock;
    this.job =
        new ReleaseJob(workspace, loaded, statuses, target, this::publisher, ledgers, progress);
  }

  /**
   * Opens a session: takes the workspace lock (waiting a few seconds for another command), then
   * loads the workspace. The target is connected on the first call that needs it, so {@link #plan}
   * never opens a connection.
   *
   * @param actorId who is acting ({@code --as}), or null; required on production
   * @param progress told which case study and step a run is at
   */
  public static Session open(
      Workspace workspace, Destination destination, String actorId, Progress progress) {
    Remote remote = new ConnectedRemote(workspace, destination);
    return open(workspace, destination.target(), remote, actorId, progress, Clock.systemUTC());
  }

  static Session open(
      Workspace workspace,
      TargetKind target,
      Remote remote,
      String actorId,
      Progress progress,
      Clock clock) {
    WorkspaceLock lock =
        WorkspaceLock.acquire(
            workspace, "publishing on " + target.id(), WorkspaceLock.DEFAULT_WAIT, clock);
    try {
      Loaded loaded = WorkspaceLoader.load(workspace);
      return new Session(workspace, lock, loaded, target, remote, actorId, progress, clock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  public TargetKind target() {
    return target;
  }

  /**
   * How many case studies of the workspace load: what {@link #verify} checks when none is named.
   */
  public int caseStudyCount() {
    return loaded.caseStudies().size();
  }

  /** What stage and release would do for the selection; sends nothing. */
  public List<PlanRow> plan(List<String> slugs, String launch) {
    return job.plan(select(slugs, launch), true);
  }

  /**
   * Stages every approved case study of the selection: drafts with reserved DOIs and final PDFs.
   */
  public List<Staged> stage(List<String> slugs, String launch) {
    if (target.isProduction()) {
      Actors.withRole(
          loaded.metadata(), actorId, "stage on production", Role.WRITER, Role.COORDINATOR);
    }
    Selection selection = select(slugs, launch);
    return remotely(() -> job.stage(selection));
  }

  /**
   * Publishes the selection, exactly once, and writes the launch announcement. On local and sandbox
   * what is approved is staged first; on production only what was staged is published, by a
   * coordinator, after {@code confirmation}.
   */
  public ReleaseOutcome release(List<String> slugs, String launch, Confirmation confirmation) {
    String actor =
        target.isProduction()
            ? Actors.withRole(loaded.metadata(), actorId, "release on production", Role.COORDINATOR)
                .id()
            : null;
    Selection selection = select(slugs, launch);
    return remotely(() -> job.release(selection, confirmation, actor));
  }

  /**
   * What {@link #acceptCommunityRequests} did.
   *
   * @param requests how many requests were accepted
   * @param announcement the launch announcement written again with the new community states, or
   *     empty when release wrote none for this selection on this target
   */
  public record Accepted(int requests, Optional<Path> announcement) {}

  /**
   * Accepts the open community-inclusion requests of the selection's published records, for a
   * coordinator who curates the community, so that the launch shows in it when announced; records
   * what Zenodo then says in the ledgers and writes the announcement again.
   */
  public Accepted acceptCommunityRequests(List<String> slugs, String launch) {
    Selection selection = select(slugs, launch);
    return remotely(
        () -> {
          int accepted = 0;
          for (CaseStudy cs : selection.caseStudies()) {
            accepted += publisher().acceptInclusion(cs);
          }
          return new Accepted(accepted, job.announceAgain(selection));
        });
  }

  /**
   * Rehearses a reopen on this target (local or sandbox): the next version is opened in this
   * target's ledger only, so that it can be edited, staged and released here as a new version of
   * what was released here, before the real reopen. status.json's review state and version, which
   * are shared with production, do not change: a rehearsal never makes it claim a publication or a
   * new version that production does not have. Sends nothing to Zenodo.
   *
   * @param comment what the correction is for, kept in the ledger; may be null
   * @throws PublishException when nothing of the case study is published on this target, or the
   *     version it works on is not published yet
   */
  public Reopened reopen(String slug, String comment) {
    if (!target.rehearses()) {
      throw PublishException.usage(
          "reopen on production is the review step: run ./casepress reopen "
              + slug
              + " without --target (it needs a writer or coordinator, --as PERSON).");
    }
    Selection.named(loaded, slug);
    String by = actorId == null ? null : Actors.find(loaded.metadata(), actorId).id();
    StatusFile status = statuses.of(slug);
    Ledger ledger = ledgers.read(slug);
    int working = ledger.workingVersion(status.version());
    Optional<Ledger.Entry> current = ledger.version(working);
    if (current.isEmpty() || !current.get().phase().isPublished()) {
      Optional<Ledger.Entry> published = ledger.latestPublished();
      throw PublishException.problem(
          published.isEmpty()
              ? slug
                  + ": nothing of it is published on "
                  + target
                  + ", so there is no version to reopen there. Release it there first"
                  + " (./casepress release "
                  + slug
                  + " --target "
                  + target
                  + "), then reopen it with --target "
                  + target
                  + "."
              : slug
                  + ": version "
                  + working
                  + " is open on "
                  + target
                  + " already (it follows version "
                  + published.get().version()
                  + ", "
                  + published.get().doi()
                  + "). Edit it, then stage and release it there (./casepress release "
                  + slug
                  + " --target "
                  + target
                  + ").");
    }
    int next = working + 1;
    ledgers.write(
        slug,
        ledger.reopenedAs(
            new Ledger.Reopening(
                next,
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                by,
                comment == null || comment.isBlank() ? null : comment.strip())));
    return new Reopened(slug, target, next, current.get().doi(), status.version());
  }

  /**
   * Discards the staged draft of a case study's current version and forgets it.
   *
   * @return false when nothing was staged
   */
  public boolean unstage(String slug) {
    CaseStudy cs = Selection.named(loaded, slug);
    return remotely(() -> publisher().unstage(cs));
  }

  /**
   * Compares what the target holds with the ledgers of the named case studies (all when none is
   * named). Changes nothing on Zenodo; the ledgers get the community state read now.
   *
   * @return one line per discrepancy; empty when all is as recorded
   */
  public List<String> verify(List<String> slugs) {
    List<CaseStudy> chosen =
        slugs.isEmpty()
            ? loaded.caseStudies()
            : slugs.stream().map(s -> Selection.named(loaded, s)).toList();
    return remotely(
        () -> {
          List<String> found = new ArrayList<>();
          for (CaseStudy cs : chosen) {
            found.addAll(publisher().audit(cs));
            publisher().refreshCommunities(cs);
          }
          return found;
        });
  }

  /**
   * Checks the target without a session (no lock, nothing written): token, API, token accepted,
   * community.
   */
  public static List<DoctorCheck> doctor(Workspace workspace, Destination destination) {
    String community =
        WorkspaceLoader.load(workspace, List.of()).metadata().community().community();
    try (TargetConnection connection = TargetConnection.open(workspace, destination, false)) {
      return Doctor.run(connection.client(), community);
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  /** Runs the workspace's embedded server in the foreground, for browsing rehearsed records. */
  public static void serveLocal(Workspace workspace, LocalServing how, PrintStream out)
      throws Exception {
    TargetConnection.serve(workspace, how, out);
  }

  private Selection select(List<String> slugs, String launch) {
    return Selection.of(loaded, slugs, launch, LocalDate.now(clock));
  }

  private Publisher publisher() {
    if (publisher == null) {
      ZenodoClient client;
      try {
        client = remote.client();
      } catch (IOException e) {
        throw unavailable(e);
      }
      publisher = remote.publisher(workspace, statuses, loaded, client, target, ledgers);
    }
    return publisher;
  }

  @FunctionalInterface
  private interface RemoteCall<T> {
    T call() throws IOException;
  }

  /**
   * Runs a step that talks to Zenodo, turning Zenodo's failures into messages that say what to do.
   */
  private static <T> T remotely(RemoteCall<T> call) {
    try {
      return call.call();
    } catch (OutcomeUnknownException e) {
      throw new PublishException(
          "Zenodo did not answer in time ("
              + e.getMessage()
              + "). Everything done so far is recorded: run the same"
              + " command again later and it continues where it stopped.",
          true,
          e);
    } catch (ZenodoException e) {
      throw new PublishException(
          "Zenodo refused: "
              + e.getMessage()
              + (e.temporary() ? " Try again later; the run continues where it stopped." : ""),
          e.temporary(),
          e);
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  /**
   * The network was not there, unless it was this computer's disk that failed or the run's caller
   * stopped it.
   */
  private static CasepressException unavailable(IOException e) {
    // Publishing writes PDFs, ledgers and announcements too: a full disk is not the network.
    if (LocalWriteException.isLocal(e)) {
      return LocalWriteException.of(e);
    }
    if (Thread.currentThread().isInterrupted()) {
      // Its caller stopped the run (it interrupted the thread): nothing says the network failed.
      return new PublishException(
          "The run was stopped before it finished ("
              + e.getMessage()
              + "). Everything done so far is recorded: run the same command again and it"
              + " continues where it stopped.",
          true,
          e);
    }
    return new PublishException(
        "Zenodo could not be reached ("
            + e.getMessage()
            + "). Check the network and run the command again;"
            + " it continues where it stopped.",
        true,
        e);
  }

  @Override
  public void close() {
    try {
      remote.close();
    } finally {
      lock.close();
    }
  }

  /** The real thing: the target's client opened on first use, PDFs from the renderer. */
  private static final class ConnectedRemote implements Remote {
    private final Workspace workspace;
    private final Destination destination;
    private TargetConnection connection;

    ConnectedRemote(Workspace workspace, Destination destination) {
      this.workspace = workspace;
      this.destination = destination;
    }

    @Override
    public ZenodoClient client() throws IOException {
      if (connection == null) {
        connection = TargetConnection.open(workspace, destination, true);
      }
      return connection.client();
    }

    @Override
    public Publisher publisher(
        Workspace workspace,
        Statuses statuses,
        Loaded loaded,
        ZenodoClient client,
        TargetKind target,
        LedgerStore ledgers) {
      return new Publisher(
          workspace,
          statuses,
          loaded.metadata(),
          client,
          target,
          ledgers,
          FinalPdf.typeset(Renderer.create(), loaded),
          Clock.systemUTC(),
          Sleeper.REAL,
          Publisher.Checkpoints.NONE);
    }

    @Override
    public void close() {
      if (connection != null) {
        connection.close();
      }
    }
  }
}
