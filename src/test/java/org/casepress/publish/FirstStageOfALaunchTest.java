package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casepress.localzenodo.Route;
import org.casepress.model.CaseStudy;
import org.casepress.model.CasepressException;
import org.casepress.model.Metadata;
import org.casepress.model.Problem;
import org.casepress.render.Renderer;
import org.casepress.zenodo.DepositFile;
import org.casepress.zenodo.Deposition;
import org.casepress.zenodo.Target;
import org.casepress.zenodo.ZenodoClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first stage of a launch, every case study new: stage makes every deposition first, one
 * request at a time on the session's thread, and each final PDF is rendered ahead on the pool as
 * soon as its create is answered (its DOI is known), while the next creates wait on Zenodo; then
 * each is uploaded in its turn. What Zenodo holds and the bytes it receives are those of one study
 * staged after the other; a stop anywhere after the creates leaves drafts the next stage continues.
 */
@Timeout(180)
class FirstStageOfALaunchTest {
  private static final List<String> STUDIES = List.of("study-a", "study-b", "study-c");
  private static final FinalPdf TYPESET = FinalPdf.typeset(Renderer.create());

  /** Thrown at a checkpoint, or by a renderer, to stand for the process dying there. */
  private static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash(String point) {
      super("simulated crash at " + point, null, false, false);
    }
  }

  /** Stands for the process killed while it renders: an Error, which no render catches. */
  private static final class SimulatedKill extends Error {
    SimulatedKill() {
      super("simulated kill while rendering ahead", null, false, false);
    }
  }

  private static PublishingFixture approved(Path tmp) throws IOException {
    PublishingFixture f = new PublishingFixture(tmp, STUDIES.toArray(String[]::new));
    for (String slug : STUDIES) {
      f.approve(slug);
    }
    return f;
  }

  private static List<Staged> stageAll(PublishingFixture f, ZenodoClient c) {
    return stageAll(f, c, Publisher.Checkpoints.NONE);
  }

  private static List<Staged> stageAll(
      PublishingFixture f, ZenodoClient c, Publisher.Checkpoints checkpoints) {
    return f.stage(c, checkpoints, STUDIES.toArray(String[]::new));
  }

  private static Path staged(PublishingFixture f, String slug) {
    return f.workspace.buildDir().resolve("stage/local/" + slug + "-v1.pdf");
  }

  private static List<StageOutcome> outcomes(List<Staged> staged) {
    return staged.stream().map(Staged::outcome).toList();
  }

  /** The names in build/stage/local/, hidden ones (what is rendered ahead) included. */
  private static List<String> stageFolder(PublishingFixture f) throws IOException {
    Path folder = f.workspace.buildDir().resolve("stage/local");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Every deposition on the server by id, with the checksums of its files. */
  private static Map<Long, List<String>> onServer(PublishingFixture f, ZenodoClient c)
      throws IOException {
    Map<Long, List<String>> all = new TreeMap<>();
    for (Deposition d : f.everything(c)) {
      assertTrue(!d.published(), "stage publishes nothing: " + d.id());
      all.put(d.id(), c.files(d.id()).stream().map(DepositFile::md5).sorted().toList());
    }
    return all;
  }

  private static Map<String, Long> depositIds(PublishingFixture f) {
    Map<String, Long> ids = new TreeMap<>();
    for (String slug : STUDIES) {
      ids.put(slug, f.ledgers().read(slug).version(1).orElseThrow().depositId());
    }
    return ids;
  }

  /**
   * What happened, in order, across the session's thread and the pool: "create started k", "create
   * answered k" (the k-th create, in the selection's order), "render started SLUG" (with "in turn"
   * when the session's thread rendered it), "pdf uploaded".
   */
  private static final class Events {
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final Thread session = Thread.currentThread();
    private int started;
    private int answered;

    /** The crash points stage passes, recorded; {@code atCreate} runs at each create's start. */
    Publisher.Checkpoints checkpoints(IntConsumer atCreate) {
      return point -> {
        switch (point) {
          case "create started" -> {
            events.add("create started " + ++started);
            atCreate.accept(started);
          }
          case "create answered" -> events.add("create answered " + ++answered);
          case "pdf uploaded" -> events.add(point);
          default -> {}
        }
      };
    }

    void renderStarted(String slug) {
      events.add("render started " + slug + (Thread.currentThread() == session ? " in turn" : ""));
    }

    int indexOf(String event) {
      int i = events.indexOf(event);
      assertTrue(i >= 0, event + " never happened: " + events);
      return i;
    }

    List<String> all() {
      return List.copyOf(events);
    }
  }

  /** Runs {@code action} the {@code n}-th time stage reaches {@code point}, on stage's thread. */
  private static Publisher.Checkpoints atThe(int n, String point, Runnable action) {
    int[] seen = {0};
    return reached -> {
      if (reached.equals(point) && ++seen[0] == n) {
        action.run();
      }
    };
  }

  /** Waits for a latch the test counts down, failing the test rather than hanging it. */
  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(30, TimeUnit.SECONDS), "waited 30 s in vain");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPdfIsRenderedAsSoonAsItsDoiIsKnownWhileTheNextCreatesWaitOnZenodo(@TempDir Path tmp)
      throws Exception {
    Events events = new Events();
    CountDownLatch firstRenderStarted = new CountDownLatch(1);
    // The third create waits until study-a's render has started: a render that overlaps the
    // creates always gets there; one that waits for the last create never does, and the order
    // below shows it (after 30 s).
    Publisher.Checkpoints recorded =
        events.checkpoints(
            k -> {
              if (k == 3) {
                await(firstRenderStarted);
              }
            });
    try (PublishingFixture f = approved(tmp.resolve("launch"));
        ZenodoClient c = f.client();
        PublishingFixture oneByOne = approved(tmp.resolve("one-by-one"));
        ZenodoClient c1 = oneByOne.client()) {
      f.pdf =
          (cs, md, version, date, doi, output) -> {
            events.renderStarted(cs.slug());
            if (cs.slug().equals("study-a")) {
              firstRenderStarted.countDown();
            }
            TYPESET.render(cs, md, version, date, doi, output);
          };

      List<Staged> staged = stageAll(f, c, recorded);

      assertEquals(
          List.of(StageOutcome.CREATED, StageOutcome.CREATED, StageOutcome.CREATED),
          outcomes(staged));
      List<String> all = events.all();
      assertTrue(
          events.indexOf("create answered 1") < events.indexOf("render started study-a")
              && events.indexOf("render started study-a") < events.indexOf("create answered 3"),
          "study-a is rendered once its DOI is known, before the last create is answered: " + all);
      assertTrue(
          events.indexOf("create answered 2") < events.indexOf("render started study-b"),
          "study-b once its own DOI is known: " + all);
      assertEquals(
          List.of("create started 1", "create answered 1", "create started 2", "create answered 2"),
          all.stream().filter(e -> e.startsWith("create")).toList().subList(0, 4),
          "the creates one after the other, as before: " + all);
      assertEquals(
          Set.of("render started study-a", "render started study-b", "render started study-c"),
          Set.copyOf(all.stream().filter(e -> e.startsWith("render")).toList()),
          "every PDF on the pool, once each, none in turn: " + all);
      assertTrue(
          events.indexOf("create answered 3") < events.indexOf("pdf uploaded"),
          "the uploads after every create: " + all);

      // The same launch staged one study at a time, each rendered in its own turn.
      oneByOne.pdf = TYPESET;
      for (String slug : STUDIES) {
        assertEquals(
            List.of(StageOutcome.CREATED),
            outcomes(oneByOne.stage(c1, Publisher.Checkpoints.NONE, slug)));
      }

      for (String slug : STUDIES) {
        Ledger.Entry ahead = f.ledgers().read(slug).version(1).orElseThrow();
        Ledger.Entry inTurn = oneByOne.ledgers().read(slug).version(1).orElseThrow();
        assertEquals(inTurn.reservedDoi(), ahead.reservedDoi(), slug + ": the DOI printed");
        assertEquals(inTurn.publicationDate(), ahead.publicationDate(), slug + ": the date");
        assertArrayEquals(
            Files.readAllBytes(staged(oneByOne, slug)),
            Files.readAllBytes(staged(f, slug)),
            slug + ": the PDF rendered ahead is the one rendered in its turn, byte for byte");
        assertEquals(inTurn.pdfMd5(), ahead.pdfMd5());
        assertEquals(
            List.of(ahead.pdfMd5()),
            c.files(ahead.depositId()).stream().map(DepositFile::md5).toList(),
            slug + ": Zenodo holds that PDF");
      }
      assertEquals(onServer(oneByOne, c1), onServer(f, c), "the same depositions and files");
      assertEquals(List.of("study-a-v1.pdf", "study-b-v1.pdf", "study-c-v1.pdf"), stageFolder(f));
    }
  }

  /**
   * The requests of a first stage, deliberately in a new order: every search and create first, then
   * the uploads. Per deposition they are what they were when each study was staged in its turn:
   * search for our identifier, create, upload.
   */
  @Test
  void theCreatesComeFirstAndEachDepositionSeesTheRequestsItSawBefore(@TempDir Path tmp)
      throws Exception {
    List<String> requests = Collections.synchronizedList(new ArrayList<>());
    try (PublishingFixture f = approved(tmp);
        ZenodoClient c =
            ZenodoClient.builder(Target.local(f.server.apiUrl()))
                .sleeper(f.sleeps::add)
                .log(line -> requests.add(line.replaceAll(" \\(\\d+ ms\\)$", "")))
                .build()) {

      stageAll(f, c);

      List<String> expected = new ArrayList<>();
      for (String slug : STUDIES) {
        expected.add("GET /api/deposit/depositions -> 200");
        expected.add("POST /api/deposit/depositions -> 201");
      }
      for (String slug : STUDIES) {
        String bucket = f.ledgers().read(slug).version(1).orElseThrow().deposit().bucketUrl();
        expected.add("PUT " + java.net.URI.create(bucket).getPath() + "/" + slug + ".pdf -> 201");
      }
      assertEquals(expected, requests);
    }
  }

  @Test
  void aFinalRenderThatFailsAfterTheCreatesStopsAsBeforeAndTheNextStageContinuesTheDrafts(
      @TempDir Path tmp) throws Exception {
    try (PublishingFixture f = approved(tmp);
        ZenodoClient c = f.client()) {
      Path figure = f.root.resolve("case-studies/study-b/figures/chart.png");
      byte[] chart = Files.readAllBytes(figure);
      // The figure goes missing as the first create starts, before any PDF can be rendered (none
      // has its DOI yet): check passed, the final render does not.
      Publisher.Checkpoints figureGone =
          atThe(
              1,
              "create started",
              () -> {
                try {
                  Files.delete(figure);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      f.pdf = TYPESET;

      PublishException stopped =
          assertThrows(PublishException.class, () -> stageAll(f, c, figureGone));

      assertEquals(
          "study-b: the final PDF cannot be made (problems above), so nothing was uploaded. Fix"
              + " them and run the command again; it continues where it stopped.",
          stopped.getMessage());
      assertEquals(CasepressException.Kind.PROBLEM, stopped.kind(), "exit 1");
      Problem missing = stopped.problems().stream().filter(Problem::isError).findFirst().get();
      assertEquals("case-studies/study-b/case-study.md", missing.file());
      assertTrue(missing.line() > 0, missing.toString());
      assertTrue(missing.message().contains("figures/chart.png"), missing.message());
      // study-a was staged in its turn; study-b and study-c keep the drafts made for them.
      Map<String, Long> ids = depositIds(f);
      assertEquals(
          List.of(Ledger.Phase.STAGED, Ledger.Phase.CREATED, Ledger.Phase.CREATED),
          STUDIES.stream().map(s -> f.ledgers().read(s).version(1).orElseThrow().phase()).toList());
      Map<Long, List<String>> server = onServer(f, c);
      assertEquals(Set.copyOf(ids.values()), server.keySet(), "one draft per study: " + server);
      assertEquals(1, server.get(ids.get("study-a")).size());
      assertEquals(List.of(), server.get(ids.get("study-b")));
      assertEquals(List.of(), server.get(ids.get("study-c")));
      assertEquals(List.of("study-a-v1.pdf"), stageFolder(f), "nothing half-written");

      Files.write(figure, chart);
      List<Staged> again = stageAll(f, c);

      assertEquals(
          List.of(StageOutcome.ALREADY_STAGED, StageOutcome.RESUMED, StageOutcome.RESUMED),
          outcomes(again));
      assertEquals(ids, depositIds(f), "the same drafts, continued");
      server = onServer(f, c);
      assertEquals(Set.copyOf(ids.values()), server.keySet(), "still one draft per study");
      for (String slug : STUDIES) {
        Ledger.Entry entry = f.ledgers().read(slug).version(1).orElseThrow();
        assertEquals(Ledger.Phase.STAGED, entry.phase(), slug);
        assertEquals(List.of(entry.pdfMd5()), server.get(entry.depositId()), slug);
      }
    }
  }

  @Test
  void aCrashBetweenTheCreatesAndTheUploadsLeavesDraftsTheNextStageContinues(@TempDir Path tmp)
      throws Exception {
    try (PublishingFixture f = approved(tmp);
        ZenodoClient c = f.client()) {
      Publisher.Checkpoints crash =
          point -> {
            if (point.equals("deposit recorded")) {
              throw new SimulatedCrash(point);
            }
          };

      assertThrows(SimulatedCrash.class, () -> stageAll(f, c, crash));

      Map<String, Long> ids = depositIds(f);
      assertTrue(ids.values().stream().allMatch(id -> id != null), ids.toString());
      assertEquals(List.of(), stageFolder(f), "nothing rendered ahead is left, nothing uploaded");
      assertNoTemporaryLedgerFiles(f);
      assertEquals(Set.copyOf(ids.values()), onServer(f, c).keySet());

      List<Staged> again = stageAll(f, c);

      assertEquals(
          List.of(StageOutcome.RESUMED, StageOutcome.RESUMED, StageOutcome.RESUMED),
          outcomes(again));
      assertEquals(ids, depositIds(f));
      Map<Long, List<String>> server = onServer(f, c);
      assertEquals(Set.copyOf(ids.values()), server.keySet(), "no second deposition: " + server);
      assertTrue(server.values().stream().allMatch(files -> files.size() == 1), server.toString());
      assertEquals(List.of("study-a-v1.pdf", "study-b-v1.pdf", "study-c-v1.pdf"), stageFolder(f));
    }
  }

  @Test
  void aRunKilledWhileRenderingAheadLeavesNothingTheNextStageDoesNotClearUp(@TempDir Path tmp)
      throws Exception {
    try (PublishingFixture f = approved(tmp);
        ZenodoClient c = f.client()) {
      f.pdf =
          (cs, md, version, date, doi, output) -> {
            Files.writeString(output, "%PDF-1.7\n% cut off");
            throw new SimulatedKill();
          };

      assertThrows(SimulatedKill.class, () -> stageAll(f, c));

      Map<String, Long> ids = depositIds(f);
      assertEquals(List.of(), stageFolder(f), "the files rendered ahead are removed");
      // A process killed outright runs no clean-up: what it rendered ahead stays on disk.
      Path killed = f.workspace.buildDir().resolve("stage/local/.ahead-123");
      Files.createDirectories(killed);
      Files.writeString(killed.resolve("0-study-a.pdf"), "%PDF-1.7\n% cut off");
      f.pdf = PublishingFixture.FAKE_PDF;

      assertEquals(
          List.of(StageOutcome.RESUMED, StageOutcome.RESUMED, StageOutcome.RESUMED),
          outcomes(stageAll(f, c)));

      assertEquals(ids, depositIds(f));
      assertEquals(Set.copyOf(ids.values()), onServer(f, c).keySet());
      assertEquals(List.of("study-a-v1.pdf", "study-b-v1.pdf", "study-c-v1.pdf"), stageFolder(f));
    }
  }

  /**
   * A stand-in renderer whose renders start, then hold until {@link #release} (or an interrupt),
   * recording the threads they ran on and how many are running.
   */
  private static final class HeldRenders implements FinalPdf {
    final CountDownLatch twoStarted = new CountDownLatch(2);
    final CountDownLatch release = new CountDownLatch(1);
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final Set<String> interrupted = ConcurrentHashMap.newKeySet();
    final AtomicInteger running = new AtomicInteger();

    /** Made the fixture's renderer. */
    static HeldRenders in(PublishingFixture f) {
      HeldRenders held = new HeldRenders();
      f.pdf = held;
      return held;
    }

    @Override
    public void render(
        CaseStudy cs, Metadata md, int version, LocalDate date, String doi, Path output)
        throws IOException {
      threads.add(Thread.currentThread());
      running.incrementAndGet();
      try {
        twoStarted.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          interrupted.add(cs.slug());
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("render of " + cs.slug() + " cancelled");
        }
        PublishingFixture.FAKE_PDF.render(cs, md, version, date, doi, output);
      } finally {
        running.decrementAndGet();
      }
    }

    /** No render is running, and every thread of the pool has ended (the pool was shut down). */
    void assertNoneLeft() throws InterruptedException {
      assertEquals(0, running.get(), "a render is still running after stage ended");
      assertTrue(!threads.isEmpty(), "nothing was rendered ahead");
      for (Thread t : threads) {
        assertTrue(t.getName().startsWith(RenderedAhead.THREAD_NAME), t.getName());
        // The pool's threads exit right after its last task; one left alive here waits for work.
        t.join(10_000);
        assertTrue(!t.isAlive(), t.getName() + " is still alive");
      }
    }
  }

  @Test
  void aCreateRefusedWhileRendersRunIsReportedAsBeforeAndLeavesNoRenderBehind(@TempDir Path tmp)
      throws Exception {
    try (PublishingFixture f = approved(tmp);
        ZenodoClient c = f.client()) {
      HeldRenders held = HeldRenders.in(f);
      Publisher.Checkpoints refuseThird =
          atThe(
              3,
              "create started",
              () -> {
                // study-a and study-b are being rendered when Zenodo refuses study-c.
                await(held.twoStarted);
                f.server.faults().failBeforeCommit(Route.CREATE, 400, 1);
              });
      Publisher.Checkpoints releaseAtFirstTurn =
          atThe(1, "deposit recorded", held.release::countDown);
      Publisher.Checkpoints thirdRefused =
          point -> {
            refuseThird.reached(point);
            releaseAtFirstTurn.reached(point);
          };

      PublishException refused =
          assertThrows(PublishException.class, () -> stageAll(f, c, thirdRefused));

      String message = refused.getMessage();
      assertTrue(message.contains("Zenodo refused what casepress sent for 1 case study"), message);
      assertTrue(message.contains("\n  study-c: "), message);
      assertTrue(message.contains("Staged: study-a, study-b."), message);
      assertEquals(CasepressException.Kind.PROBLEM, refused.kind(), "exit 1");
      held.assertNoneLeft();
      assertEquals(Set.of(), held.interrupted, "the renders staged were waited for, not cut off");
      assertEquals(List.of("study-a-v1.pdf", "study-b-v1.pdf"), stageFolder(f));

      f.server.faults().clear();
      assertEquals(
          List.of(StageOutcome.ALREADY_STAGED, StageOutcome.ALREADY_STAGED, StageOutcome.RESUMED),
          outcomes(stageAll(f, c)),
          "study-c's refused create is in its ledger entry: it is made again");
      assertEquals(
          Set.copyOf(depositIds(f).values()),
          onServer(f, c).keySet(),
          "one deposition per study, none for the refused create");
    }
  }

  @Test
  void aCrashWhileRendersRunCancelsThemAndTheNextStageMakesNoSecondDeposition(@TempDir Path tmp)
      throws Exception {
    try (PublishingFixture f = approved(tmp);
        ZenodoClient c = f.client()) {
      HeldRenders held = HeldRenders.in(f);
      // Zenodo made study-c's deposition, and the process stops before its answer is recorded,
      // while study-a and study-b are being rendered.
      Publisher.Checkpoints crash =
          atThe(
              3,
              "create answered",
              () -> {
                await(held.twoStarted);
                throw new SimulatedCrash("create answered");
              });

      assertThrows(SimulatedCrash.class, () -> stageAll(f, c, crash));

      held.assertNoneLeft();
      assertEquals(Set.of("study-a", "study-b"), held.interrupted, "cancelled, not waited for");
      assertEquals(List.of(), stageFolder(f), "nothing rendered ahead is left, nothing uploaded");
      assertNoTemporaryLedgerFiles(f);

      f.pdf = PublishingFixture.FAKE_PDF;
      assertEquals(
          List.of(StageOutcome.RESUMED, StageOutcome.RESUMED, StageOutcome.RESUMED),
          outcomes(stageAll(f, c)));
      Map<String, Long> ids = depositIds(f);
      Map<Long, List<String>> server = onServer(f, c);
      assertEquals(Set.copyOf(ids.values()), server.keySet(), "no second deposition: " + server);
      assertTrue(server.values().stream().allMatch(files -> files.size() == 1), server.toString());
    }
  }

  @Test
  void anInterruptWhileATurnWaitsForItsPdfStopsTheRendersAndTheNextStageContinues(@TempDir Path tmp)
      throws Exception {
    try (PublishingFixture f = approved(tmp);
        ZenodoClient c = f.client()) {
      HeldRenders held = HeldRenders.in(f);
      // A library caller stops the stage (its thread is interrupted) as study-a's turn is about to
      // wait for its PDF, which is still being rendered.
      Publisher.Checkpoints interrupt =
          atThe(
              1,
              "deposit recorded",
              () -> {
                await(held.twoStarted);
                Thread.currentThread().interrupt();
              });

      PublishException stopped;
      try {
        stopped = assertThrows(PublishException.class, () -> stageAll(f, c, interrupt));
      } finally {
        // Still set for the caller to see, and cleared here for the rest of the test.
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
      }

      assertTrue(
          stopped.getMessage().startsWith("The run was stopped before it finished (study-a: "),
          stopped.getMessage());
      assertTrue(stopped.getMessage().contains("run the same command again"), stopped.getMessage());
      held.assertNoneLeft();
      assertTrue(held.interrupted.contains("study-a"), "cancelled, not waited for");
      assertEquals(List.of(), stageFolder(f), "nothing rendered ahead is left, nothing uploaded");
      Map<String, Long> ids = depositIds(f);

      f.pdf = PublishingFixture.FAKE_PDF;
      assertEquals(
          List.of(StageOutcome.RESUMED, StageOutcome.RESUMED, StageOutcome.RESUMED),
          outcomes(stageAll(f, c)));
      assertEquals(ids, depositIds(f), "the same drafts, continued");
      assertEquals(Set.copyOf(ids.values()), onServer(f, c).keySet(), "no second deposition");
    }
  }

  private static void assertNoTemporaryLedgerFiles(PublishingFixture f) throws IOException {
    try (Stream<Path> files = Files.list(f.workspace.stateDir().resolve("ledgers/local"))) {
      assertEquals(
          STUDIES.stream().map(s -> s + ".json").collect(Collectors.toSet()),
          files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
    }
  }
}
