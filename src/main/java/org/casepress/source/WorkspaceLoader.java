package org.casepress.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Loads a workspace, collecting every problem before anyone acts on it. Reads, never writes. */
public final class WorkspaceLoader {
  private WorkspaceLoader() {}

  /** Loads the metadata and every case study. */
  public static Loaded load(Workspace workspace) {
    return load(workspace, slugs(workspace));
  }

  /** Loads the metadata and the named case studies; an unknown slug is itself a problem. */
  public static Loaded load(Workspace workspace, Collection<String> slugs) {
    return load(workspace, slugs, true);
  }

  /**
   * Loads the metadata and every case study without checking the bodies: for a command that shows
   * what the case studies are (titles, authors), such as {@code status}, and not what is wrong with
   * them. The same case studies load as with {@link #load(Workspace)}, with the same values; the
   * problems are those of the metadata and front matter alone.
   */
  public static Loaded loadFrontMatter(Workspace workspace) {
    return load(workspace, slugs(workspace), false);
  }

  private static Loaded load(Workspace workspace, Collection<String> slugs, boolean checkBodies) {
    WorkspaceLoad load = WorkspaceLoad.start(workspace, checkBodies);
    List<WorkspaceLoad.Study> studies = new ArrayList<>();
    for (String slug : slugs) {
      studies.add(load.load(slug));
    }
    return load.finish(studies);
  }

  /** The case study folders, sorted; hidden folders and loose files are not case studies. */
  public static List<String> slugs(Workspace workspace) {
    Path dir = workspace.caseStudiesDir();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".") && !name.startsWith("_"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
