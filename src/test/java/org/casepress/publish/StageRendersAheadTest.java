package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.casepress.workflow.ReviewWorkflow;
import org.casepress.workflow.Transition;
import org.casepress.zenodo.ZenodoClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage renders ahead, in parallel, the final PDFs whose DOI it knows already (their deposit
 * exists), and Zenodo and the ledgers see what they saw when each was rendered in its turn.
 */
@Timeout(120)
class StageRendersAheadTest {
  private static final List<String> STUDIES = List.of("study-a", "study-b", "study-c");

  /** Staged once, then each changed and approved again: the next stage knows every DOI. */
  private static PublishingFixture stagedThenChanged(Path tmp, ZenodoClient[] client)
      throws IOException {
    PublishingFixture f = new PublishingFixture(tmp, STUDIES.toArray(String[]::new));
    for (String slug : STUDIES) {
      f.approve(slug);
    }
    client[0] = f.client();
    f.stage(client[0], Publisher.Checkpoints.NONE, STUDIES.toArray(String[]::new));
    for (String slug : STUDIES) {
      Path md = f.root.resolve("case-studies/" + slug + "/case-study.md");
      Files.writeString(md, Files.readString(md) + "\nOne more correction.\n");
      new ReviewWorkflow(f.workspace).apply(slug, Transition.APPROVE, "morgan-ellis", "again");
    }
    return f;
  }

  private static Path staged(PublishingFixture f, String slug) {
    return f.workspace.buildDir().resolve("stage/local/" + slug + "-v1.pdf");
  }

  private static void assertNothingLeftAhead(PublishingFixture f) throws IOException {
    try (Stream<Path> files = Files.list(f.workspace.buildDir().resolve("stage/local"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("study-a-v1.pdf", "study-b-v1.pdf", "study-c-v1.pdf"), names);
    }
  }

  @Test
  void rendersOfAStageOverlapAndEachIsRenderedOnce(@TempDir Path tmp) throws Exception {
    assumeTrue(
        Runtime.getRuntime().availableProcessors() >= 2, "renders overlap on two cores or more");
    ZenodoClient[] client = new ZenodoClient[1];
    try (PublishingFixture f = stagedThenChanged(tmp, client);
        ZenodoClient c = client[0]) {
      CountDownLatch twoStarted = new CountDownLatch(2);
      AtomicBoolean overlapped = new AtomicBoolean();
      Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();
      f.pdf =
          (cs, md, version, date, doi, output) -> {
            renders.computeIfAbsent(cs.slug(), s -> new AtomicInteger()).incrementAndGet();
            twoStarted.countDown();
            try {
              // Rendered one after another, the first would wait here alone until the timeout.
              overlapped.compareAndSet(false, twoStarted.await(20, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            PublishingFixture.FAKE_PDF.render(cs, md, version, date, doi, output);
          };

      List<Staged> staged = f.stage(c, Publisher.Checkpoints.NONE, STUDIES.toArray(String[]::new));

      assertTrue(overlapped.get(), "no two renders ran at once");
      List<StageOutcome> outcomes = new ArrayList<>();
      for (Staged s : staged) {
        outcomes.add(s.outcome());
      }
      assertEquals(
          List.of(StageOutcome.UPDATED, StageOutcome.UPDATED, StageOutcome.UPDATED), outcomes);
      for (String slug : STUDIES) {
        assertEquals(1, renders.get(slug).get(), slug + " was rendered again in its turn");
        Ledger.Entry entry = f.ledgers().read(slug).version(1).orElseThrow();
        // The file stage uploaded is the one rendered ahead, carrying the deposit's DOI.
        assertEquals(
            "%PDF-1.7\n% "
                + slug
                + " v1 "
                + entry.publicationDate()
                + " DOI "
                + entry.reservedDoi()
                + "\n%%EOF\n",
            Files.readString(staged(f, slug), StandardCharsets.US_ASCII));
        assertEquals(Publisher.md5(staged(f, slug)), entry.pdfMd5());
      }
      assertNothingLeftAhead(f);
    }
  }

  @Test
  void aRenderThatFailsStopsTheRunAtThatStudyAsInItsTurn(@TempDir Path tmp) throws Exception {
    ZenodoClient[] client = new ZenodoClient[1];
    try (PublishingFixture f = stagedThenChanged(tmp, client);
        ZenodoClient c = client[0]) {
      Map<String, Ledger.Entry> before = new ConcurrentHashMap<>();
      Map<String, String> filesBefore = new ConcurrentHashMap<>();
      for (String slug : STUDIES) {
        before.put(slug, f.ledgers().read(slug).version(1).orElseThrow());
        filesBefore.put(slug, Files.readString(staged(f, slug)));
      }
      Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();
      f.pdf =
          (cs, md, version, date, doi, output) -> {
            renders.computeIfAbsent(cs.slug(), s -> new AtomicInteger()).incrementAndGet();
            if (cs.slug().equals("study-b")) {
              throw PublishException.problem(
                  "study-b: the final PDF cannot be made (problems above), so nothing was"
                      + " uploaded.");
            }
            Files.writeString(output, "%PDF-1.7\n% second " + cs.slug() + " " + doi + "\n%%EOF\n");
          };

      PublishException e =
          assertThrows(
              PublishException.class,
              () -> f.stage(c, Publisher.Checkpoints.NONE, STUDIES.toArray(String[]::new)));

      assertTrue(
          e.getMessage().startsWith("study-b: the final PDF cannot be made"), e.getMessage());
      // Rendered ahead, failed, and rendered again in its turn, which reported it.
      assertEquals(2, renders.get("study-b").get());
      // The study before it was staged; the one after it was not reached: nothing of it was
      // sent, recorded or replaced, though its PDF had been rendered ahead.
      Ledger.Entry a = f.ledgers().read("study-a").version(1).orElseThrow();
      assertTrue(!a.stagedDigest().equals(before.get("study-a").stagedDigest()), a.toString());
      assertEquals(
          before.get("study-b").pdfMd5(),
          f.ledgers().read("study-b").version(1).orElseThrow().pdfMd5());
      assertEquals(before.get("study-c"), f.ledgers().read("study-c").version(1).orElseThrow());
      assertEquals(filesBefore.get("study-c"), Files.readString(staged(f, "study-c")));
      assertEquals(1, renders.get("study-c").get());
      assertNothingLeftAhead(f);
    }
  }
}
