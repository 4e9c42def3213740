package org.casepress.localzenodo;

import java.time.Duration;
import java.util.Random;

/**
 * Faults drawn at random for a server the caller cannot reach while it runs (a soak of the real
 * launch, {@code casepress local-zenodo --fault-rate}): each request, with probability {@code
 * rate}, gets one of the failures {@link Faults} knows, suited to its route. The draws come from
 * {@code seed}, so a run can be told apart from another; with concurrent callers the order of
 * requests, and so the faults each one meets, still varies.
 */
final class RandomFaults {
  private final double rate;
  private final Random random;
  private int injected;

  RandomFaults(double rate, long seed) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("a fault rate is between 0 and 1, not " + rate);
    }
    this.rate = rate;
    this.random = new Random(seed);
  }

  /** Arms, for the request now arriving on {@code route}, the fault drawn for it (if any). */
  synchronized void draw(Route route, Faults faults) {
    if (route == null || random.nextDouble() >= rate) {
      return;
    }
    injected++;
    switch (random.nextInt(5)) {
      case 0 -> faults.htmlError(route, 502, 1);
      case 1 -> faults.failAfterCommit(route, random.nextBoolean() ? 500 : 504, 1);
      case 2 -> faults.rateLimitBurst(1 + random.nextInt(3));
      case 3 -> {
        if (route == Route.UPLOAD || route == Route.MULTIPART_UPLOAD) {
          faults.dropConnectionMidUpload(1);
        } else {
          faults.failAfterCommit(route, 504, 1);
        }
      }
      default -> {
        if (route == Route.PUBLISH || route == Route.CREATE || route == Route.UPDATE) {
          // The proxy gives up while the write is still being carried out (zenodo-rdm#1456).
          faults.applyLate(route, Duration.ofMillis(500 + random.nextInt(9_500)), 1);
        } else {
          faults.htmlError(route, 503, 1);
        }
      }
    }
  }

  synchronized int injected() {
    return injected;
  }
}
