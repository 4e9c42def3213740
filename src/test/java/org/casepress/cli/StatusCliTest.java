package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casepress.source.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} on a copy of the examples: 80 columns, whom each waits for, what changed. */
@Timeout(60)
class StatusCliTest {
  private static final String FERNBANK = "case-studies/fernbank-reproducible-forecasting/";

  @TempDir Path ws;

  @BeforeEach
  void copyExamples() {
    TestWorkspaces.copy(Path.of("case-studies"), ws.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), ws.resolve("metadata"));
  }

  @Test
  void everyLineFitsAnEightyColumnTerminalAndSaysWhomItWaitsFor() {
    CliRun status = CliRun.in(ws, "status");
    assertEquals(0, status.exitCode(), status.err());
    for (String line : status.out().lines().toList()) {
      assertTrue(StatusCommand.width(line) <= 80, "too wide: " + line);
    }
    assertTrue(
        status
            .out()
            .contains(
                "kestrel-open-source-routing  v1  in-review\n"
                    + "  Giving away the engine: why a logistics start-up open-sourced its route plann…\n"
                    + "  waits for R. Pryce, T. Marchetti to approve or request changes\n"),
        status.out());
    assertTrue(
        status.out().contains("  waits for E. MacRae, D. Þórsdóttir, Z. Achterberg to finish"),
        "a draft waits for its authors: " + status.out());
    CliRun wide = CliRun.in(ws, "status", "--wide");
    assertTrue(
        wide.out()
            .contains(
                "Giving away the engine: why a logistics start-up open-sourced its route planner"),
        "--wide shortens nothing: " + wide.out());
  }

  @Test
  void changedSinceApprovalNamesTheChangedFileNotEditorBackups() throws Exception {
    assumeTrue(git("--version"), "git is not installed: cannot tell which files changed");
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "examples");
    Files.writeString(ws.resolve(FERNBANK + "case-study.md~"), "an editor's backup");
    Files.writeString(ws.resolve(FERNBANK + ".DS_Store"), "finder");
    CliRun untouched = CliRun.in(ws, "status");
    assertTrue(
        untouched.out().contains("fernbank-reproducible-forecasting  v1  approved\n"),
        "backups are not changes: " + untouched.out());

    Path md = ws.resolve(FERNBANK + "case-study.md");
    Files.writeString(md, Files.readString(md).replace("## Who we are", "## About us"));
    CliRun changed = CliRun.in(ws, "status");
    assertTrue(
        changed
            .out()
            .contains(
                "fernbank-reproducible-forecasting  v1  approved, changed since: case-study.md\n"
                    + "  From spreadsheets"),
        changed.out());
    assertTrue(
        changed.out().contains("  waits for R. Pryce, T. Marchetti to approve the changes again"),
        changed.out());
  }

  private boolean git(String... args) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                java.util.stream.Stream.concat(List.of("git").stream(), List.of(args).stream())
                    .toList())
            .directory(ws.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
