package org.casepress.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.localzenodo.Options;
import org.casepress.model.CaseStudy;
import org.casepress.source.Loaded;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.ReviewWorkflow;
import org.casepress.workflow.Transition;
import org.casepress.zenodo.Deposition;
import org.casepress.zenodo.DepositionQuery;
import org.casepress.zenodo.Sleeper;
import org.casepress.zenodo.Target;
import org.casepress.zenodo.ZenodoClient;

/**
 * A workspace with approved case studies, the embedded Zenodo server and a publisher wired to both,
 * for publishing tests. PDFs come from a stand-in that writes a small deterministic file carrying
 * the DOI, so these tests exercise publishing, not typesetting.
 */
final class PublishingFixture implements AutoCloseable {
  static final LocalDate DATE = LocalDate.of(2026, 12, 10);
  static final FinalPdf FAKE_PDF =
      (cs, md, version, date, doi, output) ->
          Files.writeString(
              output,
              "%PDF-1.7\n% "
                  + cs.slug()
                  + " v"
                  + version
                  + " "
                  + date
                  + " DOI "
                  + doi
                  + "\n%%EOF\n",
              StandardCharsets.US_ASCII);

  final Path root;
  final Workspace workspace;
  private final Path serverDir;
  LocalZenodo server;
  final List<Duration> sleeps = new ArrayList<>();

  /** How the publisher waits; by default it only records, a test of real timing sleeps too. */
  Sleeper sleeper = sleeps::add;

  /** What sessions tell the person at the launch. */
  Progress progress = Progress.SILENT;

  /** How sessions' publishers make final PDFs. */
  FinalPdf pdf = FAKE_PDF;

  private Instant now = Instant.parse("2026-12-10T10:00:00Z");

  /** A clock the test moves on, as time passes between a user's runs. */
  final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  void advance(Duration d) {
    now = now.plus(d);
  }

  private final Options options;

  PublishingFixture(Path tmp, String... slugs) throws IOException {
    this(tmp, Options.defaults(), slugs);
  }

  /** With the embedded server configured by {@code options} (index lag is always zero here). */
  PublishingFixture(Path tmp, Options options, String... slugs) throws IOException {
    this(tmp, options, Duration.ZERO, slugs);
  }

  /**
   * With the embedded server configured by {@code options} and a search that shows a new draft only
   * {@code indexLag} after it was made, by this fixture's clock.
   */
  PublishingFixture(Path tmp, Options options, Duration indexLag, String... slugs)
      throws IOException {
    // The server keeps the system clock unless its search lag is to pass by this fixture's clock.
    this.options =
        indexLag.isZero()
            ? options.withIndexLag(Duration.ZERO)
            : options.withIndexLag(indexLag).withClock(clock);
    root = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws"));
    for (String slug : slugs) {
      if (!slug.equals("base-study")) {
        TestWorkspaces.copy(
            root.resolve("case-studies/base-study"), root.resolve("case-studies/" + slug));
        Path md = root.resolve("case-studies/" + slug + "/case-study.md");
        Files.writeString(
            md,
            Files.readString(md)
                .replace("Opening the flood model", "Opening the flood model (" + slug + ")"));
      }
    }
    workspace = new Workspace(root);
    // The sleeper here is fake, so the server's real-time index refresh would never pass: search
    // lag is injected per test, counted in list calls (Faults.searchLag).
    serverDir = tmp.resolve("zenodo");
    server = LocalZenodo.start(serverDir, 0, this.options);
  }

  /** Stops the embedded server and starts it again on its storage, on a new port. */
  void restartServer() throws IOException {
    server.close();
    server = LocalZenodo.start(serverDir, 0, options);
  }

