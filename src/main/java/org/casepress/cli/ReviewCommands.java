package org.casepress.cli;

import org.apache.commons.cli.Option;
import org.casepress.workflow.ReviewWorkflow;

/** What the review commands share: who is acting, and the workflow they go through. */
final class ReviewCommands {
  private ReviewCommands() {}

  static Option asOption() {
    return Option.builder()
        .longOpt("as")
        .hasArg()
        .argName("PERSON")
        .desc(
            "who you are: your id in metadata/people.yaml (default: $"
                + Invocation.USER_VARIABLE
                + ")")
        .get();
  }

  static ReviewWorkflow workflow(Invocation in) {
    return new ReviewWorkflow(in.workspace());
  }
}
