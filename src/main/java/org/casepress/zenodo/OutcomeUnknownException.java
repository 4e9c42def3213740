package org.casepress.zenodo;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * A non-idempotent action (create, publish, newversion) got no clear answer: a 5xx, a gateway
 * timeout, a read timeout or a dropped connection. Zenodo may have done it anyway
 * (docs/zenodo.md#timeouts), so the client does not retry; the caller reads the state and decides.
 */
public final class OutcomeUnknownException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String action;
  private final long depositionId;

  OutcomeUnknownException(String action, long depositionId, String detail, Throwable cause) {
    super(
        action
            + (depositionId > 0 ? " of deposition " + depositionId : "")
            + ": outcome unknown ("
            + detail
            + "); Zenodo may have completed it. Read the "
            + (depositionId > 0 ? "deposition" : "list of depositions")
            + " to find out before trying again.",
        cause);
    this.action = action;
    this.depositionId = depositionId;
  }

  /** {@code create}, {@code publish} or {@code newversion}. */
  public String action() {
    return action;
  }

  /** The deposition acted on; empty for create. */
  public OptionalLong depositionId() {
    return depositionId > 0 ? OptionalLong.of(depositionId) : OptionalLong.empty();
  }

  /** What the server answered, if it answered (a {@link ZenodoException}), else the I/O error. */
  public Throwable answer() {
    return getCause();
  }
}
