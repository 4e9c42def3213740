package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.casepress.model.CaseStudy;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;

/** The test workspace under src/test/resources/render/workspace and one shared renderer. */
public final class Fixtures {
  public static final Path WORKSPACE = Path.of("src", "test", "resources", "render", "workspace");
  static final LocalDate DATE = LocalDate.of(2026, 11, 25);

  private static Renderer renderer;

  private Fixtures() {}

  static synchronized Renderer renderer() {
    if (renderer == null) {
      renderer = Renderer.create();
    }
    return renderer;
  }

  static Loaded load() {
    Loaded loaded = WorkspaceLoader.load(new Workspace(WORKSPACE));
    assertFalse(loaded.hasErrors(), () -> "fixture workspace has errors: " + loaded.problems());
    return loaded;
  }

  static Publication draft() {
    return new Publication(1, DATE, "in review", null, null);
  }

  static Publication published() {
    return new Publication(2, DATE, "approved", "10.5072/zenodo.123456", "10.5072/zenodo.123455");
  }

  /** A fixture case study and its final PDF. */
  record Rendered(CaseStudy cs, Path pdf) {}

  /** Loads the fixtures and renders one of them in final mode, as published, into a folder. */
  static Rendered renderFinal(String slug, Path folder) throws Exception {
    Loaded loaded = load();
    return new Rendered(loaded.caseStudy(slug).orElseThrow(), renderFinal(loaded, slug, folder));
  }

  /** Renders a fixture case study in final mode, as published, to {@code folder/slug.pdf}. */
  static Path renderFinal(Loaded loaded, String slug, Path folder) throws Exception {
    CaseStudy cs = loaded.caseStudy(slug).orElseThrow();
    Path pdf = folder.resolve(slug + ".pdf");
    renderer().render(cs, loaded.metadata(), published(), RenderMode.FINAL, pdf);
    return pdf;
  }

  /** Every element of a tagged PDF's structure tree, depth first, in reading order. */
  static List<PDStructureElement> structure(PDDocument doc) {
    return structure(doc.getDocumentCatalog().getStructureTreeRoot());
  }

  /** Every element under a node of a structure tree, depth first. */
  static List<PDStructureElement> structure(PDStructureNode node) {
    List<PDStructureElement> found = new ArrayList<>();
    collect(node, found);
    return found;
  }

  private static void collect(PDStructureNode node, List<PDStructureElement> found) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        found.add(e);
        collect(e, found);
      }
    }
  }

  /** Copies a folder tree, e.g. the fixture workspace into a temporary folder. */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
