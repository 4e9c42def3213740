package org.casepress.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.workflow.ReviewWorkflow;

/** {@code new SLUG --title T [--as PERSON]}: starts a case study from the template. */
final class NewCommand implements Command {

  @Override
  public String name() {
    return "new";
  }

  @Override
  public String synopsis() {
    return "SLUG --title TEXT [--as PERSON]";
  }

  @Override
  public String summary() {
    return "start a case study from the template (a draft; you become its first author)";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder()
                .longOpt("title")
                .hasArg()
                .argName("TEXT")
                .desc("the case study's title")
                .get())
        .addOption(ReviewCommands.asOption());
  }

  @Override
  public int run(Invocation in) {
    String slug = in.slug();
    String title = in.line().getOptionValue("title");
    if (title == null) {
      throw CommandException.usage(
          "Give the new case study a title: --title \"How we opened our flood models\".");
    }
    ReviewWorkflow.Step step;
    step = ReviewCommands.workflow(in).create(slug, title, in.actorId());
    if (in.json()) {
      in.printJson(step);
    } else {
      in.out()
          .println(
              "Created case-studies/"
                  + slug
                  + "/case-study.md, a draft with "
                  + step.entry().actor()
                  + " as its first author. Open it, fill in each field as its comments describe, then run"
                  + " ./casepress check "
                  + slug
                  + ".");
    }
    return ExitCode.OK;
  }
}
