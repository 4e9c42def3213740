package org.casepress.cli;

import org.casepress.model.CasepressException;

/**
 * A command line the CLI itself refuses (a usage error) or a problem it finds before calling the
 * library. Caught only in {@link Cli}, with the rest of the family.
 */
final class CommandException extends CasepressException {

  private CommandException(Kind kind, String message) {
    super(kind, message, null);
  }

  static CommandException usage(String message) {
    return new CommandException(Kind.USAGE, message);
  }

  static CommandException problem(String message) {
    return new CommandException(Kind.PROBLEM, message);
  }
}
