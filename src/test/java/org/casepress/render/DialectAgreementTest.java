package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casepress.model.CaseStudy;
import org.casepress.model.Problem;
import org.casepress.source.CheckCatalogueTest;
import org.casepress.source.Loaded;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check} and {@code render} read one dialect: on the example case studies, every case of the
 * check catalogue and every Markdown file of ../shared/corpus, an input that check passes renders
 * in final mode, and whatever the renderer reports (refused, warned about, printed raw) is a check
 * problem on the same line.
 */
class DialectAgreementTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final AtomicInteger corpusPassed = new AtomicInteger();
  private static final Map<String, List<String>> corpusRefused = new ConcurrentHashMap<>();

  @TempDir Path tmp;

  @Test
  void exampleCaseStudiesAgree() throws Exception {
    Loaded loaded = WorkspaceLoader.load(new Workspace(Path.of(".")));
    for (CaseStudy cs : loaded.caseStudies()) {
      assertAgree(loaded, cs.slug());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.casepress.source.CheckCatalogueTest#cases")
  void catalogueCaseAgrees(Path caseFile) throws Exception {
    JsonNode spec = YAML.readTree(caseFile.toFile());
    Path root = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws"));
    CheckCatalogueTest.apply(spec, root);
    assertAgree(WorkspaceLoader.load(new Workspace(root)), "base-study");
  }

  static Stream<Path> corpus() throws IOException {
    return CorpusStudy.files();
  }

  /**
   * Each corpus file either passes check and renders in final mode, or check names what is wrong
   * with it, each problem at a line; the tally is printed at the end.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusFileAgrees(Path file) throws Exception {
    Loaded loaded = CorpusStudy.wrap(file, tmp.resolve("ws"));
    List<Problem> errors =
        loaded.problemsOf("corpus-file").stream().filter(Problem::isError).toList();
    for (Problem p : errors) {
      assertTrue(p.line() > 0 || p.file().endsWith(".bib"), "a problem without a line: " + p);
    }
    assertAgree(loaded, "corpus-file");
    String name = CorpusStudy.name(file);
    if (errors.isEmpty()) {
      corpusPassed.incrementAndGet();
    } else {
      corpusRefused.put(
          name, errors.stream().map(DialectAgreementTest::kind).distinct().sorted().toList());
    }
  }

  @AfterAll
  static void printCorpusTally() {
    if (corpusPassed.get() + corpusRefused.size() == 0) {
      return;
    }
    Map<String, Long> kinds =
        corpusRefused.values().stream()
            .flatMap(List::stream)
            .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
    System.out.println(
        "Corpus: "
            + corpusPassed.get()
            + " files pass check and render in final mode; "
            + corpusRefused.size()
            + " get check errors. Files with each kind of error: "
            + kinds);
    new TreeMap<>(corpusRefused).forEach((f, k) -> System.out.println("  " + f + ": " + k));
  }

  /** The first words of a problem's message, enough to tell its kind. */
  private static String kind(Problem p) {
    String[] words = p.message().replaceAll("'[^']*'|`[^`]*`|\\{[^}]*\\}", "_").split("\\s+");
    return String.join(" ", List.of(words).subList(0, Math.min(6, words.length)));
  }

  private void assertAgree(Loaded loaded, String slug) throws Exception {
    CaseStudy cs = loaded.caseStudy(slug).orElse(null);
    List<Problem> checked = loaded.problemsOf(slug);
    if (cs == null) {
      assertTrue(loaded.hasErrors(), "a case study that does not load has errors");
      return;
    }
    boolean passes = checked.stream().noneMatch(Problem::isError);
    Path pdf = tmp.resolve(slug + ".pdf");
    RenderResult result;
    try {
      result =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () ->
                  Fixtures.renderer()
                      .render(
                          cs,
                          loaded.metadata(),
                          passes ? Fixtures.published() : Fixtures.draft(),
                          passes ? RenderMode.FINAL : RenderMode.DRAFT,
                          pdf));
    } catch (Exception e) {
      if (e instanceof RenderException refused) {
        if (passes) {
          fail("check passed " + slug + ", but render --final refused it: " + refused.problems());
        }
        // A draft may be refused too (a damaged image fails every render): then check must have
        // named each reason as an error on the same line.
        for (Problem r : refused.problems()) {
          assertTrue(
              checked.stream().anyMatch(c -> c.isError() && c.line() == r.line()),
              "render refused " + slug + " for " + r + ", which check did not report: " + checked);
        }
        return;
      }
      throw e;
    }
    // Every render finding is a check problem: on the same line, or (for the few the renderer
    // cannot place) one that says the same.
    for (Problem rendered : result.warnings()) {
      boolean seen =
          checked.stream()
              .anyMatch(
                  c ->
                      c.file().equals(rendered.file())
                          && (c.line() == rendered.line()
                              || (rendered.line() == 0
                                  && (sameStart(c, rendered) || (!passes && c.isError())))));
      assertTrue(
          seen,
          "render reported what check did not: "
              + rendered
              + "\ncheck reported:\n"
              + checked.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }
  }

  private static boolean sameStart(Problem a, Problem b) {
    String[] x = a.message().split("\\s+");
    String[] y = b.message().split("\\s+");
    return x.length > 1 && y.length > 1 && x[0].equals(y[0]) && x[1].equals(y[1]);
  }
}
