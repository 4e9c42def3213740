package org.casepress.zenodo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Zenodo answered, and not with success. Carries what the server said: status, message and field
 * errors. Transport failures are plain {@link IOException}s, not this.
 */
public class ZenodoException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem the status stands for, so callers need not know the codes. */
  public enum Kind {
    /** 401 or 403, or no token configured: the target's token is missing, wrong or lacks rights. */
    AUTH,
    /** 404 or 410. */
    NOT_FOUND,
    /** 400: Zenodo rejected the content; see {@link #fieldErrors()}. */
    VALIDATION,
    /** 413: the file is larger than the server accepts. */
    TOO_LARGE,
    /** 429. */
    RATE_LIMITED,
    /** 5xx, HTML error pages from the proxy included. */
    SERVER,
    /** Other 4xx (405, 409, 412, 415, ...): most likely a bug in this client. */
    REQUEST
  }

  private final int status;
  private final String serverMessage;
  private final List<FieldError> fieldErrors;
  private final Duration retryAfter;

  public ZenodoException(
      int status, String serverMessage, List<FieldError> fieldErrors, String explanation) {
    this(status, serverMessage, fieldErrors, explanation, null);
  }

  ZenodoException(
      int status,
      String serverMessage,
      List<FieldError> fieldErrors,
      String explanation,
      Duration retryAfter) {
    super(explanation);
    this.status = status;
    this.serverMessage = serverMessage == null ? "" : serverMessage;
    this.fieldErrors = List.copyOf(fieldErrors);
    this.retryAfter = retryAfter;
  }

  /** HTTP status; 0 when no request was sent (no token configured). */
  public int status() {
    return status;
  }

  /** Zenodo's own message, verbatim (or the heading of an HTML error page). */
  public String serverMessage() {
    return serverMessage;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public Kind kind() {
    return kindOf(status);
  }

  /**
   * Whether Zenodo definitely did not do it: a 4xx other than 429 (a 403 for a wrong token, a 400
   * for invalid content). Unlike a 5xx or a lost answer, nothing needs to be looked for afterwards,
   * and trying again unchanged gets the same answer.
   */
  public boolean refused() {
    return status >= 400 && status < 500 && status != 429;
  }

  /** Whether trying again later may help: 429 and 5xx (exit code 3). */
  public boolean temporary() {
    return status == 429 || status >= 500;
  }

  /**
   * Whether trying again later may help with {@code failure}, thrown by any client call: true for
   * 429, 5xx, an unknown outcome, a corrupted upload and transport failures (exit code 3); false
   * for answers the user must act on (exit code 1).
   */
  public static boolean temporary(IOException failure) {
    if (failure instanceof ZenodoException z) {
      return z.temporary();
    }
    return true;
  }

  static Kind kindOf(int status) {
    if (status == 0 || status == 401 || status == 403) {
      return Kind.AUTH;
    }
    if (status == 404 || status == 410) {
      return Kind.NOT_FOUND;
    }
    if (status == 400 || status == 422) {
      return Kind.VALIDATION;
    }
    if (status == 413) {
      return Kind.TOO_LARGE;
    }
    if (status == 429) {
      return Kind.RATE_LIMITED;
    }
    if (status >= 500) {
      return Kind.SERVER;
    }
    return Kind.REQUEST;
  }
}
