package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.localzenodo.Options;
import org.casepress.source.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production path against the embedded server set up like zenodo.org (10.5281 DOIs, a required
 * token, a community that reviews inclusion requests): staged first by the writer, released by a
 * coordinator only with --yes, recorded as published in status.json.
 */
@Timeout(180)
class ProductionReleaseCliTest {
  private static final String TOKEN = "prod-secret-7f3a9c";
  private static final String SLUG = "fernbank-reproducible-forecasting";

  @Test
  void stagedFirstThenReleasedWithConfirmationAndRecorded(@TempDir Path tmp) throws Exception {
    TestWorkspaces.copy(Path.of("case-studies"), tmp.resolve("ws/case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), tmp.resolve("ws/metadata"));
    Path ws = tmp.resolve("ws");
    Options production = productionLike(TOKEN);
    try (LocalZenodo server = LocalZenodo.start(tmp.resolve("zenodo"), 0, production)) {
      Map<String, String> coordinator =
          Map.of("ZENODO_TOKEN", TOKEN, "CASEPRESS_USER", "marisol-echeverria");
      String[] target = {"--target", "production", "--zenodo-url", server.apiUrl()};

      CliRun early = CliRun.in(ws, coordinator, args("release", SLUG, target));
      assertEquals(1, early.exitCode());
      assertTrue(early.err().contains(SLUG + ": not staged on production"), early.err());

      CliRun stage =
          CliRun.in(
              ws,
              Map.of("ZENODO_TOKEN", TOKEN),
              args("stage", SLUG, concat("--as", "rhiannon-pryce", target)));
      assertEquals(0, stage.exitCode(), stage.err());
      assertTrue(
          stage
              .out()
              .matches(
                  "(?s)"
                      + SLUG
                      + ": staged \\(new deposition\\) on production, DOI reserved: 10\\.5281/zenodo\\.\\d+\\n"),
          stage.out());
      String status = Files.readString(ws.resolve("case-studies/" + SLUG + "/status.json"));
      assertTrue(status.contains("\"production\""), "the production ledger lives in status.json");

      CliRun unconfirmed = CliRun.in(ws, coordinator, args("release", SLUG, target));
      assertEquals(1, unconfirmed.exitCode());
      assertTrue(unconfirmed.err().contains("Confirm with --yes"), unconfirmed.err());

      CliRun released = CliRun.in(ws, coordinator, args("release", SLUG, concat("--yes", target)));
      assertEquals(0, released.exitCode(), released.err());
      assertTrue(
          released.out().contains("Published on production:\n  https://doi.org/10.5281/zenodo."),
          released.out());
      assertTrue(
          released.out().contains("Community: 1 pending: awaiting the curators."), released.out());

      status = Files.readString(ws.resolve("case-studies/" + SLUG + "/status.json"));
      assertTrue(status.contains("\"state\": \"published\""), status);
      assertTrue(status.contains("\"action\": \"publish\""), status);
      for (CliRun run : new CliRun[] {early, stage, unconfirmed, released}) {
        assertFalse((run.out() + run.err()).contains(TOKEN), "the token is never printed");
      }
      assertFalse(status.contains(TOKEN));
    }
  }

  /** The embedded server set up like zenodo.org: 10.5281 DOIs, a token, a reviewing community. */
  static Options productionLike(String token) {
    return Options.defaults()
        .withRequiredToken(token)
        .withDoiPrefix("10.5281")
        .withCommunity(Options.DEFAULT_COMMUNITY, Options.ReviewPolicy.CLOSED);
  }

  private static String[] concat(String a, String[] rest) {
    return concat(new String[] {a}, rest);
  }

  private static String[] concat(String a, String b, String[] rest) {
    return concat(new String[] {a, b}, rest);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String[] args(String command, String slug, String... more) {
    String[] all = new String[2 + more.length];
    all[0] = command;
    all[1] = slug;
    System.arraycopy(more, 0, all, 2, more.length);
    return all;
  }
}
