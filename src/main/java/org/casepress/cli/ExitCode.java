package org.casepress.cli;

/** The exit codes of every command documented in --help and README.md. */
final class ExitCode {
  /** Success. */
  public static final int OK = 0;

  /**
   * A problem the user must fix: validation, a forbidden transition, a render failure, Zenodo 4xx.
   */
  public static final int PROBLEM = 1;

  /** The command line is wrong. */
  public static final int USAGE = 2;

  /** The remote side is temporarily unavailable (network, 429, 5xx): retrying later may help. */
  public static final int UNAVAILABLE = 3;

  /** A bug in casepress. */
  public static final int INTERNAL = 4;

  private ExitCode() {}
}
