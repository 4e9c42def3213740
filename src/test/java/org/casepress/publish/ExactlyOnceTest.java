package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.casepress.localzenodo.Route;
import org.casepress.zenodo.Deposition;
import org.casepress.zenodo.ZenodoClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exactly once, under faults: for many seeds, the embedded server injects failures into every kind
 * of request (errors after the work was done, HTML proxy errors, rate-limit bursts, uploads cut
 * off, search lag) and the run "crashes" at a random step; then the release is run again until it
 * finishes. Every seed must end with one published deposition per case study version, no orphan
 * drafts, and a ledger that matches the server.
 *
 * <p>The number of seeds is {@code -Dcasepress.faultSeeds=N} (default 24 in the test suite; the
 * soak script runs many more and records the figures in FAULTS.md).
 */
@Timeout(600)
class ExactlyOnceTest {
  static final int SEEDS = Integer.getInteger("casepress.faultSeeds", 24);
  static final List<String> REPORT = new ArrayList<>();
  static int totalRuns;
  static int totalFaults;
  static int totalCrashes;

  /** Thrown at a checkpoint to stand for the process dying there. */
  static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash(String point) {
      super("simulated crash at " + point, null, false, false);
    }
  }

  static Stream<Long> seeds() {
    return IntStream.rangeClosed(1, SEEDS).mapToObj(i -> (long) i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everySeedEndsWithExactlyOnePublicationPerCaseStudy(long seed, @TempDir Path tmp)
      throws Exception {
    Random random = new Random(seed);
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study", "second-study")) {
      f.approve("base-study");
      f.approve("second-study");
      int faults = injectFaults(f, random, ROUTES);
      int crashAt = random.nextInt(14); // 0: no crash; else the n-th checkpoint of the first run
      int runs = runUntilDone(f, crashAt);
      boolean done = runs > 0;
      runs = Math.abs(runs);
      assertTrue(done, "seed " + seed + ": not finished after " + runs + " runs");
      f.server.faults().clear();
      int duplicates = assertExactlyOnce(f, seed);
      synchronized (REPORT) {
        totalRuns += runs;
        totalFaults += faults;
        totalCrashes += crashAt > 0 ? 1 : 0;
        REPORT.add(
            "seed "
                + seed
                + ": "
                + faults
                + " faults, crash at checkpoint "
                + crashAt
                + ", "
                + runs
                + " runs, "
                + duplicates
                + " duplicates");
      }
    }
  }

  static final Route[] ROUTES = {
    Route.CREATE, Route.UPLOAD, Route.UPDATE, Route.GET, Route.PUBLISH, Route.RECORD_GET, Route.LIST
  };
  static final Route[] NEW_VERSION_ROUTES = {
    Route.NEWVERSION,
    Route.FILE_LIST,
    Route.FILE_DELETE,
    Route.UPLOAD,
    Route.UPDATE,
    Route.GET,
    Route.PUBLISH,
    Route.RECORD_GET,
    Route.LIST
  };

  /**
   * Runs the release as a user would until it finishes: after a crash or a failure, again, a few
   * minutes later. Returns the number of runs, negative when it never finished.
   */
  static int runUntilDone(PublishingFixture f, int crashAt) {
    int runs = 0;
    while (runs < 12) {
      runs++;
      int[] reached = {0};
      int crashHere = runs == 1 ? crashAt : 0;
      Publisher.Checkpoints checkpoints =
          point -> {
            if (++reached[0] == crashHere) {
              throw new SimulatedCrash(point);
            }
          };
      try (ZenodoClient client = f.client()) {
        f.release(client, checkpoints);
        return runs;
      } catch (SimulatedCrash | PublishException | UncheckedIOException e) {
        // A crash or a failure the user would see: they run the command again a little later.
        f.advance(Duration.ofMinutes(3));
      }
    }
    return -runs;
  }

  private static int injectFaults(PublishingFixture f, Random random, Route[] routes) {
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      switch (random.nextInt(5)) {
        case 0 ->
            f.server
                .faults()
                .failAfterCommit(
                    routes[random.nextInt(routes.length)], random.nextBoolean() ? 500 : 504, 1);
        case 1 ->
            f.server
                .faults()
                .htmlError(routes[random.nextInt(routes.length)], 502, 1 + random.nextInt(2));
        case 2 -> f.server.faults().rateLimitBurst(1 + random.nextInt(3));
        case 3 -> f.server.faults().dropConnectionMidUpload(1);
        default -> f.server.faults().searchLag(1 + random.nextInt(8));
      }
    }
    return count;
  }

  /** Asserts one published deposition per case study, no orphan drafts, ledger = server. */
  private static int assertExactlyOnce(PublishingFixture f, long seed) throws IOException {
    try (ZenodoClient client = f.client()) {
      List<Deposition> all = f.everything(client);
      int duplicates = 0;
      for (String slug : List.of("base-study", "second-study")) {
        String id = "urn:casepress:the-turing-way-practitioners:" + slug + ":v1";
        List<Deposition> ours = all.stream().filter(d -> d.carriesAlternateIdentifier(id)).toList();
        List<Deposition> published = ours.stream().filter(Deposition::published).toList();
        duplicates += Math.max(0, published.size() - 1);
        assertEquals(
            1,
            published.size(),
            "seed "
                + seed
                + ", "
                + slug
                + ": published depositions "
                + ours
                + " all: "
                + all.stream()
                    .map(
                        d ->
                            d.id()
                                + "/"
                                + d.state()
                                + "/"
                                + d.metadata().path("related_identifiers"))
                    .toList()
                + " ledger "
                + f.ledgers().read(slug));
        assertEquals(1, ours.size(), "seed " + seed + ", " + slug + ": orphan drafts " + ours);
        Ledger.Entry entry = f.ledgers().read(slug).version(1).orElseThrow();
        assertEquals(Ledger.Phase.VERIFIED, entry.phase(), "seed " + seed);
        assertEquals(
            published.get(0).id(),
            entry.depositId(),
            "seed " + seed + ": ledger and server disagree");
        assertEquals(published.get(0).doi(), entry.doi(), "seed " + seed);
        assertEquals(
            entry.reservedDoi(), entry.doi(), "seed " + seed + ": the PDF carries the minted DOI");
      }
      assertEquals(2, all.size(), "seed " + seed + ": nothing else on the server " + all);
      return duplicates;
    }
  }

  @AfterAll
  static void writeReport() throws IOException {
    Path out = Path.of("target", "fault-injection.txt");
    Files.createDirectories(out.getParent());
    List<String> lines = new ArrayList<>(REPORT);
    lines.sort(null);
    lines.add(
        String.format(
            "%d seeds, %d runs, %d faults injected, %d simulated crashes, 0 duplicates",
            REPORT.size(), totalRuns, totalFaults, totalCrashes));
    Files.write(out, lines);
  }

  static Stream<Long> newVersionSeeds() {
    return IntStream.rangeClosed(1, Math.max(1, SEEDS / 2)).mapToObj(i -> 1000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("newVersionSeeds")
  void everySeedOfANewVersionEndsWithOnePublicationPerVersion(long seed, @TempDir Path tmp)
      throws Exception {
    Random random = new Random(seed);
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study")) {
      f.approve("base-study");
      assertTrue(runUntilDone(f, 0) > 0);
      PublisherTest.reopenAndApproveAgain(f);
      int faults = injectFaults(f, random, NEW_VERSION_ROUTES);
      int crashAt = random.nextInt(16);
      int runs = runUntilDone(f, crashAt);
      assertTrue(runs > 0, "seed " + seed + ": not finished after " + -runs + " runs");
      f.server.faults().clear();
      try (ZenodoClient client = f.client()) {
        List<Deposition> all = f.everything(client);
        assertEquals(
            2, all.size(), "seed " + seed + ": one deposition per version, no orphans: " + all);
        assertTrue(all.stream().allMatch(Deposition::published), "seed " + seed + ": " + all);
        assertEquals(
            1,
            all.stream().map(Deposition::conceptrecid).distinct().count(),
            "seed " + seed + ": one concept");
        for (int v = 1; v <= 2; v++) {
          String id = "urn:casepress:the-turing-way-practitioners:base-study:v" + v;
          Ledger.Entry entry = f.ledgers().read("base-study").version(v).orElseThrow();
          Deposition d =
              all.stream().filter(x -> x.carriesAlternateIdentifier(id)).findFirst().orElseThrow();
          assertEquals(d.id(), entry.depositId(), "seed " + seed + " v" + v);
          assertEquals(Ledger.Phase.VERIFIED, entry.phase(), "seed " + seed + " v" + v);
          assertEquals(
              1, client.get(d.id()).files().size(), "seed " + seed + " v" + v + ": one PDF");
        }
      }
      synchronized (REPORT) {
        totalRuns += runs;
        totalFaults += faults;
        totalCrashes += crashAt > 0 ? 1 : 0;
        REPORT.add(
            "new-version seed "
                + seed
                + ": "
                + faults
                + " faults, crash at checkpoint "
                + crashAt
                + ", "
                + runs
                + " runs, 0 duplicates");
      }
    }
  }

  @Test
  void publishAnsweredWith504AfterCommitIsNotRepeated(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study");
        ZenodoClient client = f.client()) {
      f.approve("base-study");
      f.server.faults().failAfterCommit(Route.PUBLISH, 504, 1);

      ReleaseOutcome outcome = f.release(client);

      assertEquals(1, outcome.published().size());
      List<Deposition> all = f.everything(client);
      assertEquals(1, all.size());
      assertTrue(all.get(0).published());
      Ledger.Entry entry = f.ledgers().read("base-study").version(1).orElseThrow();
      assertTrue(
          entry.events().stream()
              .anyMatch(
                  e ->
                      e.step() == Ledger.Step.PUBLISH
                          && e.outcome() == Ledger.Outcome.ANSWER_LOST));
    }
  }

  @Test
  void crashBetweenCreateAndRecordingItsIdFindsTheDepositAgain(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study")) {
      f.approve("base-study");
      f.server.faults().searchLag(2);
      try (ZenodoClient client = f.client()) {
        f.stage(
            client,
            point -> {
              if (point.equals("create answered")) {
                throw new SimulatedCrash(point);
              }
            });
        fail("the crash should have stopped the run");
      } catch (SimulatedCrash expected) {
        // the process died after Zenodo created the deposition, before its id was written
      }
      try (ZenodoClient client = f.client()) {
        f.release(client);
        assertEquals(1, f.everything(client).size());
        Ledger.Entry entry = f.ledgers().read("base-study").version(1).orElseThrow();
        assertTrue(
            entry.events().stream().anyMatch(e -> e.outcome() == Ledger.Outcome.FOUND_AGAIN),
            entry.events().toString());
      }
    }
  }
}
