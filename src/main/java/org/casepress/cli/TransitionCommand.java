package org.casepress.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.publish.Reopened;
import org.casepress.publish.Session;
import org.casepress.publish.TargetKind;
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
          Transition.REOPEN,
              "start the next version of a published case study as a draft; with --target local"
                  + " or sandbox, rehearse that there without changing status.json");

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
        + (transition == Transition.REOPEN ? " [--target T]" : "")
        + " [--as PERSON]";
  }

  @Override
  public String summary() {
    return SUMMARIES.get(transition);
  }

  @Override
  public Options options() {
    Options options = reviewOptions();
    if (transition == Transition.REOPEN) {
      options.addOption(
          Option.builder()
              .longOpt("target")
              .hasArg()
              .argName("T")
              .desc(
                  "local or sandbox: a rehearsal. The next version is opened in that target's"
                      + " ledger only, after a release there; stage and release it there as a new"
                      + " version. status.json (the review state, shared with production) does"
                      + " not change. Without --target (or production): the real reopen, back to"
                      + " draft for review")
              .get());
    }
    return options;
  }

  private static Options reviewOptions() {
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
    if (transition == Transition.REOPEN
        && in.line().hasOption("target")
        && in.target() != TargetKind.PRODUCTION) {
      return rehearseReopen(in);
    }
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

  /** {@code reopen SLUG --target local|sandbox}: the rehearsal, in that target's ledger only. */
  private int rehearseReopen(Invocation in) throws java.io.IOException {
    String slug = in.slug();
    TransitionTable.Rule rule = TransitionTable.rule(transition);
    String comment =
        ReviewComment.read(
            in, transition.id(), slug, rule.commentHint(), false, System.console() != null);
    Reopened r;
    try (Session session = PublishCommands.open(in)) {
      r = session.reopen(slug, comment);
    }
    if (in.json()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("slug", r.slug());
      out.put("target", r.target().id());
      out.put("version", r.version());
      out.put("follows", r.follows());
      out.put("review_version", r.reviewVersion());
      in.printJson(out);
    } else {
      in.out()
          .println(
              slug
                  + ": version "
                  + r.version()
                  + " is open on "
                  + r.target()
                  + ", a rehearsal of a new version of "
                  + r.follows()
                  + ". status.json is unchanged (still version "
                  + r.reviewVersion()
                  + "). Edit the case study, run ./casepress check "
                  + slug
                  + ", then ./casepress release "
                  + slug
                  + " --target "
                  + r.target()
                  + ".");
    }
    return ExitCode.OK;
  }
}
