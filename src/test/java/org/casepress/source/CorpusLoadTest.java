package org.casepress.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.casepress.testing.ReferenceMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Markdown written by others (../shared/corpus, see its SOURCES.md), wrapped as case studies:
 * loading must never throw or hang, whatever problems it finds.
 */
class CorpusLoadTest {
  static final Path CORPUS = ReferenceMaterial.CORPUS;

  static Stream<Path> corpusFiles() throws IOException {
    ReferenceMaterial.corpus();
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      return walk
          .filter(
              p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("SOURCES.md"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void corpusIsThere() throws IOException {
    ReferenceMaterial.corpus();
    assertTrue(corpusFiles().count() >= 50, "expected the shared corpus of Markdown files");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void wrappedCorpusFileLoadsWithoutCrashing(Path markdown, @TempDir Path tmp) throws IOException {
    Path root = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws"));
    Path study = root.resolve("case-studies/corpus-file");
    Files.createDirectories(study);
    byte[] body = Files.readAllBytes(markdown);
    byte[] frontMatter =
        ("---\ntitle: \"A corpus file wrapped as a case study\"\nauthors: [priya-nandakumar]\n"
                + "description: A real Markdown file from the shared corpus, loaded as a test.\n---\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] wrapped = new byte[frontMatter.length + body.length];
    System.arraycopy(frontMatter, 0, wrapped, 0, frontMatter.length);
    System.arraycopy(body, 0, wrapped, frontMatter.length, body.length);
    Files.write(study.resolve("case-study.md"), wrapped);
    // Unwrapped too: the file as it is, whatever front matter it has or lacks.
    Path raw = root.resolve("case-studies/corpus-raw");
    Files.createDirectories(raw);
    Files.write(raw.resolve("case-study.md"), body);

    Loaded loaded =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> WorkspaceLoader.load(new Workspace(root)));

    assertTrue(
        loaded.caseStudy("corpus-file").isPresent(),
        "the wrapped file must load: " + loaded.problemsOf("corpus-file"));
    assertEquals(
        "A corpus file wrapped as a case study", loaded.caseStudy("corpus-file").get().title());
    // Every problem names a file under the workspace and says something.
    loaded
        .problems()
        .forEach(p -> assertTrue(!p.file().isEmpty() && !p.message().isBlank(), p.toString()));
  }
}
