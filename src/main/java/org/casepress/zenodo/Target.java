package org.casepress.zenodo;

import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Where deposits go: a base URL ending in {@code /api} and the environment variable holding its
 * token ({@code null} for the embedded server, which needs none).
 */
public record Target(String name, HttpUrl apiBase, String tokenVariable) {
  public static final String SANDBOX_URL = "https://sandbox.zenodo.org/api";
  public static final String PRODUCTION_URL = "https://zenodo.org/api";

  public Target {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("target name is empty");
    }
    checkScheme(apiBase);
  }

  /** The embedded server; its base URL is only known once it runs. */
  public static Target local(String apiBase) {
    return new Target("local", parse(apiBase), null);
  }

  public static Target sandbox() {
    return new Target("sandbox", parse(SANDBOX_URL), "ZENODO_SANDBOX_TOKEN");
  }

  public static Target production() {
    return new Target("production", parse(PRODUCTION_URL), "ZENODO_TOKEN");
  }

  /**
   * {@code sandbox} or {@code production} by name. {@code local} is refused here because its URL
   * comes from the running embedded server: use {@link #local(String)}.
   */
  public static Target named(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "sandbox":
        return sandbox();
      case "production":
        return production();
      case "local":
        throw new IllegalArgumentException(
            "target local needs the embedded server's URL: use Target.local(url)");
      default:
        throw new IllegalArgumentException(
            "unknown target '" + name + "': expected local, sandbox or production");
    }
  }

  /** Same target and token variable, another server ({@code --zenodo-url}). */
  public Target withApiBase(String url) {
    return new Target(name, parse(url), tokenVariable);
  }

  public Optional<String> tokenVariableName() {
    return Optional.ofNullable(tokenVariable);
  }

  /** Whether requests to this target must carry a token. */
  public boolean needsToken() {
    return tokenVariable != null;
  }

  @Override
  public String toString() {
    return name + " (" + apiBase + ")";
  }

  static HttpUrl parse(String url) {
    String trimmed = url.strip();
    // Zenodo answers 404 to URLs with a trailing slash; we append paths ourselves.
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    HttpUrl parsed = HttpUrl.parse(trimmed);
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    return parsed;
  }

  private static void checkScheme(HttpUrl url) {
    if (url.scheme().equals("http") && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "refusing plain http to "
              + url.host()
              + ": the token would travel unencrypted; use https (http is allowed only for"
              + " 127.0.0.1, ::1 and localhost)");
    }
  }

  /**
   * Decided on the literal, without DNS: a name that merely resolves to 127.0.0.1 is not enough.
   */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("::1") || h.equals("[::1]")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
