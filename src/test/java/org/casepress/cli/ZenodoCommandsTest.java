package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.casepress.source.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ZenodoCommandsTest {

  @Test
  void doctorOnTheLocalTargetPassesEveryCheckItCan(@TempDir Path tmp) {
    Path ws = TestWorkspaces.copy(TestWorkspaces.BASE, tmp);
    CliRun run = CliRun.in(ws, "doctor");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(6, lines.size(), run.out());
    assertTrue(lines.get(0).startsWith("skipped token present"), lines.get(0));
    assertTrue(
        lines.get(3).startsWith("ok") && lines.get(3).contains("the-turing-way-practitioners"),
        lines.get(3));
  }

  @Test
  void doctorWithoutATokenForTheSandboxSaysWhichVariableToSet(@TempDir Path tmp) {
    Path ws = TestWorkspaces.copy(TestWorkspaces.BASE, tmp);
    // A loopback address nobody listens on: the check must not reach out anywhere else.
    CliRun run =
        CliRun.in(
            ws,
            Map.of(),
            "doctor",
            "--target",
            "sandbox",
            "--zenodo-url",
            "http://127.0.0.1:9/api");
    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("ZENODO_SANDBOX_TOKEN is not set"), run.out());
  }

  @Test
  void verifyWithNothingPublishedIsClean(@TempDir Path tmp) {
    Path ws = TestWorkspaces.copy(TestWorkspaces.BASE, tmp);
    CliRun run = CliRun.in(ws, "verify");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().startsWith("OK: what local holds matches the ledgers of 1 case study."),
        run.out());
  }

  @Test
  void usageErrorsOfTheZenodoCommands(@TempDir Path tmp) {
    Path ws = TestWorkspaces.copy(TestWorkspaces.BASE, tmp);
    assertEquals(2, CliRun.in(ws, "local-zenodo", "--port", "eighty").exitCode());
    CliRun badRate = CliRun.in(ws, "local-zenodo", "--fault-rate", "25%");
    assertEquals(2, badRate.exitCode());
    assertTrue(badRate.err().contains("--fault-rate 0.25"), badRate.err());
    assertEquals(2, CliRun.in(ws, "local-zenodo", "--fault-rate", "1.5").exitCode());
    assertEquals(2, CliRun.in(ws, "local-zenodo", "--search-lag", "-3").exitCode());
    CliRun badTarget = CliRun.in(ws, "plan", "--target", "zenodo.org");
    assertEquals(2, badTarget.exitCode());
    assertTrue(
        badTarget.err().contains("--target must be local, sandbox or production"), badTarget.err());
    CliRun plainHttp =
        CliRun.in(
            ws,
            Map.of("ZENODO_TOKEN", "x"),
            "doctor",
            "--target",
            "production",
            "--zenodo-url",
            "http://zenodo.example.org/api");
    assertEquals(2, plainHttp.exitCode());
  }
}
