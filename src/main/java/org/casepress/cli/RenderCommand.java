package org.casepress.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.model.CaseStudy;
import org.casepress.model.Problem;
import org.casepress.publish.Ledger;
import org.casepress.publish.LedgerStores;
import org.casepress.render.OutputFile;
import org.casepress.render.Publication;
import org.casepress.render.RenderException;
import org.casepress.render.RenderMode;
import org.casepress.render.RenderResult;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.StatusFile;
import org.casepress.workflow.StatusStore;

/**
 * {@code render SLUG [--output FILE] [--final] [--date YYYY-MM-DD]} and {@code render --all}: the
 * case study as a PDF, by default build/pdf/SLUG.pdf. Refuses a case study that {@code check} finds
 * errors in.
 */
final class RenderCommand implements Command {
  private static Renderer renderer;

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
    Workspace workspace = in.workspace();
    Loaded loaded =
        all ? WorkspaceLoader.load(workspace) : WorkspaceLoader.load(workspace, List.of(in.slug()));
    RenderMode mode = in.line().hasOption("final") ? RenderMode.FINAL : RenderMode.DRAFT;
    List<Map<String, Object>> report = new ArrayList<>();
    boolean failed = false;
    List<String> slugs = all ? WorkspaceLoader.slugs(workspace) : List.of(in.slug());
    for (String slug : slugs) {
      List<Problem> problems = loaded.problemsOf(slug);
      CaseStudy cs = loaded.caseStudy(slug).orElse(null);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("slug", slug);
      report.add(entry);
      if (cs == null || problems.stream().anyMatch(Problem::isError)) {
        failed = true;
        entry.put("ok", false);
        entry.put("problems", problems.stream().map(CheckCommand::json).toList());
        if (!in.json()) {
          ProblemPrinter.print(in.err(), problems.isEmpty() ? loaded.problems() : problems);
          in.err()
              .println(
                  "Not rendering "
                      + slug
                      + ": fix the errors above (./casepress check "
                      + slug
                      + ") and try again.");
        }
        continue;
      }
      Path output =
          in.line().hasOption("output")
              ? in.cwdPath(in.line().getOptionValue("output"))
              : workspace.buildDir().resolve("pdf").resolve(slug + ".pdf");
      Publication pub = publication(workspace, cs, date(in, cs));
      try {
        if (in.line().hasOption("output")) {
          OutputFile.permit(workspace, output, in.line().hasOption("force"));
        }
      } catch (RenderException e) {
        failed = true;
        entry.put("ok", false);
        entry.put("problems", e.problems().stream().map(CheckCommand::json).toList());
        if (!in.json()) {
          ProblemPrinter.print(in.err(), e.problems());
        }
        continue;
      }
      try {
        RenderResult result = renderer().render(cs, loaded.metadata(), pub, mode, output);
        entry.put("ok", true);
        entry.put("output", workspace.relative(result.output()));
        entry.put("pages", result.pages());
        entry.put("problems", result.warnings().stream().map(CheckCommand::json).toList());
        if (!in.json()) {
          ProblemPrinter.print(in.out(), result.warnings());
          in.out()
              .println(
                  "Wrote "
                      + workspace.relative(result.output())
                      + " ("
                      + CheckCommand.plural(result.pages(), "page")
                      + (mode == RenderMode.DRAFT ? ", draft" : ", final")
                      + (result.warnings().isEmpty()
                          ? ""
                          : ", " + CheckCommand.plural(result.warnings().size(), "warning"))
                      + ").");
        }
      } catch (RenderException e) {
        failed = true;
        entry.put("ok", false);
        entry.put("problems", e.problems().stream().map(CheckCommand::json).toList());
        if (!in.json()) {
          ProblemPrinter.print(in.err(), e.problems());
          in.err()
              .println(
                  "Not rendered: "
                      + slug
                      + " cannot be published as it is. Fix the errors above, or render a draft without --final.");
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

  /**
   * What the PDF says of the case study's state: version and review state from status.json, and the
   * DOI once the version is published on production.
   */
  static Publication publication(Workspace workspace, CaseStudy cs, LocalDate date) {
    StatusFile status = new StatusStore(workspace).read(cs.slug());
    Ledger.Entry published =
        LedgerStores.forTarget(workspace, "production")
            .read(cs.slug())
            .version(status.version())
            .filter(e -> e.phase().isPublished())
            .orElse(null);
    return new Publication(
        status.version(),
        date,
        status.state().id().replace('-', ' '),
        published == null ? null : published.doi(),
        published == null ? null : published.conceptDoi());
  }

  /**
   * The date of the PDF: --date, else SOURCE_DATE_EPOCH (the reproducible-builds convention), else
   * the day of the case study's last review step, else the UTC day its files last changed. Never
   * the clock, so that rendering unchanged files twice gives the same bytes.
   */
  static LocalDate date(Invocation in, CaseStudy cs) {
    String given = in.line().getOptionValue("date");
    if (given != null) {
      try {
        return LocalDate.parse(given);
      } catch (DateTimeParseException e) {
        throw CommandException.usage(
            "--date " + given + " is not a date; write it as YYYY-MM-DD, e.g. 2026-12-10.");
      }
    }
    String epoch = in.env().get("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isBlank()) {
      try {
        return LocalDate.ofInstant(
            Instant.ofEpochSecond(Long.parseLong(epoch.strip())), ZoneOffset.UTC);
      } catch (NumberFormatException e) {
        throw CommandException.usage(
            "SOURCE_DATE_EPOCH=" + epoch + " is not a number of seconds since 1970.");
      }
    }
    return new StatusStore(in.workspace())
        .read(cs.slug())
        .lastChange()
        .map(h -> LocalDate.ofInstant(h.time(), ZoneOffset.UTC))
        .orElseGet(() -> Publication.contentDate(cs.folder()));
  }

  static synchronized Renderer renderer() {
    if (renderer == null) {
      renderer = Renderer.create();
    }
    return renderer;
  }
}
