package org.casepress.cli;

import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.workflow.HistoryEntry;
import org.casepress.workflow.ReviewWorkflow;
import org.casepress.workflow.Transition;
import org.casepress.workflow.TransitionTable;

/** One review step: {@code submit}, {@code approve}, ... SLUG [--comment TEXT] [--as PERSON]. */
final class TransitionCommand implements Command {
  private static final Map<Transition, String> SUMMARIES =
      Map.of(
          Transition.SUBMIT, "hand a draft to the technical writer for review (check must pass)",
          Transition.START_REVIEW, "start reviewing a submitted case study",
          Transition.REQUEST_CHANGES,
              "send a case study back to its authors, saying what to change",
          Transition.APPROVE, "approve a case study for publication (check must pass)",
          Transition.WITHDRAW, "take a case study out of the workflow, saying why",
          Transition.RESTORE, "bring a withdrawn case study back where it was",
          Transition.REOPEN, "start the next version of a published case study as a draft");

  private final Transition transition;

  TransitionCommand(Transition transition) {
    this.transition = transition;
  }

  @Override
  public String name() {
    return transition.id();
  }

  @Override
  public String synopsis() {
    return "SLUG "
        + (TransitionTable.rule(transition).needsComment()
            ? "(--comment TEXT | --comment-file F)"
            : "[--comment TEXT | --comment-file F]")
        + " [--as PERSON]";
  }

  @Override
  public String summary() {
    return SUMMARIES.get(transition);
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder()
                .longOpt("comment")
                .hasArg()
                .argName("TEXT")
                .desc("what you want to say; kept in the history")
                .get())
        .addOption(
            Option.builder()
                .longOpt("comment-file")
                .hasArg()
                .argName("F")
                .desc(
                    "the comment from a text file, or - for standard input (without either, a step"
                        + " that needs a comment opens $EDITOR)")
                .get())
        .addOption(ReviewCommands.asOption());
  }

  @Override
  public int run(Invocation in) throws java.io.IOException {
    String slug = in.slug();
    TransitionTable.Rule rule = TransitionTable.rule(transition);
    String comment =
        ReviewComment.read(
            in,
            transition.id(),
            slug,
            rule.commentHint(),
            rule.needsComment(),
            System.console() != null);
    ReviewWorkflow.Step step;
    step = ReviewCommands.workflow(in).apply(slug, transition, in.actorId(), comment);
    if (in.json()) {
      in.printJson(step);
    } else {
      HistoryEntry e = step.entry();
      in.out()
          .println(
              slug
                  + ": "
                  + e.from().id()
                  + " → "
                  + e.to().id()
                  + " by "
                  + e.actor()
                  + (transition == Transition.REOPEN ? " (now version " + e.version() + ")" : "")
                  + ".");
    }
    return ExitCode.OK;
  }
}
