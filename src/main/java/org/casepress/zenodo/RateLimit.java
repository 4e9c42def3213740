package org.casepress.zenodo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Zenodo's rate-limit headers, which it sends on every response: {@code X-RateLimit-Limit}, {@code
 * -Remaining}, {@code -Reset} (epoch seconds) and {@code Retry-After} (seconds to reset).
 */
public record RateLimit(
    Integer limit, Integer remaining, Long resetEpochSecond, Duration retryAfter, Instant seenAt) {

  /** {@code header} looks a header up by name (case-insensitively) and returns null if absent. */
  public static RateLimit parse(Function<String, String> header, Instant now) {
    return new RateLimit(
        integer(header.apply("X-RateLimit-Limit")),
        integer(header.apply("X-RateLimit-Remaining")),
        longValue(header.apply("X-RateLimit-Reset")),
        retryAfter(header.apply("Retry-After"), now),
        now);
  }

  public OptionalInt remainingBudget() {
    return remaining == null ? OptionalInt.empty() : OptionalInt.of(remaining);
  }

  /**
   * When the window resets. Retry-After is preferred because it is relative and so immune to clock
   * skew between us and the server.
   */
  public Optional<Instant> resetAt() {
    if (retryAfter != null) {
      return Optional.of(seenAt.plus(retryAfter));
    }
    if (resetEpochSecond != null) {
      return Optional.of(Instant.ofEpochSecond(resetEpochSecond));
    }
    return Optional.empty();
  }

  public boolean present() {
    return limit != null || remaining != null || resetEpochSecond != null || retryAfter != null;
  }

  private static Integer integer(String value) {
    Long l = longValue(value);
    return l == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
  }

  private static Long longValue(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Seconds, or an HTTP date as RFC 9110 also allows. */
  static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Long seconds = longValue(value);
    if (seconds != null) {
      return Duration.ofSeconds(Math.max(0, seconds));
    }
    try {
      Instant at =
          ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
