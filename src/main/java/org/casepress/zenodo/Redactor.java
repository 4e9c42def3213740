package org.casepress.zenodo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Removes the token from text that came from a server (error bodies, HTML pages, field errors,
 * transport messages) before it is printed, logged, stored or put in an exception: a proxy or a
 * misbehaving server may echo the request's {@code Authorization} header back.
 */
final class Redactor {
  static final String MARK = "[token redacted]";

  /** Any bearer credential, ours or not, as servers echo it ({@code Bearer abc}). */
  private static final Pattern BEARER =
      Pattern.compile("(?i)(bearer)(\\s+|%20|\\+)[A-Za-z0-9._~+/=-]+");

  /** The same, as a query parameter ({@code ?access_token=abc}). */
  private static final Pattern ACCESS_TOKEN = Pattern.compile("(?i)(access_token=)[^&\\s\"'<>]+");

  private final Optional<Token> token;

  Redactor(Optional<Token> token) {
    this.token = token;
  }

  String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (token.isPresent()) {
      out = out.replace(token.get().reveal(), MARK);
    }
    out = BEARER.matcher(out).replaceAll("$1 " + MARK);
    return ACCESS_TOKEN.matcher(out).replaceAll("$1" + MARK);
  }

  List<FieldError> redact(List<FieldError> errors) {
    return errors.stream()
        .map(
            e ->
                new FieldError(
                    redact(e.zenodoField()),
                    redact(e.field()),
                    e.messages().stream().map(this::redact).toList()))
        .toList();
  }

  /**
   * {@code failure} itself when no message in its chain holds a credential; otherwise a copy of the
   * same broad type with the redacted message and no cause, so nothing below it leaks.
   */
  IOException redact(IOException failure) {
    if (clean(failure)) {
      return failure;
    }
    String message = redact(failure.getMessage());
    return failure instanceof InterruptedIOException
        ? new InterruptedIOException(message)
        : new IOException(message);
  }

  private boolean clean(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.equals(redact(m))) {
        return false;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return true;
  }
}
