package org.casepress.cli;

import org.casepress.workflow.ContentDigest;
import org.casepress.workflow.HistoryEntry;
import org.casepress.workflow.StatusFile;

/** {@code history SLUG}: every review step of a case study, oldest first. */
final class HistoryCommand implements Command {

  @Override
  public String name() {
    return "history";
  }

  @Override
  public String synopsis() {
    return "SLUG [--json]";
  }

  @Override
  public String summary() {
    return "every review step of a case study: when, who, from and to, and what they said";
  }

  @Override
  public int run(Invocation in) {
    String slug = in.slug();
    StatusFile status;
    status = ReviewCommands.workflow(in).status(slug);
    if (in.json()) {
      in.printJson(status);
      return ExitCode.OK;
    }
    if (status.history().isEmpty()) {
      in.out()
          .println(
              slug + ": a draft (version 1) with no history yet; it starts with the first submit.");
      return ExitCode.OK;
    }
    int actorWidth = status.history().stream().mapToInt(e -> e.actor().length()).max().orElse(0);
    int moveWidth = status.history().stream().mapToInt(e -> move(e).length()).max().orElse(0);
    for (HistoryEntry e : status.history()) {
      in.out()
          .println(
              String.format(
                      "%s  %-" + actorWidth + "s  %-" + moveWidth + "s  v%d  %s%s",
                      e.time(),
                      e.actor(),
                      move(e),
                      e.version(),
                      ContentDigest.shortForm(e.digest()),
                      e.comment() == null ? "" : "  " + firstLine(e.comment()))
                  .stripTrailing());
      // A comment written in a file or an editor keeps its lines, shown in full below the step.
      if (e.comment() != null && e.comment().contains("\n")) {
        e.comment().lines().skip(1).forEach(l -> in.out().println(("    " + l).stripTrailing()));
      }
    }
    return ExitCode.OK;
  }

  private static String firstLine(String comment) {
    return comment.lines().findFirst().orElse("").strip();
  }

  private static String move(HistoryEntry e) {
    return (e.from() == null ? "(new)" : e.from().id()) + " → " + e.to().id();
  }
}
