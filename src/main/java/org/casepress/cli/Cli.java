package org.casepress.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.casepress.model.CasepressException;
import org.casepress.workflow.Transition;

/**
 * Dispatches a command line to its command. The only place where exceptions become exit codes and
 * where a stack trace may be printed (with --verbose).
 */
public final class Cli {
  private static final List<Command> COMMANDS =
      List.of(
          new CheckCommand(),
          new MetadataCommand(),
          new RenderCommand(),
          new NewCommand(),
          new ImportCommand(),
          new StatusCommand(),
          new HistoryCommand(),
          new TransitionCommand(Transition.SUBMIT),
          new TransitionCommand(Transition.START_REVIEW),
          new TransitionCommand(Transition.REQUEST_CHANGES),
          new TransitionCommand(Transition.APPROVE),
          new TransitionCommand(Transition.WITHDRAW),
          new TransitionCommand(Transition.RESTORE),
          new TransitionCommand(Transition.REOPEN),
          new PublishCommands.PlanCommand(),
          new PublishCommands.StageCommand(),
          new PublishCommands.ReleaseCommand(),
          new PublishCommands.UnstageCommand(),
          new PublishCommands.CommunityCommand(),
          new ZenodoCommands.VerifyCommand(),
          new ZenodoCommands.DoctorCommand(),
          new ZenodoCommands.LocalZenodoCommand(),
          new PrReportCommand(),
          new ServeCommand(),
          new RehearseCommand());

  private Cli() {}

  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(out, err, System.getenv(), Path.of("").toAbsolutePath(), args);
  }

  /** Runs with an explicit environment and working folder, as tests do. */
  public static int run(
      PrintStream out, PrintStream err, Map<String, String> env, Path cwd, String... args) {
    return run(System.in, out, err, env, cwd, args);
  }

  /** Runs with an explicit standard input too (read by {@code --comment-file -}). */
  public static int run(
      InputStream in,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Path cwd,
      String... args) {
    if (args.length == 0
        || args[0].equals("--help")
        || args[0].equals("-h")
        || args[0].equals("help")) {
      (args.length == 0 ? err : out).print(usage());
      return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
    }
    Command command = commands().get(args[0]);
    if (command == null) {
      err.println(
          "casepress: unknown command '" + args[0] + "'. Run ./casepress --help for the list.");
      return ExitCode.USAGE;
    }
    Options options = withCommonOptions(command.options());
    CommandLine line;
    try {
      line =
          DefaultParser.builder().build().parse(options, Arrays.copyOfRange(args, 1, args.length));
    } catch (ParseException e) {
      err.println("casepress " + command.name() + ": " + e.getMessage());
      err.println(
          "Usage: ./casepress "
              + command.name()
              + " "
              + command.synopsis()
              + "  (--help for details)");
      return ExitCode.USAGE;
    }
    if (line.hasOption("help")) {
      out.print(help(command, options));
      return ExitCode.OK;
    }
    boolean verbose = line.hasOption("verbose");
    try {
      return command.run(new Invocation(line, in, out, err, env, cwd));
    } catch (CasepressException e) {
      ProblemPrinter.print(err, e.problems());
      err.println(e.getMessage());
      if (verbose && e.getCause() != null) {
        err.print(trace(e.getCause()));
      }
      return exitCode(e.kind());
    } catch (UncheckedIOException e) {
      err.println(
          "casepress: a file could not be read or written: "
              + e.getCause().getMessage()
              + ". Check that it exists, is a file (not a folder) and may be written, then run the"
              + " command again.");
      if (verbose) {
        err.print(trace(e));
      }
      return ExitCode.PROBLEM;
    } catch (Exception e) {
      err.println(
          "casepress: internal error ("
              + e.getClass().getSimpleName()
              + "). This is a bug in casepress;"
              + " please report it with the command you ran"
              + (verbose ? "." : " and the output of the same command with --verbose."));
      if (verbose) {
        err.print(trace(e));
      }
      return ExitCode.INTERNAL;
    }
  }

  /** The one place where a failure becomes an exit code. */
  static int exitCode(CasepressException.Kind kind) {
    return switch (kind) {
      case USAGE -> ExitCode.USAGE;
      case PROBLEM -> ExitCode.PROBLEM;
      case UNAVAILABLE -> ExitCode.UNAVAILABLE;
      case INTERNAL -> ExitCode.INTERNAL;
    };
  }

  private static String trace(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  static Map<String, Command> commands() {
    Map<String, Command> byName = new LinkedHashMap<>();
    for (Command c : COMMANDS) {
      byName.put(c.name(), c);
    }
    return byName;
  }

  private static Options withCommonOptions(Options own) {
    Options all = new Options();
    own.getOptions().forEach(all::addOption);
    all.addOption(Option.builder().longOpt("json").desc("print results as JSON").get());
    all.addOption(
        Option.builder()
            .longOpt("workspace")
            .hasArg()
            .argName("DIR")
            .desc(
                "the workspace (default: the nearest folder upward holding metadata/community.yaml)")
            .get());
    all.addOption(
        Option.builder()
            .longOpt("verbose")
            .desc("say more, and show stack traces of internal errors")
            .get());
    all.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
    return all;
  }

  static String usage() {
    StringBuilder s = new StringBuilder();
    s.append(
        "casepress: publish case studies to Zenodo\n\nUsage: ./casepress COMMAND [options]\n\nCommands:\n");
    for (Command c : COMMANDS) {
      s.append(String.format("  %-16s %s%n", c.name(), c.summary()));
    }
    s.append(
        "\nEvery command takes --json (where it prints results), --workspace DIR, --verbose, --help.\n");
    s.append(EXIT_CODES);
    return s.toString();
  }

  private static String help(Command command, Options options) {
    StringBuilder s = new StringBuilder();
    s.append("Usage: ./casepress ")
        .append(command.name())
        .append(' ')
        .append(command.synopsis())
        .append("\n\n");
    s.append(command.summary()).append("\n\nOptions:\n");
    for (Option o : options.getOptions()) {
      String name =
          (o.getOpt() != null ? "-" + o.getOpt() + ", " : "    ")
              + "--"
              + o.getLongOpt()
              + (o.hasArg() ? " " + o.getArgName() : "");
      s.append(String.format("  %-24s %s%n", name, o.getDescription()));
    }
    s.append('\n').append(EXIT_CODES);
    return s.toString();
  }

  private static final String EXIT_CODES =
      "Exit codes: 0 success; 1 a problem you must fix; 2 usage error;\n"
          + "            3 remote temporarily unavailable (retry later); 4 internal error (a bug).\n";
}
