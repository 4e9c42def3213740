package org.casepress.zenodo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.casepress.testing.HeaderEcho;
import org.casepress.testing.HeaderEcho.Shape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that echoes the request's headers (Authorization included) into every error body, as
 * JSON message, field errors, an HTML page and response headers: for every client call and every
 * kind of answer, the token appears in no exception (message, cause, stack trace), field error or
 * log line.
 */
@Timeout(60)
class TokenRedactionTest {
  private static final String TOKEN = "Zx9-echo-me-7Qk2pLm4";

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path tmp;
  final List<String> log = new ArrayList<>();

  @FunctionalInterface
  interface ClientCall {
    void run(ZenodoClient client, Path file) throws IOException;
  }

  static Stream<Arguments> everyCallAndAnswer() {
    Map<String, ClientCall> calls =
        Map.ofEntries(
            Map.entry("create", (c, f) -> c.create(null)),
            Map.entry("get", (c, f) -> c.get(1)),
            Map.entry("update", (c, f) -> c.update(1, Json.MAPPER.createObjectNode())),
            Map.entry("delete", (c, f) -> c.delete(1)),
            Map.entry("list", (c, f) -> c.list(DepositionQuery.all())),
            Map.entry("search", (c, f) -> c.depositionsWithAlternateIdentifier("urn:x:y:v1")),
            Map.entry("files", (c, f) -> c.files(1)),
            Map.entry("deleteFile", (c, f) -> c.deleteFile(1, "f")),
            Map.entry(
                "upload", (c, f) -> c.upload(c.target().apiBase() + "/files/bucket", "a.pdf", f)),
            Map.entry("publish", (c, f) -> c.publish(1)),
            Map.entry("edit", (c, f) -> c.edit(1)),
            Map.entry("discard", (c, f) -> c.discard(1)),
            Map.entry("newVersion", (c, f) -> c.newVersion(1)),
            Map.entry("record", (c, f) -> c.record(1)),
            Map.entry("recordFiles", (c, f) -> c.recordFiles(1)),
            Map.entry("searchRecords", (c, f) -> c.searchRecords("x", 1, 10)),
            Map.entry("community", (c, f) -> c.community("demo")),
            Map.entry("myCommunities", (c, f) -> c.myCommunities()),
            Map.entry("requestInclusion", (c, f) -> c.requestInclusion(1, "demo")),
            Map.entry("recordRequests", (c, f) -> c.recordRequests(1)),
            Map.entry("acceptRequest", (c, f) -> c.acceptRequest("r", "ok")),
            Map.entry("declineRequest", (c, f) -> c.declineRequest("r", null)));
    List<Arguments> all = new ArrayList<>();
    calls.forEach(
        (name, call) -> {
          for (Shape shape : Shape.values()) {
            all.add(Arguments.of(name, shape, call));
          }
        });
    return all.stream();
  }

  private final HeaderEcho echo = new HeaderEcho(Shape.JSON_400);

  @BeforeEach
  void echoingServer() {
    server.setDispatcher(echo);
  }

  private ZenodoClient client() {
    return ZenodoClient.builder(new Target("production", server.url("/api"), "ZENODO_TOKEN"))
        .env(Map.of("ZENODO_TOKEN", TOKEN))
        .sleeper(new RecordingSleeper())
        .maxAttempts(2)
        .log(log::add)
        .build();
  }

  @ParameterizedTest(name = "{0} answered {1}")
  @MethodSource("everyCallAndAnswer")
  void noTokenInAnythingTheCallProduces(String name, Shape answer, ClientCall call)
      throws Exception {
    echo.answerWith(answer);
    Path file = Files.writeString(tmp.resolve("a.pdf"), "%PDF-1.7 test");
    String produced = "";
    try {
      call.run(client(), file);
      // Only calls that read no body (delete, discard) succeed on a garbled 200.
      assertTrue(answer == Shape.GARBLED_200, name + " succeeded on " + answer);
    } catch (IOException e) {
      produced = everythingAbout(e);
    }
    assertTrue(server.getRequestCount() >= 1, "the call reached the server");
    assertTrue(
        server.takeRequest().getHeaders().get("Authorization").contains(TOKEN),
        "the server really received (and so echoed) the token");
    assertClean(produced + String.join("\n", log));
  }

  @Test
  void aMessageFromElsewhereIsRedactedOnRequest() {
    ZenodoClient client = client();
    String echoed = "proxy said: Authorization: Bearer " + TOKEN + " and ?access_token=" + TOKEN;
    assertClean(client.redact(echoed));
    assertTrue(client.redact(echoed).contains(Redactor.MARK));
    assertTrue(client.redact("Bearer some-other-credential").contains(Redactor.MARK));
  }

  private static String everythingAbout(IOException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    StringBuilder all = new StringBuilder(trace.toString()).append(e);
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append('\n').append(t.getMessage());
      if (t instanceof ZenodoException z) {
        all.append(z.serverMessage()).append(z.fieldErrors());
        z.fieldErrors().forEach(f -> all.append(f.zenodoField()).append(f.messages()));
      }
    }
    return all.toString();
  }

  private static void assertClean(String text) {
    assertFalse(text.contains(TOKEN), () -> "the token leaked into:\n" + text);
  }
}
