package org.casepress.cli;

import org.apache.commons.cli.Options;

/** One subcommand: its name, its options and what it does. */
interface Command {
  String name();

  /** The argument synopsis after the name, e.g. "SLUG [--output FILE]". */
  String synopsis();

  /** One line for the command list. */
  String summary();

  /** The command's own options; the common ones are added by {@link Cli}. */
  default Options options() {
    return new Options();
  }

  /** Runs the command and returns its exit code; throws {@link CommandException} to stop. */
  int run(Invocation invocation) throws Exception;
}
