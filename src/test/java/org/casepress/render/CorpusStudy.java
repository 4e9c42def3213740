package org.casepress.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.casepress.source.Loaded;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.testing.ReferenceMaterial;

/**
 * A Markdown file of ../shared/corpus as the case study {@value #SLUG} of a fresh workspace, the
 * way an author would bring it in: its own front matter replaced by ours, its sibling files
 * (images, a .bib) copied beside it, a leading {@code # } heading kept as the title.
 */
final class CorpusStudy {
  static final String SLUG = "corpus-file";

  private static final String DESCRIPTION =
      "A real Markdown file from the shared corpus, written by others and wrapped as a case study"
          + " so that check and render can be tried on text nobody here wrote. It has the usual"
          + " parts of such pages: headings, lists, links, images, admonitions and references, in"
          + " the form their authors gave them. Nothing in it is changed by the wrapping, apart"
          + " from this front matter, which replaces its own.";

  private CorpusStudy() {}

  /** Every Markdown file of the corpus, sorted; skips the caller when the corpus is absent. */
  static Stream<Path> files() throws IOException {
    Path corpus = ReferenceMaterial.corpus();
    try (Stream<Path> files = Files.walk(corpus)) {
      return files
          .filter(p -> p.toString().endsWith(".md") && !p.endsWith("SOURCES.md"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** The file's path under the corpus, for test names and messages. */
  static String name(Path file) {
    return ReferenceMaterial.CORPUS.relativize(file).toString().replace('\\', '/');
  }

  /**
   * Writes the wrapped file into a copy of the check fixtures' workspace under root and loads it.
   */
  static Loaded wrap(Path file, Path root) throws IOException {
    TestWorkspaces.copy(TestWorkspaces.BASE, root);
    Path study = root.resolve("case-studies").resolve(SLUG);
    Files.createDirectories(study);
    try (Stream<Path> siblings = Files.list(file.getParent())) {
      for (Path p : siblings.filter(Files::isRegularFile).toList()) {
        if (!p.toString().endsWith(".md")) {
          Files.copy(p, study.resolve(p.getFileName().toString()));
        }
      }
    }
    String body = withoutFrontMatter(Files.readString(file, StandardCharsets.UTF_8));
    // The leading '# ' heading, after any (label)= lines, is the title (as check reads it).
    boolean titled = body.strip().replaceAll("^(\\([^()\\s]+\\)=\\s*)+", "").startsWith("# ");
    Files.writeString(
        study.resolve("case-study.md"),
        "---\n"
            + (titled ? "" : "title: \"A corpus file wrapped as a case study\"\n")
            + "authors: [priya-nandakumar]\ndescription: >\n  "
            + DESCRIPTION
            + "\n---\n"
            + body,
        StandardCharsets.UTF_8);
    return WorkspaceLoader.load(new Workspace(root), List.of(SLUG));
  }

  private static String withoutFrontMatter(String text) {
    String t = text.replace("\r\n", "\n");
    if (t.startsWith("---\n")) {
      int end = t.indexOf("\n---", 4);
      if (end > 0) {
        int after = t.indexOf('\n', end + 4);
        return after < 0 ? "" : t.substring(after + 1);
      }
    }
    return t;
  }
}
