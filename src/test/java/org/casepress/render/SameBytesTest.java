package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;
import org.casepress.source.Loaded;
import org.casepress.source.ParsedBody;
import org.casepress.testing.ReferenceMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The speed-ups inside a render (faces parsed once and shared, {@link DocumentFonts}; widths by
 * letter, {@link CodePointWidths}) change no byte of any PDF: each document rendered by {@link
 * Renderer#create()} equals the same document rendered by {@link Renderer#reference()}, which
 * parses every face again and measures every word the renderer's own way. Also when documents
 * follow one another in one process and when two are typeset at once, so that nothing a document
 * leaves in what is shared (a face's subset, its widths, a page count) reaches the next. And a
 * command's render, which typesets the Markdown tree its check walked instead of parsing the body
 * again, writes the bytes of a render that parses afresh, however often and on however many threads
 * the tree is typeset.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SameBytesTest {
  @TempDir Path dir;

  private static final Renderer FAST = Renderer.create();
  private static final Renderer REFERENCE = Renderer.reference();

  /** The reference renderer's bytes of each job, rendered once for all the tests. */
  private static final Map<String, byte[]> EXPECTED = new ConcurrentHashMap<>();

  private byte[] expected(Job job) throws Exception {
    byte[] known = EXPECTED.get(job.toString());
    if (known == null) {
      known = job.render(REFERENCE, dir);
      EXPECTED.put(job.toString(), known);
    }
    return known;
  }

  /** What is rendered, and how. */
  record Job(String name, CaseStudy cs, Metadata metadata, Publication pub, RenderMode mode) {
    @Override
    public String toString() {
      return name + " " + mode;
    }

    byte[] render(Renderer renderer, Path folder) throws Exception {
      Path pdf = Files.createTempFile(folder, "render", ".pdf");
      renderer.render(cs, metadata, pub, mode, pdf);
      return Files.readAllBytes(pdf);
    }

    byte[] render(Renderer renderer, Optional<ParsedBody> tree, Path folder) throws Exception {
      Path pdf = Files.createTempFile(folder, "render", ".pdf");
      renderer.render(cs, tree, metadata, pub, mode, pdf);
      return Files.readAllBytes(pdf);
    }
  }

  /**
   * The examples of this repository and the fixtures (Arabic, Hebrew, a wide table), both modes.
   */
  static Stream<Job> documents() {
    List<Job> jobs = new ArrayList<>();
    for (ExampleRenders.Example e : ExampleRenders.examplesAndFixtures()) {
      jobs.add(
          new Job(e.name(), e.cs(), e.loaded().metadata(), Fixtures.draft(), RenderMode.DRAFT));
      jobs.add(
          new Job(e.name(), e.cs(), e.loaded().metadata(), Fixtures.published(), RenderMode.FINAL));
    }
    return jobs.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void fastRendererWritesTheReferenceBytes(Job job) throws Exception {
    assertArrayEquals(expected(job), job.render(FAST, dir), job.toString());
  }

  /**
   * The examples and fixtures as a command renders them: typesetting the tree that the load's check
   * walked ({@link Loaded#body}) rather than parsing the body again.
   */
  static Stream<Arguments> checkedTrees() {
    List<Arguments> all = new ArrayList<>();
    for (ExampleRenders.Example e : ExampleRenders.examplesAndFixtures()) {
      for (RenderMode mode : RenderMode.values()) {
        Publication pub = mode == RenderMode.FINAL ? Fixtures.published() : Fixtures.draft();
        all.add(
            Arguments.of(new Job(e.name(), e.cs(), e.loaded().metadata(), pub, mode), e.loaded()));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checkedTrees")
  void theTreeCheckWalkedTypesetsToTheBytesOfAFreshParse(Job job, Loaded loaded) throws Exception {
    Optional<ParsedBody> tree = loaded.body(job.cs());
    assertTrue(tree.isPresent(), "the load hands on no tree for " + job);
    assertArrayEquals(expected(job), job.render(FAST, tree, dir), job.toString());
    // Rendered again (a final PDF rendered ahead, then in its turn), the tree gives the same bytes.
    assertArrayEquals(expected(job), job.render(FAST, tree, dir), job + ", rendered again");
  }

  @Test
  void oneTreeTypesetOnTwoThreadsAtOnceGivesEachTheBytesOfAFreshParse() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (Arguments args : checkedTrees().toList()) {
        Job job = (Job) args.get()[0];
        Optional<ParsedBody> tree = ((Loaded) args.get()[1]).body(job.cs());
        byte[] expected = expected(job);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<byte[]> render =
            () -> {
              start.await(1, TimeUnit.MINUTES);
              return job.render(FAST, tree, dir);
            };
        Future<byte[]> first = pool.submit(render);
        Future<byte[]> second = pool.submit(render);
        assertArrayEquals(expected, first.get(2, TimeUnit.MINUTES), job.toString());
        assertArrayEquals(expected, second.get(2, TimeUnit.MINUTES), job.toString());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The three large pages of the shared corpus that the benchmark renders (bench/anchors.sh). */
  static Stream<Arguments> benchPages() throws Exception {
    Path corpus = ReferenceMaterial.corpus();
    return Stream.of(
            "turing-way/project_management/quarterly_reports/2022-turing-tps-report.md",
            "turing-way/book/website/collaboration/ppie-events/ppie-events-planning.md",
            "turing-way/book/website/reproducible-research/renv/renv-containers.md")
        .map(corpus::resolve)
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("benchPages")
  void fastRendererWritesTheReferenceBytesForTheBenchmarksCorpusPages(Path page) throws Exception {
    Job job =
        new Job(
            page.getFileName().toString(),
            CorpusTest.wrap(page),
            Fixtures.load().metadata(),
            Fixtures.draft(),
            RenderMode.DRAFT);
    assertArrayEquals(job.render(REFERENCE, dir), job.render(FAST, dir), job.toString());
  }

  @Test
  void documentsOneAfterAnotherInOneProcessEachGetTheirOwnBytes() throws Exception {
    List<Job> jobs = documents().toList();
    List<byte[]> expected = new ArrayList<>();
    for (Job job : jobs) {
      expected.add(expected(job));
    }
    // Twice through, the second time backwards: every document follows a different one.
    for (int round = 0; round < 2; round++) {
      for (int k = 0; k < jobs.size(); k++) {
        int i = round == 0 ? k : jobs.size() - 1 - k;
        assertArrayEquals(expected.get(i), jobs.get(i).render(FAST, dir), jobs.get(i).toString());
      }
    }
  }

  @Test
  void twoDocumentsTypesetAtOnceOnTwoThreadsEachGetTheirOwnBytes() throws Exception {
    List<Job> jobs = documents().filter(j -> j.mode() == RenderMode.DRAFT).toList();
    List<byte[]> expected = new ArrayList<>();
    for (Job job : jobs) {
      expected.add(expected(job));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // Each pair starts together; the pairs mix long and short documents, same fonts and others.
      for (int i = 0; i < jobs.size(); i++) {
        int a = i;
        int b = (i + 1) % jobs.size();
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<byte[]> first = () -> renderAfter(start, jobs.get(a));
        Callable<byte[]> second = () -> renderAfter(start, jobs.get(b));
        Future<byte[]> fa = pool.submit(first);
        Future<byte[]> fb = pool.submit(second);
        assertArrayEquals(expected.get(a), fa.get(2, TimeUnit.MINUTES), jobs.get(a).toString());
        assertArrayEquals(expected.get(b), fb.get(2, TimeUnit.MINUTES), jobs.get(b).toString());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private byte[] renderAfter(CyclicBarrier start, Job job) throws Exception {
    start.await(1, TimeUnit.MINUTES);
    return job.render(FAST, dir);
  }
}
