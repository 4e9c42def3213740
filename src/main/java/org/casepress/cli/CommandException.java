package org.casepress.cli;

/**
 * Ends a command with a message for the user and an exit code. Thrown by commands, caught only in
 * {@link Cli}; the message is complete and says what to do.
 */
public class CommandException extends RuntimeException {
  private final int exitCode;

  public CommandException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public static CommandException usage(String message) {
    return new CommandException(ExitCode.USAGE, message);
  }

  public static CommandException problem(String message) {
    return new CommandException(ExitCode.PROBLEM, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
