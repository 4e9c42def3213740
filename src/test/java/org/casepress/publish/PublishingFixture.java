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
  final LocalZenodo server;
  final List<Duration> sleeps = new ArrayList<>();
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

  PublishingFixture(Path tmp, String... slugs) throws IOException {
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
    server =
        LocalZenodo.start(tmp.resolve("zenodo"), 0, Options.defaults().withIndexLag(Duration.ZERO));
  }

  void approve(String slug) {
    ReviewWorkflow wf = new ReviewWorkflow(workspace);
    wf.apply(slug, Transition.SUBMIT, "priya-nandakumar", null);
    wf.apply(slug, Transition.START_REVIEW, "morgan-ellis", null);
    wf.apply(slug, Transition.APPROVE, "morgan-ellis", "ready");
  }

  ZenodoClient client() {
    return ZenodoClient.builder(Target.local(server.apiUrl()))
        .sleeper(sleeps::add)
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5))
        .build();
  }

  Loaded load() {
    return WorkspaceLoader.load(workspace);
  }

  Publisher publisher(ZenodoClient client, Publisher.Checkpoints checkpoints) {
    return new Publisher(
        workspace, load().metadata(), client, ledgers(), FAKE_PDF, clock, sleeps::add, checkpoints);
  }

  LedgerStore ledgers() {
    return LedgerStores.forTarget(workspace, "local");
  }

  ReleaseJob job(Publisher publisher) {
    return new ReleaseJob(workspace, load(), publisher, ledgers(), Progress.SILENT);
  }

  Selection all() {
    Loaded loaded = load();
    return Selection.of(loaded, List.of(), null, DATE);
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
