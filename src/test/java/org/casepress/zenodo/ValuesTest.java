package org.casepress.zenodo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Targets, tokens, field paths, progress and backoff. */
class ValuesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/api",
        "http://127.3.4.5/api",
        "http://localhost:1/api",
        "http://[::1]:9/api"
      })
  void plainHttpIsAllowedOnLoopback(String url) {
    assertEquals("http", Target.local(url).apiBase().scheme());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://zenodo.org/api",
        "http://127.0.0.1.evil.example/api",
        "http://10.0.0.1/api",
        "http://localhost.example/api"
      })
  void plainHttpElsewhereIsRefused(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Target.sandbox().withApiBase(url));
    assertTrue(e.getMessage().contains("refusing plain http"));
  }

  @Test
  void targetsHaveTheirUrlsAndVariables() {
    assertEquals("https://sandbox.zenodo.org/api", Target.named("sandbox").apiBase().toString());
    assertEquals("ZENODO_SANDBOX_TOKEN", Target.sandbox().tokenVariable());
    assertEquals("https://zenodo.org/api", Target.named("production").apiBase().toString());
    assertEquals("ZENODO_TOKEN", Target.production().tokenVariable());
    assertFalse(Target.local("http://127.0.0.1:5/api").needsToken());
    assertEquals(
        "https://example.org/api",
        Target.production().withApiBase("https://example.org/api/").apiBase().toString());
    assertThrows(IllegalArgumentException.class, () -> Target.named("local"));
    assertThrows(IllegalArgumentException.class, () -> Target.named("staging"));
  }

  @Test
  void tokenIsRedactedAndReadFromTheGivenEnvironment() {
    assertEquals("Token[redacted]", Token.of("abc").toString());
    assertEquals(
        "abc",
        Token.fromEnv(Target.production(), Map.of("ZENODO_TOKEN", " abc\n")::get)
            .orElseThrow()
            .reveal());
    assertTrue(Token.fromEnv(Target.production(), Map.of("ZENODO_TOKEN", "  ")::get).isEmpty());
    assertTrue(
        Token.fromEnv(Target.production(), Map.of("ZENODO_SANDBOX_TOKEN", "x")::get).isEmpty());
    assertTrue(Token.fromEnv(Target.local("http://127.0.0.1:1/api"), k -> "x").isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
    "metadata.creators.0.name, authors[0]",
    "metadata.creators.3.person_or_org.family_name, authors[3]",
    "metadata.creators, authors",
    "metadata.title, title",
    "metadata.description, description",
    "metadata.license, licence",
    "metadata.keywords, keywords",
    "metadata.language, language",
    "metadata.related_identifiers.2.relation, related[2]",
    "metadata.related_identifiers, related",
    "metadata.grants, metadata.grants",
    "files.enabled, files.enabled",
    "communities, communities"
  })
  void zenodoFieldsMapToFrontMatter(String zenodo, String ours) {
    assertEquals(ours, FieldError.frontMatterPath(zenodo));
  }

  @Test
  void progressPrintsOnlyOnATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    UploadProgress piped = TerminalProgress.of(out, false);
    piped.update("a.pdf", 0, 10);
    piped.update("a.pdf", 10, 10);
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    UploadProgress tty = TerminalProgress.of(out, true);
    tty.update("a.pdf", 0, 2048);
    tty.update("a.pdf", 2048, 2048);
    String drawn = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(drawn.contains("\ra.pdf [") && drawn.contains("100% 2.0 KiB / 2.0 KiB"), drawn);
    assertTrue(drawn.endsWith(System.lineSeparator()));
  }

  @Test
  void backoffGrowsWithJitterAndIsCapped() {
    ZenodoClient client =
        ZenodoClient.builder(Target.local("http://127.0.0.1:1/api"))
            .random(new Random(5))
            .backoff(Duration.ofMillis(100), Duration.ofMillis(1000))
            .build();
    for (int attempt = 1; attempt <= 8; attempt++) {
      long cap = Math.min(100L << (attempt - 1), 1000);
      long ms = client.backoff(attempt).toMillis();
      assertTrue(ms >= cap / 2 && ms <= cap, attempt + ": " + ms);
    }
  }

  @Test
  void temporaryFailuresAreTellableFromUserProblems() {
    assertTrue(ZenodoException.temporary(new java.net.SocketTimeoutException("read timed out")));
    assertTrue(ZenodoException.temporary(new ZenodoException(503, "", java.util.List.of(), "x")));
    assertTrue(ZenodoException.temporary(new ZenodoException(429, "", java.util.List.of(), "x")));
    assertTrue(
        ZenodoException.temporary(new OutcomeUnknownException("publish", 1, "HTTP 504", null)));
    assertFalse(ZenodoException.temporary(new ZenodoException(400, "", java.util.List.of(), "x")));
    assertFalse(ZenodoException.temporary(new ZenodoException(403, "", java.util.List.of(), "x")));
  }

  @Test
  void retryAfterAcceptsSecondsAndDates() {
    java.time.Instant now = java.time.Instant.parse("2025-12-05T13:53:04Z");
    assertEquals(Duration.ofSeconds(58), RateLimit.retryAfter("58", now));
    assertEquals(
        Duration.ofSeconds(10), RateLimit.retryAfter("Fri, 05 Dec 2025 13:53:14 GMT", now));
    assertEquals(null, RateLimit.retryAfter("soon", now));
  }
}
