package org.casepress.cli;

import java.io.PrintStream;

/** Dispatches a command line to its command. The only place exceptions become exit codes. */
public final class Cli {
  private Cli() {}

  public static int run(PrintStream out, PrintStream err, String... args) {
    err.println("casepress: not yet available");
    return 2;
  }
}
