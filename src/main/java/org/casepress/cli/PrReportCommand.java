package org.casepress.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.publish.DraftPdf;
import org.casepress.pullrequest.PullRequestReport;
import org.casepress.source.Workspace;

/**
 * {@code pr-report --changed-files FILE [--output DIR]}: what the pull request workflow shows for
 * the case studies a pull request changes (draft PDFs and a job summary).
 */
final class PrReportCommand implements Command {
  /** The artifact the pull request workflow uploads the draft PDFs as. */
  static final String ARTIFACT = "draft-pdfs";

  @Override
  public String name() {
    return "pr-report";
  }

  @Override
  public String synopsis() {
    return "--changed-files FILE [--output DIR]";
  }

  @Override
  public String summary() {
    return "for a pull request: draft PDFs of the changed case studies and a job summary";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder()
                .longOpt("changed-files")
                .hasArg()
                .argName("FILE")
                .required()
                .desc("the paths the pull request changes, one a line (git diff --name-only)")
                .get())
        .addOption(
            Option.builder()
                .longOpt("output")
                .hasArg()
                .argName("DIR")
                .desc("where the draft PDFs and summary.md go (default: build/pull-request)")
                .get());
  }

  @Override
  public int run(Invocation in) throws IOException {
    Workspace workspace = in.workspace();
    Path listFile = in.cwdPath(in.line().getOptionValue("changed-files"));
    List<String> changed;
    try {
      changed = Files.readAllLines(listFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw CommandException.usage(
          "--changed-files "
              + in.line().getOptionValue("changed-files")
              + " does not exist. Write it first, e.g. git diff --name-only main... > FILE.");
    }
    Path output =
        in.line().hasOption("output")
            ? in.cwdPath(in.line().getOptionValue("output"))
            : workspace.buildDir().resolve("pull-request");
    List<String> slugs = PullRequestReport.changedSlugs(workspace, changed);
    PullRequestReport report = PullRequestReport.build(workspace, slugs, DraftPdf.create(), output);
    String markdown = report.markdown(ARTIFACT);
    Files.writeString(output.resolve("summary.md"), markdown, StandardCharsets.UTF_8);
    // The runner shows what is appended to this file on the run's Summary page.
    String summaryFile = in.env().get("GITHUB_STEP_SUMMARY");
    if (summaryFile != null && !summaryFile.isBlank()) {
      Files.writeString(
          Path.of(summaryFile),
          markdown,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    if (in.json()) {
      in.printJson(report);
    } else {
      for (PullRequestReport.Study s : report.studies()) {
        in.out()
            .println(
                s.slug()
                    + ": "
                    + s.state()
                    + ", "
                    + (s.pdf() == null
                        ? "no draft PDF (fix its errors)"
                        : s.pdf() + " (" + CheckCommand.plural(s.pages(), "page") + ")"));
      }
      in.out().println("Summary: " + workspace.relative(output.resolve("summary.md")));
    }
    return report.hasErrors() ? ExitCode.PROBLEM : ExitCode.OK;
  }
}
