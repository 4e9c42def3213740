package org.casepress.publish;

import java.time.Duration;

/**
 * How {@code casepress local-zenodo} runs the embedded server: its port and, for a soak of the
 * launch, faults and search lag as zenodo.org can show them.
 *
 * @param port on 127.0.0.1; 0 takes the previous run's port when free
 * @param faultRate the share of requests that fail (0: none)
 * @param faultSeed where the random faults are drawn from
 * @param indexLag how long a new draft stays out of search; null: Zenodo's one index refresh
 */
public record LocalServing(int port, double faultRate, long faultSeed, Duration indexLag) {
  public LocalServing {
    if (!(faultRate >= 0 && faultRate <= 1)) {
      throw new IllegalArgumentException("faultRate " + faultRate);
    }
  }

  /** The server as a rehearsal uses it: no faults, Zenodo's index refresh. */
  public static LocalServing on(int port) {
    return new LocalServing(port, 0, 0, null);
  }
}
