package org.casepress.zenodo;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Zenodo access token. It prints as {@code Token[redacted]}; only the client's interceptor reads
 * the value, so it cannot end up in output, logs or exception messages by accident.
 */
public final class Token {
  private final String value;

  private Token(String value) {
    this.value = value;
  }

  public static Token of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("empty token");
    }
    return new Token(value.strip());
  }

  /** Reads the target's variable through {@code env}; empty when unset, blank or not needed. */
  public static Optional<Token> fromEnv(Target target, Function<String, String> env) {
    if (!target.needsToken()) {
      return Optional.empty();
    }
    String raw = env.apply(target.tokenVariable());
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Token(raw.strip()));
  }

  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "Token[redacted]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Token t && t.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
