package org.casepress.cli;

import java.nio.file.Path;
import org.casepress.publish.LocalRecords;
import org.casepress.publish.Released;
import org.casepress.rehearsal.Rehearsal;
import org.casepress.source.Workspace;

/** {@code rehearse}: the whole journey on local, in a fresh copy under build/rehearsal/. */
final class RehearseCommand implements Command {
  @Override
  public String name() {
    return "rehearse";
  }

  @Override
  public String synopsis() {
    return "";
  }

  @Override
  public String summary() {
    return "walk every example from draft to release on local, in a fresh copy (yours untouched)";
  }

  @Override
  public int run(Invocation in) {
    Workspace workspace = in.workspace();
    Path folder = workspace.buildDir().resolve("rehearsal");
    in.out()
        .println(
            "Rehearsing in "
                + workspace.relative(folder)
                + "/ (a fresh copy; yours is untouched).");
    in.out().flush();
    Rehearsal.Result result = Rehearsal.run(workspace, folder, in.env());
    result.steps().forEach(s -> in.out().println("  " + s));
    String ws = workspace.relative(folder);
    in.out().println();
    in.out().println("Where to look:");
    in.out().println("  ./casepress status --workspace " + ws);
    in.out().println("  ./casepress serve --workspace " + ws);
    in.out()
        .println(
            "    then open "
                + LocalRecords.BOARD_URL
                + "/ (the board; each record at "
                + LocalRecords.BOARD_URL
                + "/records/ID)");
    if (result.released().announcement() != null) {
      in.out()
          .println(
              "  " + workspace.relative(result.released().announcement()) + "/announcement.html");
    }
    in.out()
        .println("Run ./casepress rehearse again to start over. Quick starts: docs/quickstart.md");
    in.out().println();
    in.out().println("Published on local (a rehearsal: nothing went to zenodo.org):");
    for (Released r : result.released().published()) {
      in.out().println("  https://doi.org/" + r.doi() + "  " + r.caseStudy().slug());
    }
    return ExitCode.OK;
  }
}
