package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.casepress.source.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the whole journey on local, leaving the workspace as it was. */
@Timeout(300)
class RehearseCliTest {

  @Test
  void rehearsalPublishesEveryExampleInAScratchCopyAndCanRunAgain(@TempDir Path ws)
      throws Exception {
    TestWorkspaces.copy(Path.of("case-studies"), ws.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), ws.resolve("metadata"));
    Map<String, String> before = TestWorkspaces.snapshot(ws);

    CliRun first = CliRun.in(ws, "rehearse");
    assertEquals(0, first.exitCode(), first.out() + first.err());
    assertTrue(
        first
            .out()
            .contains("  kestrel-open-source-routing: reviewed and approved by rhiannon-pryce"),
        first.out());
    assertEquals(
        4,
        first
            .out()
            .lines()
            .filter(l -> l.matches("  https://doi.org/10\\.5072/zenodo\\.\\d+  .*"))
            .count(),
        "all four examples published on local: " + first.out());
    assertTrue(first.out().contains("./casepress serve --workspace build/rehearsal"), first.out());
    assertTrue(first.out().contains("then open http://127.0.0.1:4680/"), first.out());
    Path launches = ws.resolve("build/rehearsal/build/launch/local");
    Path announcement;
    try (var folders = Files.list(launches)) {
      announcement = folders.findFirst().orElseThrow().resolve("announcement.md");
    }
    String md = Files.readString(announcement);
    assertEquals(
        4,
        md.lines()
            .filter(
                l ->
                    l.matches(
                        "- Community: pending: awaiting the curators, request \\[[0-9a-f-]{36}\\]"
                            + "\\(http://127\\.0\\.0\\.1:4680/requests/[0-9a-f-]{36}\\)"))
            .count(),
        "each case study waits for the curators, with its request: " + md);
    assertTrue(
        Files.notExists(ws.resolve(".casepress/local-zenodo")),
        "the real local target is untouched");
    Map<String, String> after = TestWorkspaces.snapshot(ws);
    after.keySet().removeIf(k -> k.startsWith("build/") || k.startsWith(".casepress/"));
    assertEquals(before, after, "case studies and metadata are as they were");

    CliRun again = CliRun.in(ws, "rehearse");
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(
        again.out().contains("https://doi.org/10.5072/zenodo."), "starts over: " + again.out());
  }
}
