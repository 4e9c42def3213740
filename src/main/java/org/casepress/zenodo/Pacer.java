package org.casepress.zenodo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces requests out when the rate-limit budget runs low, so that we slow down before Zenodo
 * answers 429 (and before its anti-abuse throttling kicks in).
 */
final class Pacer {
  private final Clock clock;
  private final int lowWater;
  private final Duration maxWait;
  private RateLimit last;

  Pacer(Clock clock, int lowWater, Duration maxWait) {
    this.clock = clock;
    this.lowWater = lowWater;
    this.maxWait = maxWait;
  }

  synchronized void observe(RateLimit limit) {
    if (limit.present()) {
      last = limit;
    }
  }

  synchronized RateLimit last() {
    return last;
  }

  /** How long to wait before the next request: zero while the budget is comfortable. */
  synchronized Duration delay() {
    if (last == null || last.remaining() == null) {
      return Duration.ZERO;
    }
    int remaining = last.remaining();
    int threshold = Math.max(lowWater, last.limit() == null ? 0 : last.limit() / 20);
    if (remaining > threshold) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    Instant reset = last.resetAt().orElse(now);
    Duration untilReset = Duration.between(now, reset);
    if (untilReset.isNegative() || untilReset.isZero()) {
      return Duration.ZERO;
    }
    // Spread what is left of the budget evenly over what is left of the window.
    Duration wait = remaining <= 0 ? untilReset : untilReset.dividedBy(remaining + 1L);
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }

  synchronized void forget() {
    last = null;
  }

  /** Counts a request we are about to send against the last known budget. */
  synchronized void spend() {
    if (last != null && last.remaining() != null) {
      last =
          new RateLimit(
              last.limit(),
              Math.max(0, last.remaining() - 1),
              last.resetEpochSecond(),
              last.retryAfter(),
              last.seenAt());
    }
  }
}
