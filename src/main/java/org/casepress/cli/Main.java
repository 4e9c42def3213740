package org.casepress.cli;

/** Entry point: runs one command and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(System.out, System.err, args));
  }
}
