package org.casepress.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.casepress.publish.Destination;
import org.casepress.publish.TargetKind;
import org.casepress.source.Workspace;
import org.casepress.zenodo.TerminalProgress;

/**
 * What a command runs with: its parsed command line, the streams, the environment and the
 * workspace. Tests build one through {@link Cli#run} with their own streams and environment.
 */
final class Invocation {
  static final String USER_VARIABLE = "CASEPRESS_USER";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Two-space indents, "key": value, one array item per line: easy to read and to diff. */
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private final CommandLine line;
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final Path cwd;

  Invocation(
      CommandLine line, PrintStream out, PrintStream err, Map<String, String> env, Path cwd) {
    this(line, System.in, out, err, env, cwd);
  }

  Invocation(
      CommandLine line,
      InputStream in,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Path cwd) {
    this.line = line;
    this.in = in;
    this.out = out;
    this.err = err;
    this.env = env;
    this.cwd = cwd;
  }

  CommandLine line() {
    return line;
  }

  InputStream in() {
    return in;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  Map<String, String> env() {
    return env;
  }

  boolean json() {
    return line.hasOption("json");
  }

  boolean verbose() {
    return line.hasOption("verbose");
  }

  List<String> args() {
    return line.getArgList();
  }

  /** The one positional argument a command such as {@code history SLUG} needs. */
  String slug() {
    List<String> args = args();
    if (args.size() != 1) {
      throw CommandException.usage(
          "Name exactly one case study (its folder name under case-studies/).");
    }
    return args.get(0);
  }

  /** --workspace DIR, or the nearest folder upward holding metadata/community.yaml. */
  Workspace workspace() {
    String given = line.getOptionValue("workspace");
    if (given != null) {
      Path dir = cwd.resolve(given);
      Workspace ws = new Workspace(dir);
      if (!dir.resolve(Workspace.COMMUNITY_FILE).toFile().isFile()) {
        throw CommandException.usage(
            "--workspace "
                + given
                + " is not a casepress workspace: it has no "
                + Workspace.COMMUNITY_FILE
                + ".");
      }
      return ws;
    }
    return Workspace.find(cwd)
        .orElseThrow(
            () ->
                CommandException.usage(
                    "No casepress workspace here: no folder from "
                        + cwd
                        + " upward holds "
                        + Workspace.COMMUNITY_FILE
                        + ". Run the command inside the repository, or pass --workspace DIR."));
  }

  /** --as, else CASEPRESS_USER, else null (the library then says how to give it). */
  String actorId() {
    String given = line.getOptionValue("as");
    if (given == null || given.isBlank()) {
      given = env.get(USER_VARIABLE);
    }
    return given == null || given.isBlank() ? null : given.strip();
  }

  /** --target, local by default. */
  TargetKind target() {
    String name = line.getOptionValue("target", "local").toLowerCase(Locale.ROOT);
    return TargetKind.parse(name)
        .orElseThrow(
            () ->
                CommandException.usage(
                    "--target must be local, sandbox or production, not '" + name + "'."));
  }

  /** --target and --zenodo-url, with upload progress on the terminal. */
  Destination destination() {
    return new Destination(
        target(),
        Optional.ofNullable(line.getOptionValue("zenodo-url")),
        env,
        json() ? TerminalProgress.of(err, false) : TerminalProgress.forConsole(err));
  }

  /** A path given on the command line, relative to the folder the command was run in. */
  Path cwdPath(String given) {
    return cwd.resolve(given).toAbsolutePath().normalize();
  }

  /** Prints {@code value} as indented JSON with a final newline. */
  void printJson(Object value) {
    try {
      out.println(JSON.writer(PRETTY).writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON output", e);
    }
  }
}
