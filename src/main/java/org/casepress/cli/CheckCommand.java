package org.casepress.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.model.CaseStudy;
import org.casepress.model.Problem;
import org.casepress.pullrequest.GithubAnnotations;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;

/**
 * {@code check [SLUG...]}: validates case studies and metadata, reporting every problem at once.
 */
final class CheckCommand implements Command {

  @Override
  public String name() {
    return "check";
  }

  @Override
  public String synopsis() {
    return "[SLUG...] [--json | --format github]";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder()
                .longOpt("format")
                .hasArg()
                .argName("FORMAT")
                .desc(
                    "text (default), json, or github: GitHub Actions annotations on the problem lines")
                .get());
  }

  @Override
  public String summary() {
    return "validate case studies and metadata; all problems at once";
  }

  @Override
  public int run(Invocation in) {
    Workspace workspace = in.workspace();
    Loaded loaded =
        in.args().isEmpty()
            ? WorkspaceLoader.load(workspace)
            : WorkspaceLoader.load(workspace, in.args());
    String format = in.line().getOptionValue("format", in.json() ? "json" : "text");
    if (format.equals("github")) {
      GithubAnnotations.of(loaded.problems()).forEach(in.out()::println);
      printVerdict(in, loaded);
    } else if (format.equals("json")) {
      in.printJson(report(loaded));
    } else if (format.equals("text")) {
      printHuman(in, loaded);
    } else {
      throw CommandException.usage(
          "--format " + format + " is not a format; use text, json or github.");
    }
    return loaded.hasErrors() ? ExitCode.PROBLEM : ExitCode.OK;
  }

  /** The stable --json shape, documented in docs/check-json.md. */
  static Map<String, Object> report(Loaded loaded) {
    Map<String, Object> r = new LinkedHashMap<>();
    long errors = loaded.problems().stream().filter(Problem::isError).count();
    r.put("ok", errors == 0);
    r.put("errors", errors);
    r.put("warnings", loaded.problems().size() - errors);
    r.put("case_studies", loaded.caseStudies().stream().map(CaseStudy::slug).toList());
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Problem p : loaded.problems()) {
      problems.add(json(p));
    }
    r.put("problems", problems);
    return r;
  }

  /** One problem in the stable --json shape. */
  static Map<String, Object> json(Problem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", p.file());
    m.put("line", p.line());
    m.put("column", p.column());
    m.put("field", p.field());
    m.put("severity", p.severity().label());
    m.put("message", p.message());
    return m;
  }

  static void printHuman(Invocation in, Loaded loaded) {
    ProblemPrinter.print(in.out(), loaded.problems());
    printVerdict(in, loaded);
  }

  private static void printVerdict(Invocation in, Loaded loaded) {
    long errors = loaded.problems().stream().filter(Problem::isError).count();
    long warnings = loaded.problems().size() - errors;
    int studies = loaded.caseStudies().size();
    if (errors == 0) {
      in.out()
          .println(
              "OK: "
                  + studies
                  + " case "
                  + (studies == 1 ? "study" : "studies")
                  + " and the metadata check out"
                  + (warnings > 0 ? ", with " + plural(warnings, "warning") + "." : "."));
    } else {
      long files = loaded.problems().stream().map(Problem::file).distinct().count();
      in.out()
          .println(
              plural(errors, "error")
                  + (warnings > 0 ? " and " + plural(warnings, "warning") : "")
                  + " in "
                  + plural(files, "file")
                  + ". Fix the errors and run ./casepress check again.");
    }
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
