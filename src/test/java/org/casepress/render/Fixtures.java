package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
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
