package org.casepress.publish;

/**
 * Publishing stopped: the message says what happened, what state things are in and what to do.
 * {@code temporary} means retrying later may help (the remote side is unavailable); otherwise the
 * user must fix something first.
 */
public final class PublishException extends RuntimeException {
  private final boolean temporary;

  public PublishException(String message, boolean temporary, Throwable cause) {
    super(message, cause);
    this.temporary = temporary;
  }

  public static PublishException problem(String message) {
    return new PublishException(message, false, null);
  }

  public boolean temporary() {
    return temporary;
  }
}
