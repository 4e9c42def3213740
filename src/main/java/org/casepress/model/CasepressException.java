package org.casepress.model;

import java.util.List;

/**
 * The one family of failures a casepress command ends with. Each carries a complete message for the
 * person who ran it (what is wrong, in which file, what to do) and a {@link Kind}; the command line
 * turns the kind into an exit code in exactly one place, {@code Cli.run}.
 *
 * <p>Every subclass is one of casepress's own packages' exceptions ({@code WorkflowException},
 * {@code PublishException}, the CLI's usage errors). The class cannot be {@code sealed} across
 * packages on the class path (the JLS allows that only inside a named module); the kind is the
 * closed part, and an architecture test keeps subclasses inside casepress.
 */
public abstract class CasepressException extends RuntimeException {

  /** What kind of failure this is, which decides the exit code. */
  public enum Kind {
    /** The command line is wrong: an unknown option, person, case study or launch. */
    USAGE,
    /** Something the user must fix: validation, a forbidden step, a damaged state file, a 4xx. */
    PROBLEM,
    /** The remote side is temporarily unavailable (network, 429, 5xx): retrying later may help. */
    UNAVAILABLE,
    /** A bug in casepress. */
    INTERNAL
  }

  private final Kind kind;
  private final transient List<Problem> problems;

  protected CasepressException(Kind kind, String message, Throwable cause) {
    this(kind, message, List.of(), cause);
  }

  /**
   * @param problems what check or the renderer found, printed before the message
   */
  protected CasepressException(Kind kind, String message, List<Problem> problems, Throwable cause) {
    // No stack trace is filled in: these are messages for people, and --verbose shows the cause's.
    super(message, cause, false, false);
    this.kind = kind;
    this.problems = List.copyOf(problems);
  }

  public final Kind kind() {
    return kind;
  }

  /** The located problems behind this failure, each with file, line and field; often empty. */
  public final List<Problem> problems() {
    return problems;
  }
}
