package org.casepress.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.casepress.model.CaseStudy;
import org.casepress.model.Person;
import org.casepress.model.Problem;
import org.casepress.testing.ReferenceMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole outcome of loading a few real, messy workspaces, pinned line for line: every problem
 * (severity, file, line, column, field and the full message, in the order {@code check} prints
 * them) and what each loaded case study holds. The load path is tuned for speed (issue 15); this
 * proves a tuning changed nothing anyone can see. The expected files are under
 * src/test/resources/source/pinned/; after a change that is meant to alter what check says, run
 * with {@code -Dpinned.write=true} to write them again, and read the diff.
 */
class PinnedProblemsTest {
  private static final Path PINNED = Path.of("src/test/resources/source/pinned");
  private static final Path HUB_PAGE = Path.of("src/test/resources/import/hub-page.md");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theExampleCaseStudies() throws IOException {
    assertPinned("examples", new Workspace(Path.of("")));
  }

  @Test
  void theRenderingTestWorkspace() throws IOException {
    assertPinned("render-workspace", new Workspace(Path.of("src/test/resources/render/workspace")));
  }

  /** A copy of a real Turing Way page (see import/SOURCES.md), wrapped and as it is. */
  @Test
  void aCopyOfARealPage(@TempDir Path tmp) throws IOException {
    Path root = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws"));
    byte[] page = Files.readAllBytes(HUB_PAGE);
    add(root, "hub-page-wrapped", wrapped(page));
    add(root, "hub-page-raw", page);
    assertPinned("hub-page", new Workspace(root));
  }

  /** Each malformed input of the check catalogue, with every word of every problem. */
  @Test
  void theCheckCatalogue(@TempDir Path tmp) throws IOException {
    StringBuilder all = new StringBuilder();
    List<Path> cases = CheckCatalogueTest.cases().toList();
    for (int i = 0; i < cases.size(); i++) {
      JsonNode spec = YAML.readTree(cases.get(i).toFile());
      Path root = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws" + i));
      CheckCatalogueTest.apply(spec, root);
      Workspace workspace = new Workspace(root);
      List<String> slugs = new ArrayList<>();
      spec.path("slugs").forEach(s -> slugs.add(s.asText()));
      Loaded loaded =
          spec.has("slugs")
              ? WorkspaceLoader.load(workspace, slugs)
              : WorkspaceLoader.load(workspace);
      all.append("== ").append(cases.get(i).getFileName()).append('\n').append(outcome(loaded));
    }
    assertPinned("check-catalogue", all.toString());
  }

  /** Every page of the shared corpus, wrapped in front matter, in one workspace. */
  @Test
  void theCorpusWrapped(@TempDir Path tmp) throws IOException {
    Path root = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws"));
    List<Path> files = corpusFiles();
    for (int i = 0; i < files.size(); i++) {
      add(root, slug(i), wrapped(Files.readAllBytes(files.get(i))));
    }
    assertPinned("corpus-wrapped", new Workspace(root));
  }

  /** Every page of the shared corpus as it is: its own front matter, or none. */
  @Test
  void theCorpusAsItIs(@TempDir Path tmp) throws IOException {
    Path root = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws"));
    List<Path> files = corpusFiles();
    for (int i = 0; i < files.size(); i++) {
      add(root, slug(i), Files.readAllBytes(files.get(i)));
    }
    assertPinned("corpus-raw", new Workspace(root));
  }

  private static List<Path> corpusFiles() throws IOException {
    Path corpus = ReferenceMaterial.corpus();
    try (Stream<Path> walk = Files.walk(corpus)) {
      List<Path> files =
          walk.filter(p -> p.toString().endsWith(".md"))
              .filter(p -> !p.getFileName().toString().equals("SOURCES.md"))
              .sorted()
              .toList();
      assertTrue(files.size() >= 50, "expected the shared corpus of Markdown files");
      return files;
    }
  }

  /** By position in the sorted corpus, so that the pinned file does not spell out its paths. */
  private static String slug(int index) {
    return String.format("corpus-%03d", index);
  }

  private static byte[] wrapped(byte[] body) {
    byte[] frontMatter =
        ("---\ntitle: \"A page wrapped as a case study\"\nauthors: [priya-nandakumar]\n"
                + "description: A real Markdown page, loaded as a test.\n---\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[frontMatter.length + body.length];
    System.arraycopy(frontMatter, 0, all, 0, frontMatter.length);
    System.arraycopy(body, 0, all, frontMatter.length, body.length);
    return all;
  }

  private static void add(Path root, String slug, byte[] markdown) throws IOException {
    Path folder = Files.createDirectories(root.resolve("case-studies").resolve(slug));
    Files.write(folder.resolve(CaseStudyLoader.FILE_NAME), markdown);
  }

  private static void assertPinned(String name, Workspace workspace) throws IOException {
    Loaded loaded = WorkspaceLoader.load(workspace);
    assertPinned(name, outcome(loaded));
    assertFrontMatterAlone(loaded, WorkspaceLoader.loadFrontMatter(workspace));
  }

  /**
   * Loading without the body checks (for status) gives the same case studies with the same values,
   * and of the problems only some, in the same order.
   */
  private static void assertFrontMatterAlone(Loaded whole, Loaded frontMatter) {
    assertEquals(whole.caseStudies(), frontMatter.caseStudies());
    List<Problem> rest = new ArrayList<>(whole.problems());
    for (Problem p : frontMatter.problems()) {
      int at = rest.indexOf(p);
      assertTrue(at >= 0, "not a problem of the whole load, or out of order: " + p);
      rest.subList(0, at + 1).clear();
    }
  }

  private static void assertPinned(String name, String actual) throws IOException {
    Path expected = PINNED.resolve(name + ".txt");
    if (Boolean.getBoolean("pinned.write")) {
      Files.createDirectories(PINNED);
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertTrue(
        Files.isRegularFile(expected), "no pinned outcome " + expected + "; see the javadoc");
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
  }

  /** One line per problem in the order check prints them, then one per loaded case study. */
  private static String outcome(Loaded loaded) {
    StringBuilder s = new StringBuilder();
    for (Problem p : loaded.problems()) {
      s.append(p.severity())
          .append(' ')
          .append(p.file())
          .append(':')
          .append(p.line())
          .append(':')
          .append(p.column())
          .append(" [")
          .append(p.field())
          .append("] ")
          .append(p.message().replace("\n", "\\n"))
          .append('\n');
    }
    for (CaseStudy c : loaded.caseStudies()) {
      s.append("loaded ")
          .append(c.slug())
          .append(" | ")
          .append(c.title())
          .append(" | ")
          .append(c.subtitle())
          .append(" | ")
          .append(String.join(", ", c.authors().stream().map(Person::fullName).toList()))
          .append(" | ")
          .append(c.organisation() == null ? null : c.organisation().id())
          .append(" | ")
          .append(c.keywords())
          .append(" | ")
          .append(c.licence())
          .append(' ')
          .append(c.language())
          .append(" | ")
          .append(c.related())
          .append(" | ")
          .append(c.funding())
          .append(" | description ")
          .append(sha256(c.description()))
          .append(" | body from line ")
          .append(c.bodyLine())
          .append(' ')
          .append(sha256(c.body()))
          .append('\n');
    }
    return s.toString();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
