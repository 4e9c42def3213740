package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.casepress.localzenodo.Options;
import org.casepress.localzenodo.Route;
import org.casepress.zenodo.Deposition;
import org.casepress.zenodo.ZenodoClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, live at the event: a case study whose step is unresolved waits alongside the others,
 * with progress, and is resolved within the same run. Time passes only through the fixture's
 * sleeper, which moves the fixture's clock: no real waiting.
 */
@Timeout(120)
class WaitingAlongsideTest {
  static final String[] SLUGS = {"base-study", "second-study", "third-study"};

  /** Progress as the coordinator would read it, one line per event. */
  static final class Recorded implements Progress {
    final List<String> lines = new ArrayList<>();
    final List<Wait> waits = new ArrayList<>();

    @Override
    public void step(int index, int total, String slug, String step) {
      lines.add(slug + ": " + step);
    }

    @Override
    public void waiting(Wait wait) {
      waits.add(wait);
      lines.add(wait.line());
    }

    int first(String line) {
      return lines.indexOf(line);
    }

    int lastWaitOf(String slug) {
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).startsWith(slug + ": waiting for ")) {
          return i;
        }
      }
      return -1;
    }
  }

  private static PublishingFixture launch(Path tmp, Duration indexLag, Recorded progress)
      throws Exception {
    PublishingFixture f = new PublishingFixture(tmp, Options.defaults(), indexLag, SLUGS);
    f.sleeper =
        d -> {
          f.sleeps.add(d);
          f.advance(d);
        };
    f.progress = progress;
    for (String slug : SLUGS) {
      f.approve(slug);
    }
    return f;
  }

  @Test
  void aLostCreateWaitsWhileTheOtherCaseStudiesAreStaged(@TempDir Path tmp) throws Exception {
    Recorded progress = new Recorded();
    // Zenodo makes the first deposition but the proxy answers 504, and search shows a new draft
    // only ten seconds after it was made.
    try (PublishingFixture f = launch(tmp, Duration.ofSeconds(10), progress);
        ZenodoClient client = f.client()) {
      f.server.faults().failAfterCommit(Route.CREATE, 504, 1);

      ReleaseOutcome outcome = f.release(client);

      assertEquals(3, outcome.published().size(), progress.lines.toString());
      assertEquals(List.of(), outcome.failed());
      int setAside =
          progress.first(
              "base-study: waiting for Zenodo to show the deposition it may have created (0 s of 30 s)");
      assertTrue(setAside >= 0, progress.lines.toString());
      assertTrue(
          progress.first("second-study: staging on local") > setAside,
          "the others go on: " + progress.lines);
      assertTrue(
          progress.first("third-study: staging on local") < progress.lastWaitOf("base-study"),
          "the last study is staged before the first one is resolved: " + progress.lines);
      assertTrue(
          progress.lines.contains(
              "base-study: waiting for Zenodo to show the deposition it may have created (8 s of 30 s)"),
          progress.lines.toString());
      assertTrue(
          progress.waits.stream().allMatch(w -> w.slug().equals("base-study")),
          "only the study whose answer was lost waits");
      assertTrue(
          progress.waits.stream().allMatch(w -> w.elapsed().compareTo(w.bound()) < 0),
          "every look is within the bound");

      f.advance(Duration.ofMinutes(1));
      List<Deposition> all = f.everything(client);
      assertEquals(3, all.size(), "one deposit per case study: " + all);
      assertTrue(all.stream().allMatch(Deposition::published));
      Ledger.Entry first = f.ledgers().read("base-study").version(1).orElseThrow();
      assertTrue(
          first.events().stream().anyMatch(e -> e.outcome() == Ledger.Outcome.FOUND_AGAIN),
          "found again within the same run, not made twice: " + first.events());
      assertTrue(
          first.events().stream().noneMatch(e -> e.outcome() == Ledger.Outcome.NOT_FOUND),
          first.events().toString());
    }
  }

  @Test
  void contentZenodoRefusesStopsThatCaseStudyOnlyAndIsReportedAsARefusal(@TempDir Path tmp)
      throws Exception {
    Recorded progress = new Recorded();
    try (PublishingFixture f = launch(tmp, Duration.ZERO, progress);
        ZenodoClient client = f.client()) {
      f.server.faults().failBeforeCommit(Route.CREATE, 400, 1);

      PublishException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              PublishException.class, () -> f.stage(client, Publisher.Checkpoints.NONE));

      String message = refused.getMessage();
      assertTrue(message.contains("Zenodo refused what casepress sent for 1 case study"), message);
      assertTrue(message.contains("\n  base-study: "), message);
      assertTrue(message.contains("Staged: second-study, third-study."), message);
      assertTrue(progress.waits.isEmpty(), "a refusal is not waited for: " + progress.lines);
      assertTrue(
          f.ledgers().read("second-study").version(1).isPresent()
              && f.ledgers().read("third-study").version(1).isPresent(),
          "the others are staged");
      assertEquals(2, f.everything(client).size(), "no deposition for the refused study");
    }
  }

  @Test
  void aLostPublishIsReadBackWhileTheOthersArePublished(@TempDir Path tmp) throws Exception {
    Recorded progress = new Recorded();
    try (PublishingFixture f = launch(tmp, Duration.ZERO, progress);
        ZenodoClient client = f.client()) {
      int[] publishes = {0};
      Publisher.Checkpoints firstPublishLost =
          point -> {
            if (point.equals("publish started") && ++publishes[0] == 1) {
              // The first publish goes through but its answer is lost, and the next ten reads
              // (two looks of five attempts each) fail: Zenodo is busy.
              f.server.faults().failAfterCommit(Route.PUBLISH, 504, 1);
              f.server.faults().htmlError(Route.GET, 502, 10);
            }
          };

      ReleaseOutcome outcome = f.release(client, firstPublishLost);

      assertEquals(3, outcome.published().size(), progress.lines.toString());
      assertEquals(List.of(), outcome.failed());
      String firstLook = "base-study: waiting for Zenodo to show whether it published deposition ";
      int setAside = -1;
      for (int i = 0; i < progress.lines.size() && setAside < 0; i++) {
        if (progress.lines.get(i).startsWith(firstLook)) {
          setAside = i;
        }
      }
      assertTrue(setAside >= 0, progress.lines.toString());
      assertTrue(
          progress.first("third-study: publishing on local") > setAside
              && progress.first("third-study: publishing on local")
                  < progress.lastWaitOf("base-study"),
          progress.lines.toString());

      Ledger.Entry first = f.ledgers().read("base-study").version(1).orElseThrow();
      long sent =
          first.events().stream()
              .filter(e -> e.step() == Ledger.Step.PUBLISH && e.outcome() == Ledger.Outcome.STARTED)
              .count();
      assertEquals(1, sent, "read back, never sent again: " + first.events());
      Instant resolved = publishedAt(first);
      for (String other : List.of("second-study", "third-study")) {
        assertTrue(
            publishedAt(f.ledgers().read(other).version(1).orElseThrow()).isBefore(resolved),
            other + " was published before base-study was resolved");
      }
      List<Deposition> all = f.everything(client);
      assertEquals(3, all.size(), "one deposit per case study: " + all);
      assertTrue(all.stream().allMatch(Deposition::published));
    }
  }

  @Test
  void aCreateNeverShownIsMadeAgainOnceTheBoundIsSpent(@TempDir Path tmp) throws Exception {
    Recorded progress = new Recorded();
    try (PublishingFixture f = launch(tmp, Duration.ZERO, progress);
        ZenodoClient client = f.client()) {
      // Zenodo made the draft but never indexed it (LAUNCH.md section 1): no search shows it.
      f.server.faults().failAfterCommitUnindexed(Route.CREATE, 504, 1);

      ReleaseOutcome outcome = f.release(client);

      assertEquals(3, outcome.published().size());
      Progress.Wait last = progress.waits.get(progress.waits.size() - 1);
      assertEquals("base-study", last.slug());
      assertTrue(
          last.elapsed().compareTo(Publisher.WAIT_BOUND) < 0
              && last.elapsed().compareTo(Publisher.WAIT_BOUND.minus(Publisher.WAIT_PAUSE)) >= 0,
          "waited for the whole bound, no longer: " + last);
      Ledger.Entry first = f.ledgers().read("base-study").version(1).orElseThrow();
      assertTrue(
          first.events().stream().anyMatch(e -> e.outcome() == Ledger.Outcome.NOT_FOUND),
          first.events().toString());
    }
  }

  @Test
  void twoClonesThatEachMadeADepositionPublishOnlyTheFirst(@TempDir Path tmp) throws Exception {
    Recorded progress = new Recorded();
    // Search shows a new draft 20 s after it was made: the second clone, staging a second later,
    // does not see the first clone's deposition and makes its own.
    try (PublishingFixture f = launch(tmp, Duration.ofSeconds(20), progress);
        ZenodoClient client = f.client()) {
      org.casepress.source.Workspace coordinator = f.cloneWithoutLedgers(tmp.resolve("other"));
      f.stage(client, Publisher.Checkpoints.NONE, "base-study");
      f.advance(Duration.ofSeconds(1));
      try (Session session = f.session(coordinator, client, Publisher.Checkpoints.NONE)) {
        session.stage(List.of("base-study"), null);
      }
      long writers = f.ledgers().read("base-study").version(1).orElseThrow().depositId();
      LedgerStore theirs = LedgerStores.forTarget(coordinator, TargetKind.LOCAL);
      long coordinators = theirs.read("base-study").version(1).orElseThrow().depositId();
      assertTrue(writers < coordinators, "two depositions of one version: the race");

      ReleaseOutcome first = f.release(client);
      ReleaseOutcome second;
      try (Session session = f.session(coordinator, client, Publisher.Checkpoints.NONE)) {
        second = session.release(List.of("base-study"), null, batch -> true);
      }

      assertEquals(List.of(), first.failed());
      assertEquals(List.of(), second.failed());
      assertTrue(
          progress.lines.stream().anyMatch(l -> l.contains("Zenodo's search to show deposition")),
          "the first clone waited for search to show its own deposition: " + progress.lines);
      f.advance(Duration.ofMinutes(1));
      List<Deposition> all =
          f.everything(client).stream()
              .filter(
                  d ->
                      d.carriesAlternateIdentifier(
                          "urn:casepress:the-turing-way-practitioners:base-study:v1"))
              .toList();
      assertEquals(1, all.size(), "one deposition, the other clone's draft discarded: " + all);
      assertEquals(writers, all.get(0).id());
      assertTrue(all.get(0).published());
      // A store reads each file once: read the coordinator's ledger afresh.
      Ledger.Entry adopted =
          LedgerStores.forTarget(coordinator, TargetKind.LOCAL)
              .read("base-study")
              .version(1)
              .orElseThrow();
      assertEquals(
          writers,
          adopted.depositId(),
          "the coordinator's ledger records the one: " + adopted.events());
      assertEquals(all.get(0).doi(), adopted.doi());
    }
  }

  @Test
  void aWaitReadsAsTheCoordinatorSeesIt() {
    assertEquals(
        "northmoor: waiting for Zenodo to show the deposition it may have created (12 s of 30 s)",
        new Progress.Wait(
                "northmoor",
                "Zenodo to show the deposition it may have created",
                Duration.ofMillis(12_400),
                Duration.ofSeconds(30))
            .line());
  }

  private static Instant publishedAt(Ledger.Entry entry) {
    return entry.events().stream()
        .filter(e -> e.step() == Ledger.Step.PUBLISH && e.outcome() == Ledger.Outcome.DONE)
        .map(Ledger.Event::time)
        .findFirst()
        .orElseThrow(() -> new AssertionError("not published: " + entry.events()));
  }
}
