package org.casepress.zenodo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Turns a non-2xx answer into a {@link ZenodoException}. Accepts both JSON shapes ({@code messages}
 * lists now, a {@code message} string before 2023) and the HTML pages the proxy sends. The body is
 * redacted before it is read, so nothing the server echoes (our own headers included) can carry the
 * token into a message.
 */
final class ErrorBodies {
  private static final long MAX_BODY = 64 * 1024;
  private static final Pattern TITLE =
      Pattern.compile("<(title|h1)[^>]*>(.*?)</\\1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private ErrorBodies() {}

  record Parsed(String message, List<FieldError> fieldErrors) {}

  /**
   * @param ownDeposition whether the request concerned one of our depositions, where a 403 with a
   *     token that otherwise works means the deposition belongs to another account
   */
  static ZenodoException from(
      Response response,
      Target target,
      String what,
      boolean ownDeposition,
      RateLimit limit,
      Redactor redactor) {
    String text = redactor.redact(readCapped(response.body()));
    String contentType = response.header("Content-Type", "");
    Parsed parsed = parse(text, contentType);
    int status = response.code();
    String explanation = redactor.redact(explain(status, parsed, target, what, ownDeposition));
    return new ZenodoException(
        status, parsed.message(), parsed.fieldErrors(), explanation, limit.retryAfter());
  }

  static Parsed parse(String text, String contentType) {
    String trimmed = text.strip();
    boolean json =
        contentType.toLowerCase(java.util.Locale.ROOT).contains("json") || trimmed.startsWith("{");
    if (json) {
      try {
        JsonNode root = Json.MAPPER.readTree(trimmed);
        if (root != null && root.isObject()) {
          return new Parsed(root.path("message").asText(""), fieldErrors(root.path("errors")));
        }
      } catch (IOException e) {
        // Not JSON after all: fall through to the text/HTML reading.
      }
    }
    return new Parsed(htmlHeading(trimmed), List.of());
  }

  static List<FieldError> fieldErrors(JsonNode errors) {
    List<FieldError> list = new ArrayList<>();
    for (JsonNode e : errors) {
      List<String> messages = new ArrayList<>();
      JsonNode many = e.path("messages");
      if (many.isArray()) {
        many.forEach(m -> messages.add(m.asText()));
      } else if (many.isTextual()) {
        messages.add(many.asText());
      }
      if (e.path("message").isTextual()) {
        messages.add(e.path("message").asText());
      }
      list.add(FieldError.of(e.path("field").asText(""), messages));
    }
    return list;
  }

  private static String htmlHeading(String text) {
    Matcher m = TITLE.matcher(text);
    String heading = m.find() ? m.group(2) : text;
    String plain = heading.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    return plain.length() > 200 ? plain.substring(0, 200) + "..." : plain;
  }

  private static String readCapped(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try {
      BufferedSource source = body.source();
      source.request(MAX_BODY);
      long n = Math.min(MAX_BODY, source.getBuffer().size());
      return source.getBuffer().readString(n, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String explain(
      int status, Parsed parsed, Target target, String what, boolean ownDeposition) {
    String said = "HTTP " + status + (parsed.message().isEmpty() ? "" : ": " + parsed.message());
    String where = target.name() + ": " + what + " failed (" + said + ")";
    switch (ZenodoException.kindOf(status)) {
      case AUTH:
        if (status == 403 && ownDeposition && target.needsToken()) {
          return where + ". " + otherAccountAdvice(target);
        }
        return where + ". " + tokenAdvice(target);
      case TOO_LARGE:
        return where
            + ". The file is larger than the server accepts: Zenodo takes at most 50 GB per file"
            + " and per record by default (ask Zenodo support for more).";
      case RATE_LIMITED:
        return where + ". Zenodo's rate limit was hit; try again later.";
      case SERVER:
        return where + ". The server is having trouble; trying again later may help.";
      case VALIDATION:
        if (parsed.fieldErrors().isEmpty()) {
          return where + ".";
        }
        StringBuilder sb = new StringBuilder(where).append(':');
        for (FieldError e : parsed.fieldErrors()) {
          sb.append("\n  ").append(e);
        }
        return sb.toString();
      default:
        return where + ".";
    }
  }

  /** Drafts are private to the account that made them (docs/zenodo.md#accounts). */
  static String otherAccountAdvice(Target target) {
    return "This deposition belongs to another Zenodo account: stage and release must use the same"
        + " account's token. Set "
        + target.tokenVariable()
        + " to a token of the account that staged it (or, if no command has worked with this token"
        + " yet, check that it is valid for "
        + target.name()
        + " with the scopes deposit:write and deposit:actions).";
  }

  static String tokenAdvice(Target target) {
    if (!target.needsToken()) {
      return "The local server refused the request's credentials.";
    }
    return "Check the token in "
        + target.tokenVariable()
        + ": it must be set, valid for "
        + target.name()
        + " (sandbox and production tokens differ) and have the scopes deposit:write and"
        + " deposit:actions; 403 also means the deposition belongs to another account.";
  }
}
