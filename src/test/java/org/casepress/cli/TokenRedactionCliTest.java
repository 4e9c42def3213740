package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.source.TestWorkspaces;
import org.casepress.testing.HeaderEcho;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command that talks to Zenodo, on a production-like target, against a server that echoes the
 * request headers (the token included) into its error bodies: the token appears in no output,
 * --verbose stack trace included, and in no file of the workspace. The deposits the commands act on
 * are made first on the embedded server set up like zenodo.org, with the same token.
 */
@Timeout(180)
class TokenRedactionCliTest {
  private static final String TOKEN = "cli-echo-secret-5rT8wQ";
  private static final String RELEASED = "fernbank-reproducible-forecasting";
  private static final String STAGED = "northmoor-code-review-tre";

  @StartStop final MockWebServer echo = new MockWebServer();
  @TempDir Path tmp;

  private final List<CliRun> runs = new ArrayList<>();

  private CliRun run(Path ws, String url, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--target", "production", "--zenodo-url", url, "--verbose"));
    CliRun run =
        CliRun.in(
            ws,
            Map.of("ZENODO_TOKEN", TOKEN, "CASEPRESS_USER", "marisol-echeverria"),
            all.toArray(String[]::new));
    runs.add(run);
    return run;
  }

  /** Runs a command against the echoing server and checks that it did talk to it. */
  private CliRun reaching(Path ws, String url, String... args) {
    int before = echo.getRequestCount();
    CliRun r = run(ws, url, args);
    assertTrue(echo.getRequestCount() > before, () -> args[0] + " sent nothing:\n" + r.err());
    return r;
  }

  private Path workspace() throws IOException {
    return workspace("ws");
  }

  private Path workspace(String name) throws IOException {
    Path ws = tmp.resolve(name);
    TestWorkspaces.copy(Path.of("case-studies"), ws.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), ws.resolve("metadata"));
    return ws;
  }

  /**
   * Error JSON with field errors, a 403 and a garbled success; HTML pages with 5xx are covered call
   * by call in TokenRedactionTest (here their retries with real backoff would take a minute).
   */
  @ParameterizedTest
  @EnumSource(
      value = HeaderEcho.Shape.class,
      names = {"JSON_400", "JSON_403", "GARBLED_200"})
  void noCommandPrintsOrStoresTheTokenAnEchoingServerSendsBack(HeaderEcho.Shape shape)
      throws Exception {
    echo.setDispatcher(new HeaderEcho(shape));
    String echoing = echo.url("/api").toString();
    Path ws = workspace();
    try (LocalZenodo zenodo =
        LocalZenodo.start(
            tmp.resolve("zenodo"), 0, ProductionReleaseCliTest.productionLike(TOKEN))) {
      CliRun staged = run(ws, zenodo.apiUrl(), "stage", "--as", "rhiannon-pryce");
      assertEquals(0, staged.exitCode(), staged.err());
      List<CliRun> echoed = new ArrayList<>();
      echoed.add(reaching(ws, echoing, "doctor"));
      // A clone where nothing is staged yet, so stage has to ask Zenodo.
      echoed.add(reaching(workspace("fresh"), echoing, "stage", "--as", "rhiannon-pryce"));
      echoed.add(reaching(ws, echoing, "release", RELEASED, "--yes"));

      CliRun released = run(ws, zenodo.apiUrl(), "release", RELEASED, "--yes");
      assertEquals(0, released.exitCode(), released.err());
      echoed.add(reaching(ws, echoing, "verify"));
      echoed.add(reaching(ws, echoing, "unstage", STAGED));
      for (CliRun r : echoed) {
        assertNotEquals(4, r.exitCode(), () -> "a server's bad answer is no bug:\n" + r.err());
      }
    }
    for (CliRun r : runs) {
      assertFalse(
          (r.out() + r.err()).contains(TOKEN), () -> "token printed:\n" + r.out() + r.err());
    }
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(
            new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(TOKEN),
            () -> "token stored in " + f);
      }
    }
  }

  @Test
  void theEchoReallyCarriesTheToken() throws Exception {
    echo.setDispatcher(new HeaderEcho(HeaderEcho.Shape.JSON_400));
    okhttp3.OkHttpClient raw = new okhttp3.OkHttpClient();
    try (okhttp3.Response r =
        raw.newCall(
                new okhttp3.Request.Builder()
                    .url(echo.url("/api/x"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .build())
            .execute()) {
      assertTrue(r.body().string().contains(TOKEN), "the server echoes what it is sent");
    }
  }
}
