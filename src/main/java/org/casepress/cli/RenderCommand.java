package org.casepress.cli;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.publish.PdfJob;
import org.casepress.render.RenderMode;
import org.casepress.source.Workspace;

/**
 * {@code render SLUG [--output FILE] [--final] [--date YYYY-MM-DD]} and {@code render --all}: the
 * case study as a PDF, by default build/pdf/SLUG.pdf. Refuses a case study that {@code check} finds
 * errors in.
 */
final class RenderCommand implements Command {
  @Override
  public String name() {
    return "render";
  }

  @Override
  public String synopsis() {
    return "SLUG [--output FILE [--force]] [--final] [--date YYYY-MM-DD] | --all";
  }

  @Override
  public String summary() {
    return "PDF (draft watermark unless --final); default build/pdf/<slug>.pdf";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(
        Option.builder()
            .longOpt("output")
            .hasArg()
            .argName("FILE")
            .desc("where to write the PDF (one case study only)")
            .get());
    o.addOption(
        Option.builder()
            .longOpt("final")
            .desc("no watermark; a missing or refused resource fails the render")
            .get());
    o.addOption(
        Option.builder()
            .longOpt("force")
            .desc("let --output replace an existing PDF that casepress did not write")
            .get());
    o.addOption(
        Option.builder().longOpt("all").desc("render every case study to build/pdf/").get());
    o.addOption(
        Option.builder()
            .longOpt("date")
            .hasArg()
            .argName("YYYY-MM-DD")
            .desc(
                "the date printed and stored in the PDF (default: SOURCE_DATE_EPOCH, else the day the case study's files last changed)")
            .get());
    return o;
  }

  @Override
  public int run(Invocation in) throws IOException {
    boolean all = in.line().hasOption("all");
    if (all && (!in.args().isEmpty() || in.line().hasOption("output"))) {
      throw CommandException.usage(
          "render --all takes no SLUG and no --output: every PDF goes to build/pdf/.");
    }
    RenderMode mode = in.line().hasOption("final") ? RenderMode.FINAL : RenderMode.DRAFT;
    Workspace workspace = in.workspace();
    PdfJob.Request request =
        new PdfJob.Request(
            all ? List.of() : List.of(in.slug()),
            all,
            mode,
            Optional.ofNullable(in.line().getOptionValue("output")).map(in::cwdPath),
            date(in),
            sourceDate(in),
            in.line().hasOption("force"));
    List<PdfJob.Result> results = PdfJob.render(workspace, request);
    List<Map<String, Object>> report = new ArrayList<>();
    boolean failed = false;
    for (PdfJob.Result result : results) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("slug", result.slug());
      report.add(entry);
      if (result instanceof PdfJob.Result.Written w) {
        entry.put("ok", true);
        entry.put("output", workspace.relative(w.pdf().output()));
        entry.put("pages", w.pdf().pages());
        entry.put("problems", w.pdf().warnings().stream().map(CheckCommand::json).toList());
        if (!in.json()) {
          ProblemPrinter.print(in.out(), w.pdf().warnings());
          in.out()
              .println(
                  "Wrote "
                      + workspace.relative(w.pdf().output())
                      + " ("
                      + CheckCommand.plural(w.pdf().pages(), "page")
                      + (mode == RenderMode.DRAFT ? ", draft" : ", final")
                      + (w.pdf().warnings().isEmpty()
                          ? ""
                          : ", " + CheckCommand.plural(w.pdf().warnings().size(), "warning"))
                      + ").");
        }
      } else if (result instanceof PdfJob.Result.NotWritten n) {
        failed = true;
        entry.put("ok", false);
        entry.put("problems", n.problems().stream().map(CheckCommand::json).toList());
        if (!in.json()) {
          ProblemPrinter.print(in.err(), n.problems());
          in.err()
              .println(
                  n.refusedByRenderer()
                      ? "Not rendered: "
                          + n.slug()
                          + " cannot be published as it is. Fix the errors above, or render a draft without --final."
                      : "Not rendering "
                          + n.slug()
                          + ": fix the errors above (./casepress check "
                          + n.slug()
                          + ") and try again.");
        }
      }
    }
    if (in.json()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("ok", !failed);
      r.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
      r.put("pdfs", report);
      in.printJson(r);
    }
    return failed ? ExitCode.PROBLEM : ExitCode.OK;
  }

  private static Optional<LocalDate> date(Invocation in) {
    String given = in.line().getOptionValue("date");
    if (given == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(given));
    } catch (DateTimeParseException e) {
      throw CommandException.usage(
          "--date " + given + " is not a date; write it as YYYY-MM-DD, e.g. 2026-12-10.");
    }
  }

  /** SOURCE_DATE_EPOCH, the reproducible-builds convention, when it is set. */
  private static Optional<Instant> sourceDate(Invocation in) {
    String epoch = in.env().get("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(epoch.strip())));
    } catch (NumberFormatException e) {
      throw CommandException.usage(
          "SOURCE_DATE_EPOCH=" + epoch + " is not a number of seconds since 1970.");
    }
  }
}
