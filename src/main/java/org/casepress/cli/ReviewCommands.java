package org.casepress.cli;

import org.apache.commons.cli.Option;
import org.casepress.workflow.CheckFailedException;
import org.casepress.workflow.ReviewWorkflow;
import org.casepress.workflow.WorkflowException;

/** What the review commands share: who is acting, and how a refused step reaches the user. */
final class ReviewCommands {
  static final String USER_VARIABLE = "CASEPRESS_USER";

  private ReviewCommands() {}

  static Option asOption() {
    return Option.builder()
        .longOpt("as")
        .hasArg()
        .argName("PERSON")
        .desc("who you are: your id in metadata/people.yaml (default: $" + USER_VARIABLE + ")")
        .get();
  }

  /** --as, else CASEPRESS_USER, else null (the workflow then says how to give it). */
  static String actor(Invocation in) {
    String given = in.line().getOptionValue("as");
    if (given == null || given.isBlank()) {
      given = in.env().get(USER_VARIABLE);
    }
    return given == null || given.isBlank() ? null : given.strip();
  }

  static ReviewWorkflow workflow(Invocation in) {
    return new ReviewWorkflow(in.workspace());
  }

  /**
   * The exception that ends the command: problems found by check are printed first, the refusal
   * itself becomes the message.
   */
  static CommandException refused(Invocation in, WorkflowException e) {
    if (e instanceof CheckFailedException failed) {
      ProblemPrinter.print(in.err(), failed.problems());
    }
    return new CommandException(e.isBadInput() ? ExitCode.USAGE : ExitCode.PROBLEM, e.getMessage());
  }
}
