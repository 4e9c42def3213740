package org.casepress.cli.warm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.casepress.cli.Cli;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;

/**
 * The warm process warming itself: the first render pays the JIT's warm-up (in bench.ColdBreakdown
 * the first render of a JVM took 3.4 times the fourth), so once it has answered and nobody else is
 * waiting, the process renders the same case study a few more times, into a temporary folder of its
 * own, and the next command finds the renderer compiled. It stops before each render when a command
 * has come meanwhile; one that comes during a render shares the cores with the rest of that render.
 * It writes nothing into the workspace and takes no lock: render takes none.
 */
final class WarmUp {
  /**
   * Renders after the first. With only the quick JIT tier, methods a render calls a few times each
   * reach their compile threshold only after several renders: one study rendered over and over in
   * one JVM took 130 ms the fifth time, 100 ms the tenth and about 90 ms from the fifteenth on.
   * After 12 warm-up renders instead of 3, the next renders of seven other case studies took
   * 1198-1209 ms together against 1483-2109 ms (docs/warm.md).
   */
  static final int DEFAULT_RENDERS = 12;

  private WarmUp() {}

  /**
   * The render to repeat, as arguments writing to {@code output}: the same case study, mode, date
   * and workspace as {@code args}, a {@code render} of one case study. After {@code render --all},
   * one case study of that workspace ({@link #typical}): rendering it warms what every study's
   * render runs, at the cost of one study, not of the whole batch. Empty for anything else (a
   * check, an option it does not know), which is not repeated.
   *
   * @param cwd the folder the command ran in, where a workspace not named is looked for
   */
  static Optional<String[]> renderAgain(List<String> args, Path output, Path cwd) {
    if (args.isEmpty() || !args.get(0).equals("render")) {
      return Optional.empty();
    }
    List<String> again = new ArrayList<>(List.of("render"));
    String slug = null;
    String workspace = null;
    boolean all = false;
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      boolean valued = a.equals("--workspace") || a.equals("--date") || a.equals("--output");
      if (valued && i + 1 < args.size()) {
        if (a.equals("--workspace")) {
          workspace = args.get(i + 1);
        }
        if (!a.equals("--output")) {
          again.add(a);
          again.add(args.get(i + 1));
        }
        i++;
      } else if (a.equals("--final")) {
        again.add(a);
      } else if (a.equals("--all")) {
        all = true;
      } else if (!a.startsWith("-") && slug == null) {
        slug = a;
      } else {
        return Optional.empty();
      }
    }
    if (all && slug == null) {
      Optional<Workspace> ws =
          workspace != null
              ? Optional.of(new Workspace(cwd.resolve(workspace)))
              : Workspace.find(cwd);
      slug = ws.flatMap(WarmUp::typical).orElse(null);
    } else if (all) {
      return Optional.empty();
    }
    if (slug == null) {
      return Optional.empty();
    }
    again.add(1, slug);
    again.add("--output");
    again.add(output.toString());
    return Optional.of(again.toArray(new String[0]));
  }

  /**
   * The case study of middling length (by the size of its case-study.md, the lower middle of an
   * even count; ties by name): the longest would cost the most to repeat, the shortest may leave
   * out what most studies use.
   */
  static Optional<String> typical(Workspace workspace) {
    record Study(String slug, long size) {}
    List<Study> studies = new ArrayList<>();
    for (String slug : WorkspaceLoader.slugs(workspace)) {
      try {
        studies.add(new Study(slug, Files.size(workspace.caseStudyFile(slug))));
      } catch (IOException e) {
        // no case-study.md: nothing to render
      }
    }
    studies.sort(Comparator.comparingLong(Study::size).thenComparing(Study::slug));
    return studies.isEmpty()
        ? Optional.empty()
        : Optional.of(studies.get((studies.size() - 1) / 2).slug());
  }

  /**
   * Repeats the render {@code renders} times while {@code idle} says nobody is waiting; what it
   * prints goes nowhere.
   */
  static void run(Frames.Request first, int renders, BooleanSupplier idle) {
    Path folder;
    try {
      folder = Files.createTempDirectory("casepress-warm-up");
    } catch (IOException e) {
      return;
    }
    try {
      Path output = folder.resolve("warm-up.pdf");
      Optional<String[]> args = renderAgain(first.args(), output, Path.of(first.cwd()));
      PrintStream nowhere =
          new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      for (int i = 0; args.isPresent() && i < renders && idle.getAsBoolean(); i++) {
        Cli.run(
            InputStream.nullInputStream(),
            nowhere,
            nowhere,
            first.env(),
            Path.of(first.cwd()),
            args.get().clone());
      }
    } catch (RuntimeException e) {
      // A warm-up that fails costs the next command its head start, nothing else.
    } finally {
      try {
        Files.deleteIfExists(folder.resolve("warm-up.pdf"));
        Files.deleteIfExists(folder);
      } catch (IOException e) {
        // A file left in the temporary folder is the system's to clean.
      }
    }
  }
}
