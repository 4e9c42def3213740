package org.casepress.zenodo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * The client's retry decisions, each a small question answered on its own (after OkHttp's {@code
 * RetryAndFollowUpInterceptor}): may this request be sent again, is this failure one a retry can
 * cure, and how long to wait first. It keeps no state between calls.
 */
final class RetryPolicy {
  private final int maxAttempts;
  private final Duration baseBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Random random;
  private final Clock clock;

  RetryPolicy(
      int maxAttempts,
      Duration baseBackoff,
      Duration maxBackoff,
      Duration maxRetryAfter,
      Random random,
      Clock clock) {
    this.maxAttempts = maxAttempts;
    this.baseBackoff = baseBackoff;
    this.maxBackoff = maxBackoff;
    this.maxRetryAfter = maxRetryAfter;
    this.random = random;
    this.clock = clock;
  }

  /**
   * Whether a failure after the request may have reached the server leaves its outcome unknown:
   * true for writes that must not be repeated, whose caller has to read the state instead.
   */
  static boolean requestIsOneShot(Idempotence idempotence) {
    return idempotence == Idempotence.ONE_SHOT;
  }

  /** Whether another attempt is allowed after {@code attempt} (counted from 1). */
  boolean attemptsLeft(int attempt) {
    return attempt < maxAttempts;
  }

  /**
   * Whether a transport failure (no answer, dropped connection, answer cut off) may be cured by
   * sending again. An interrupted thread means the user stopped us: never.
   */
  boolean isRecoverable(IOException failure, Idempotence idempotence, int attempt) {
    if (failure instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      return false;
    }
    return !requestIsOneShot(idempotence) && attemptsLeft(attempt);
  }

  /**
   * Whether an error status may be cured by sending again: 429 always (the server did nothing), a
   * 5xx only for requests that may be repeated; every other answer is final.
   */
  boolean isRetryable(int status, Idempotence idempotence, int attempt) {
    if (!attemptsLeft(attempt)) {
      return false;
    }
    if (status == 429) {
      return true;
    }
    return status >= 500 && !requestIsOneShot(idempotence);
  }

  /**
   * A 5xx on a write that must not be repeated: Zenodo may have applied it
   * (docs/zenodo.md#timeouts).
   */
  static boolean outcomeUnknown(int status, Idempotence idempotence) {
    return status >= 500 && requestIsOneShot(idempotence);
  }

  /** An earlier attempt of a DELETE worked and only its answer was lost. */
  static boolean alreadyDeleted(int status, Idempotence idempotence, boolean sentBefore) {
    return status == 404 && idempotence == Idempotence.DELETE && sentBefore;
  }

  /** How long to wait before retrying after {@code status}, honouring Retry-After within bounds. */
  Duration waitAfter(int status, RateLimit limit, int attempt) {
    if (status == 429) {
      return untilReset(limit).orElseGet(() -> backoff(attempt));
    }
    Duration wait = backoff(attempt);
    if (status == 503 && limit.retryAfter() != null) {
      Duration asked = bounded(limit.retryAfter());
      return asked.compareTo(wait) > 0 ? asked : wait;
    }
    return wait;
  }

  /** Exponential, capped, with "equal jitter": half fixed, half random. */
  Duration backoff(int attempt) {
    long base = baseBackoff.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    long half = capped / 2;
    long jitter = half == 0 ? 0 : (long) (random.nextDouble() * (half + 1));
    return Duration.ofMillis(half + jitter);
  }

  private Optional<Duration> untilReset(RateLimit limit) {
    Optional<Instant> reset = limit.resetAt();
    if (reset.isEmpty()) {
      return Optional.empty();
    }
    Duration d = Duration.between(clock.instant(), reset.get());
    return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(bounded(d));
  }

  private Duration bounded(Duration d) {
    return d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d;
  }
}
