package org.casepress.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.casepress.model.CaseStudy;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;

/**
 * The example case studies of this repository (case-studies/*) and the test fixtures, each rendered
 * final once per test run and shared by the tests that read the PDFs.
 */
final class ExampleRenders {
  record Example(String name, CaseStudy cs, Loaded loaded) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Map<String, Path> RENDERED = new ConcurrentHashMap<>();
  private static Path folder;

  private ExampleRenders() {}

  /** The repository's own case studies. */
  static List<Example> examples() {
    List<Example> all = new ArrayList<>();
    if (Files.isRegularFile(Path.of(Workspace.COMMUNITY_FILE))) {
      Loaded repo = WorkspaceLoader.load(new Workspace(Path.of("")));
      repo.caseStudies().forEach(cs -> all.add(new Example(cs.slug(), cs, repo)));
    }
    return all;
  }

  /** The examples and the fixtures. */
  static List<Example> examplesAndFixtures() {
    List<Example> all = new ArrayList<>(examples());
    Loaded fixture = Fixtures.load();
    fixture.caseStudies().forEach(cs -> all.add(new Example("fixture " + cs.slug(), cs, fixture)));
    return all;
  }

  /** The final PDF of {@code e}, as published. */
  static Path pdf(Example e) {
    return RENDERED.computeIfAbsent(
        e.name(),
        name -> {
          try {
            Path pdf = folder().resolve(name.replace(' ', '-') + ".pdf");
            Fixtures.renderer()
                .render(e.cs(), e.loaded().metadata(), Fixtures.published(), RenderMode.FINAL, pdf);
            return pdf;
          } catch (IOException ex) {
            throw new UncheckedIOException(ex);
          } catch (RenderException ex) {
            throw new AssertionError(name + " does not render: " + ex.problems(), ex);
          }
        });
  }

  /** Under target/, where they can be looked at after the run; replaced by each run. */
  private static synchronized Path folder() throws IOException {
    if (folder == null) {
      folder = Files.createDirectories(Path.of("target", "example-pdfs"));
    }
    return folder;
  }
}
