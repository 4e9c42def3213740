package org.casepress.zenodo;

import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.Request;

/**
 * The client's log: one line per answer, retry or pause, naming method, path and status. Never
 * headers, bodies or query strings (which may carry what the user searched for); any text passes
 * the redactor anyway.
 */
final class RequestLog {
  private final Consumer<String> sink;
  private final Redactor redactor;

  RequestLog(Consumer<String> sink, Redactor redactor) {
    this.sink = sink;
    this.redactor = redactor;
  }

  void pacing(Duration wait) {
    line("waiting " + wait.toMillis() + " ms: rate-limit budget low");
  }

  void answered(Request request, int status, long startedNanos) {
    line(
        describe(request)
            + " -> "
            + status
            + " ("
            + (System.nanoTime() - startedNanos) / 1_000_000
            + " ms)");
  }

  void retrying(Request request, Exception failure) {
    line(describe(request) + " -> " + failure.getClass().getSimpleName() + "; retrying");
  }

  void retrying(Request request, int status, Duration wait) {
    line(describe(request) + " -> " + status + "; retrying in " + wait.toMillis() + " ms");
  }

  private static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  private void line(String text) {
    sink.accept(redactor.redact(text));
  }
}
