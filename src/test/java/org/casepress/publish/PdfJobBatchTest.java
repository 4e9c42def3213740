package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casepress.render.Fixtures;
import org.casepress.render.RenderMode;
import org.casepress.source.MarkedTrees;
import org.casepress.source.ParsedBody;
import org.casepress.source.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --all} as one pipeline ({@link PdfBatch}): renders start while other case studies
 * are still being loaded, and the results, problems, PDF bytes and failures are those of loading
 * everything first ({@link PdfJob#inTurn}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PdfJobBatchTest {
  private static final List<String> KEPT = List.of("line-breaks", "river-sensors", "wide-table");

  private static final PdfJob.Request ALL =
      new PdfJob.Request(
          List.of(),
          true,
          RenderMode.FINAL,
          Optional.empty(),
          Optional.of(LocalDate.of(2026, 12, 10)),
          Optional.empty(),
          false);

  /** A copy of the rendering fixtures with three case studies, plus {@code extra} ones. */
  private static Workspace workspace(Path tmp) throws IOException {
    Path root = tmp.resolve("ws");
    Fixtures.copy(Fixtures.WORKSPACE, root);
    try (Stream<Path> studies = Files.list(root.resolve("case-studies"))) {
      for (Path s : studies.toList()) {
        if (!KEPT.contains(s.getFileName().toString())) {
          delete(s);
        }
      }
    }
    return new Workspace(root);
  }

  /** A case study that check refuses: its description is far too short. */
  private static void addRefused(Workspace ws, String slug) throws IOException {
    Path folder = Files.createDirectories(ws.caseStudyDir(slug));
    Files.writeString(
        folder.resolve("case-study.md"),
        "---\ntitle: \"Refused\"\nauthors: [priya-nandakumar]\ndescription: Too short.\n---\n\n"
            + "## Text\n\nSome text.\n");
  }

  /** What the tasks report, in order, across the pool's threads; and the threads. */
  private static class Recorded implements PdfJob.Events {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final Map<String, String> loadedOn = new ConcurrentHashMap<>();

    @Override
    public void loading(String slug) {
      threads.add(Thread.currentThread());
      loadedOn.put(slug, Thread.currentThread().getName());
      events.add("loading " + slug);
    }

    @Override
    public void renderStarted(String slug, Optional<ParsedBody> body) {
      events.add("render started " + slug);
    }

    void assertNoThreadLeft() throws InterruptedException {
      assertFalse(threads.isEmpty(), "nothing ran on the pool");
      for (Thread t : threads) {
        assertTrue(t.getName().startsWith(PdfBatch.THREAD_NAME), t.getName());
        t.join(10_000);
        assertFalse(t.isAlive(), t.getName() + " is still alive");
      }
    }
  }

  @Test
  void aRenderStartsBeforeTheLastCaseStudyIsLoaded(@TempDir Path tmp) throws Exception {
    Workspace ws = workspace(tmp);
    Recorded recorded = new Recorded();
    PdfJob.render(ws, ALL, recorded);
    List<String> events = List.copyOf(recorded.events);
    int firstRender = -1;
    int lastLoad = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).startsWith("render started") && firstRender < 0) {
        firstRender = i;
      }
      if (events.get(i).startsWith("loading")) {
        lastLoad = i;
      }
    }
    assertTrue(firstRender >= 0 && firstRender < lastLoad, events.toString());
    // Longest first: the study with the largest case-study.md is the first task handed to the pool,
    // which a new pool gives to its first thread. (Which thread gets going first is the scheduler's
    // choice: the order of the events does not tell.)
    String largest = null;
    for (String slug : KEPT) {
      long size = Files.size(ws.caseStudyDir(slug).resolve("case-study.md"));
      if (largest == null || size > Files.size(ws.caseStudyDir(largest).resolve("case-study.md"))) {
        largest = slug;
      }
    }
    assertEquals(PdfBatch.THREAD_NAME + "1", recorded.loadedOn.get(largest), events.toString());
    recorded.assertNoThreadLeft();
  }

  @Test
  void theResultsProblemsAndPdfsAreThoseOfLoadingEverythingFirst(@TempDir Path tmp)
      throws Exception {
    Workspace ws = workspace(tmp);
    addRefused(ws, "a-refused-study");
    addRefused(ws, "m-refused-study");
    List<PdfJob.Result> batch = PdfJob.render(ws, ALL, new Recorded());
    Map<String, String> batchPdfs = pdfs(ws);
    for (Path pdf :
        batchPdfs.keySet().stream().map(ws.buildDir().resolve("pdf")::resolve).toList()) {
      Files.delete(pdf);
    }
    List<PdfJob.Result> inTurn = PdfJob.inTurn(ws, ALL);
    assertEquals(inTurn, batch);
    assertEquals(pdfs(ws), batchPdfs);
    assertEquals(
        List.of("a-refused-study", "line-breaks", "m-refused-study", "river-sensors", "wide-table"),
        batch.stream().map(PdfJob.Result::slug).toList());
    assertInstanceOf(PdfJob.Result.NotWritten.class, batch.get(0));
    assertFalse(((PdfJob.Result.NotWritten) batch.get(2)).problems().isEmpty());
    assertInstanceOf(PdfJob.Result.Written.class, batch.get(1));
    assertEquals(3, batchPdfs.size());
  }

  @Test
  void eachRenderTypesetsTheTreeItsCheckWalkedWithoutParsingTheBodyAgain(@TempDir Path tmp)
      throws Exception {
    Workspace ws = workspace(tmp);
    Set<String> handed = ConcurrentHashMap.newKeySet();
    Recorded marking =
        new Recorded() {
          @Override
          public void renderStarted(String slug, Optional<ParsedBody> body) {
            super.renderStarted(slug, body);
            // Added after the check, before the render: only in a PDF made from this very tree.
            body.ifPresent(b -> MarkedTrees.mark(b, marker(slug)));
            body.ifPresent(b -> handed.add(slug));
          }
        };
    List<PdfJob.Result> results = PdfJob.render(ws, ALL, marking);
    assertEquals(Set.copyOf(KEPT), handed, "every render was handed its check's tree");
    for (PdfJob.Result result : results) {
      Path pdf = ((PdfJob.Result.Written) result).pdf().output();
      try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
        String text = new PDFTextStripper().getText(doc);
        assertTrue(text.contains(marker(result.slug())), result.slug() + ": " + text);
      }
    }
  }

  private static String marker(String slug) {
    return "Treemark" + slug.replace("-", "");
  }

  @Test
  void aLoadThatThrowsEndsTheBatchWithTheFirstFailureInSlugOrder(@TempDir Path tmp)
      throws Exception {
    Workspace ws = workspace(tmp);
    UncheckedIOException first = new UncheckedIOException(new IOException("line-breaks broke"));
    UncheckedIOException later = new UncheckedIOException(new IOException("wide-table broke"));
    Recorded failing =
        new Recorded() {
          @Override
          public void loading(String slug) {
            super.loading(slug);
            if (slug.equals("line-breaks")) {
              throw first;
            }
            if (slug.equals("wide-table")) {
              throw later;
            }
          }
        };
    UncheckedIOException thrown =
        assertThrows(UncheckedIOException.class, () -> PdfJob.render(ws, ALL, failing));
    assertSame(first, thrown);
    failing.assertNoThreadLeft();
  }

  @Test
  void anErrorInALoadIsThrownAsItIs(@TempDir Path tmp) throws Exception {
    Workspace ws = workspace(tmp);
    StackOverflowError deep = new StackOverflowError("deep");
    Recorded failing =
        new Recorded() {
          @Override
          public void loading(String slug) {
            super.loading(slug);
            if (slug.equals("river-sensors")) {
              throw deep;
            }
          }
        };
    assertSame(deep, assertThrows(StackOverflowError.class, () -> PdfJob.render(ws, ALL, failing)));
    failing.assertNoThreadLeft();
  }

  @Test
  void anInterruptStopsTheBatchAndLeavesNoThreadBehind(@TempDir Path tmp) throws Exception {
    Workspace ws = workspace(tmp);
    CountDownLatch rendering = new CountDownLatch(1);
    Recorded held =
        new Recorded() {
          @Override
          public void renderStarted(String slug, Optional<ParsedBody> body) {
            super.renderStarted(slug, body);
            rendering.countDown();
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("render of " + slug + " cancelled");
            }
          }
        };
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                PdfJob.render(ws, ALL, held);
              } catch (Throwable t) {
                thrown.set(t);
              }
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    assertTrue(rendering.await(60, TimeUnit.SECONDS), "no render started");
    caller.interrupt();
    caller.join(30_000);
    assertFalse(caller.isAlive());
    assertInstanceOf(InterruptedIOException.class, thrown.get());
    assertEquals("rendering was interrupted", thrown.get().getMessage());
    assertTrue(stillInterrupted.get(), "the interrupt is kept for the caller");
    held.assertNoThreadLeft();
  }

  /**
   * A status.json that cannot be read, of a case study that check refuses: rendering in turn never
   * reads it, so the batch renders in turn too, and the refusal is reported as before.
   */
  @Test
  void anUnreadableStatusOfARefusedStudyIsNotReadAsBefore(@TempDir Path tmp) throws Exception {
    Workspace ws = workspace(tmp);
    addRefused(ws, "m-refused-study");
    Files.createDirectories(ws.caseStudyDir("m-refused-study").resolve("status.json"));
    Recorded recorded = new Recorded();
    List<PdfJob.Result> results = PdfJob.render(ws, ALL, recorded);
    assertEquals(recorded.events, List.of(), "rendered in turn, not on the batch's pool");
    assertInstanceOf(PdfJob.Result.NotWritten.class, results.get(1));
    assertEquals(
        List.of(true, false, true, true),
        results.stream().map(r -> r instanceof PdfJob.Result.Written).toList());
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Map<String, String> pdfs(Workspace ws) throws Exception {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.list(ws.buildDir().resolve("pdf"))) {
      for (Path f : files.toList()) {
        hashes.put(
            f.getFileName().toString(),
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return hashes;
  }
}
