package org.casepress.zenodo.server;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the embedded server behaves. Immutable; the {@code with...} methods return copies. The
 * required token is never printed: {@link #toString()} redacts it.
 */
public record Options(
    String requiredToken,
    long maxFileSize,
    int maxFiles,
    int rateLimit,
    Duration rateWindow,
    Map<String, ReviewPolicy> communities,
    String doiPrefix,
    boolean legacyErrors,
    Clock clock) {

  /** What happens to a community named in {@code metadata.communities} on publish. */
  public enum ReviewPolicy {
    /** The record is added at once (the publisher may include directly). */
    AUTO_ACCEPT,
    /** A request waits for a curator; the community disappears from the response. */
    PENDING
  }

  public static final String DEFAULT_COMMUNITY = "the-turing-way-practitioners";

  public Options {
    communities = Map.copyOf(communities);
  }

  /**
   * Any token or none accepted; Zenodo's 50 GB and 100-file limits; 1000 requests per minute;
   * {@value #DEFAULT_COMMUNITY} known and auto-accepting; test DOIs under {@code 10.5072}.
   */
  public static Options defaults() {
    return new Options(
        null,
        50_000_000_000L,
        100,
        1000,
        Duration.ofMinutes(1),
        Map.of(DEFAULT_COMMUNITY, ReviewPolicy.AUTO_ACCEPT),
        "10.5072",
        false,
        Clock.systemUTC());
  }

  /** Only this bearer token is accepted; anything else gets 403 like Zenodo. */
  public Options withRequiredToken(String token) {
    return new Options(
        token,
        maxFileSize,
        maxFiles,
        rateLimit,
        rateWindow,
        communities,
        doiPrefix,
        legacyErrors,
        clock);
  }

  public Options withMaxFileSize(long bytes) {
    return new Options(
        requiredToken,
        bytes,
        maxFiles,
        rateLimit,
        rateWindow,
        communities,
        doiPrefix,
        legacyErrors,
        clock);
  }

  public Options withMaxFiles(int files) {
    return new Options(
        requiredToken,
        maxFileSize,
        files,
        rateLimit,
        rateWindow,
        communities,
        doiPrefix,
        legacyErrors,
        clock);
  }

  public Options withRateLimit(int requests, Duration window) {
    return new Options(
        requiredToken,
        maxFileSize,
        maxFiles,
        requests,
        window,
        communities,
        doiPrefix,
        legacyErrors,
        clock);
  }

  public Options withCommunity(String slug, ReviewPolicy policy) {
    Map<String, ReviewPolicy> m = new LinkedHashMap<>(communities);
    m.put(slug, policy);
    return new Options(
        requiredToken,
        maxFileSize,
        maxFiles,
        rateLimit,
        rateWindow,
        m,
        doiPrefix,
        legacyErrors,
        clock);
  }

  public Options withClock(Clock clock) {
    return new Options(
        requiredToken,
        maxFileSize,
        maxFiles,
        rateLimit,
        rateWindow,
        communities,
        doiPrefix,
        legacyErrors,
        clock);
  }

  /**
   * Errors as the pre-2023 server wrote them and the docs still show: {@code message} (a string)
   * instead of {@code messages} in field errors, and 401 instead of 403 for a bad token.
   */
  public Options withLegacyErrors() {
    return new Options(
        requiredToken,
        maxFileSize,
        maxFiles,
        rateLimit,
        rateWindow,
        communities,
        doiPrefix,
        true,
        clock);
  }

  @Override
  public String toString() {
    return "Options[requiredToken="
        + (requiredToken == null ? "none" : "redacted")
        + ", maxFileSize="
        + maxFileSize
        + ", maxFiles="
        + maxFiles
        + ", rateLimit="
        + rateLimit
        + "/"
        + rateWindow
        + ", communities="
        + communities
        + ", doiPrefix="
        + doiPrefix
        + (legacyErrors ? ", legacyErrors" : "")
        + "]";
  }
}