  /**
   * A second clone of the same repository: the workspace as it is now (reviews and all), without
   * this clone's ledgers, which live outside version control until committed.
   */
  Workspace cloneWithoutLedgers(Path where) throws IOException {
    Path copy = TestWorkspaces.copy(root, where);
    Path ledgerDir = new Workspace(copy).stateDir().resolve("ledgers");
    if (Files.exists(ledgerDir)) {
      try (var files = Files.walk(ledgerDir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return new Workspace(copy);
  }

  void approve(String slug) {
    ReviewWorkflow wf = new ReviewWorkflow(workspace);
    wf.apply(slug, Transition.SUBMIT, "priya-nandakumar", null);
    wf.apply(slug, Transition.START_REVIEW, "morgan-ellis", null);
    wf.apply(slug, Transition.APPROVE, "morgan-ellis", "ready");
  }

  ZenodoClient client() {
    return client(null);
  }

  /** A client sending {@code token} (null: none), as one account's member would. */
  ZenodoClient client(String token) {
    ZenodoClient.Builder builder = ZenodoClient.builder(Target.local(server.apiUrl()));
    if (token != null) {
      builder.token(org.casepress.zenodo.Token.of(token));
    }
    return builder
        .sleeper(sleeps::add)
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5))
        .build();
  }

  Loaded load() {
    return WorkspaceLoader.load(workspace);
  }

  /** A publisher outside any session, for tests of one step (preflight, unstage). */
  Publisher publisher(ZenodoClient client, Publisher.Checkpoints checkpoints) {
    return new Publisher(
        workspace,
        new Statuses(workspace),
        load().metadata(),
        client,
        TargetKind.LOCAL,
        ledgers(),
        FAKE_PDF,
        clock,
        sleeper,
        checkpoints);
  }

  /**
   * A session on the local target through the library API, as every front-end opens one: it takes
   * the workspace lock. The client, the PDFs, the clock and the crash points are the fixture's.
   */
  Session session(ZenodoClient client, Publisher.Checkpoints checkpoints) {
    return session(workspace, client, checkpoints);
  }

  /** A session like {@link #session(ZenodoClient, Publisher.Checkpoints)} in another workspace. */
  Session session(Workspace in, ZenodoClient client, Publisher.Checkpoints checkpoints) {
    return session(in, TargetKind.LOCAL, client, checkpoints);
  }

  /**
   * A session on {@code target} whose remote is the embedded server: the target decides where the
   * ledgers live and which DOIs are printed, the server stands in for that target's Zenodo.
   */
  Session session(
      Workspace in, TargetKind target, ZenodoClient client, Publisher.Checkpoints checkpoints) {
    Session.Remote remote =
        new Session.Remote() {
          @Override
          public ZenodoClient client() {
            return client;
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
                pdf,
                clock,
                sleeper,
                checkpoints);
          }

          @Override
          public void close() {}
        };
    return Session.open(in, target, remote, null, progress, clock);
  }

  ReleaseOutcome release(ZenodoClient client) {
    return release(client, Publisher.Checkpoints.NONE);
  }

  ReleaseOutcome release(ZenodoClient client, Publisher.Checkpoints checkpoints) {
    try (Session session = session(client, checkpoints)) {
      return session.release(List.of(), null, batch -> true);
    }
  }

  List<Staged> stage(ZenodoClient client, Publisher.Checkpoints checkpoints, String... slugs) {
    try (Session session = session(client, checkpoints)) {
      return session.stage(List.of(slugs), null);
    }
  }

  List<PlanRow> plan() {
    try (Session session = session(null, Publisher.Checkpoints.NONE)) {
      return session.plan(List.of(), null);
    }
  }

  LedgerStore ledgers() {
    return LedgerStores.forTarget(workspace, TargetKind.LOCAL);
  }

  CaseStudy caseStudy(String slug) {
    return load().caseStudy(slug).orElseThrow();
  }

  /**
   * Every deposition on the server, drafts and published, all versions. Asks several times, so that
   * injected search lag has passed: the last answer is complete.
   */
  List<Deposition> everything(ZenodoClient client) throws IOException {
    List<Deposition> last = List.of();
    for (int i = 0; i < 10; i++) {
      last = client.list(DepositionQuery.all().withAllVersions().page(1, 100));
    }
    return last;
  }

  @Override
  public void close() {
    server.close();
  }
}
