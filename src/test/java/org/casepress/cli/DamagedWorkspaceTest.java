package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;
import org.casepress.workflow.WorkspaceLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command against each kind of damaged workspace: whatever is broken is the user's to fix (or
 * to wait out), so no command may end as an internal error (exit 4) or show a stack trace, and the
 * message names the damaged file.
 */
@Timeout(300)
class DamagedWorkspaceTest {
  static final String SLUG = "fernbank-reproducible-forecasting";
  static final String STATUS = "case-studies/" + SLUG + "/status.json";
  static final Map<String, String> ENV = Map.of("CASEPRESS_USER", "theo-marchetti");

  /** Every command, with arguments that reach the damage. */
  static final List<List<String>> COMMANDS =
      List.of(
          List.of("check"),
          List.of("check", SLUG),
          List.of("metadata", SLUG),
          List.of("render", SLUG, "--output", "out.pdf"),
          List.of("new", "another-study", "--title", "Another study"),
          List.of("status"),
          List.of("status", "--json"),
          List.of("history", SLUG),
          List.of("submit", SLUG),
          List.of("start-review", SLUG),
          List.of("request-changes", SLUG, "--comment", "more"),
          List.of("approve", SLUG),
          List.of("withdraw", SLUG, "--comment", "why"),
          List.of("restore", SLUG),
          List.of("reopen", SLUG, "--comment", "next"),
          List.of("plan"),
          List.of("plan", SLUG),
          List.of("plan", "--launch", "winter-2026"),
          List.of("plan", "--target", "sandbox"),
          List.of("stage"),
          List.of("stage", "--launch", "winter-2026"),
          List.of("release"),
          List.of("release", SLUG),
          List.of("unstage", SLUG),
          List.of("verify"),
          List.of("doctor"));

  enum Damage {
    CORRUPT_STATUS(STATUS),
    CONFLICTED_STATUS(STATUS),
    DIRECTORY_STATUS(STATUS),
    CORRUPT_LOCAL_LEDGER(".casepress/ledgers/local/" + SLUG + ".json"),
    CORRUPT_SANDBOX_LEDGER(STATUS);

    /** The file every message about this damage must name. */
    final String file;

    Damage(String file) {
      this.file = file;
    }
  }

  static Path workspace(Path tmp) {
    Path ws = tmp.resolve("ws");
    TestWorkspaces.copy(Path.of("case-studies"), ws.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), ws.resolve("metadata"));
    return ws;
  }

  static void damage(Path ws, Damage damage) throws IOException {
    Path status = ws.resolve(STATUS);
    String good = Files.readString(status);
    switch (damage) {
      case CORRUPT_STATUS -> Files.writeString(status, good.substring(0, good.length() / 2));
      case CONFLICTED_STATUS ->
          Files.writeString(
              status,
              good.replace(
                  "  \"state\": \"approved\",\n",
                  "<<<<<<< HEAD\n  \"state\": \"approved\",\n=======\n"
                      + "  \"state\": \"in-review\",\n>>>>>>> writer\n"));
      case DIRECTORY_STATUS -> {
        Files.delete(status);
        Files.createDirectories(status.resolve("oops"));
      }
      case CORRUPT_LOCAL_LEDGER -> {
        Path ledger = ws.resolve(damage.file);
        Files.createDirectories(ledger.getParent());
        Files.writeString(
            ledger,
            "{\"versions\": {\"1\": {\"version\": 1, \"phase\": \"SHIPPED\", \"events\": []}}}");
      }
      case CORRUPT_SANDBOX_LEDGER ->
          Files.writeString(
              status,
              good.replace(
                  "\"targets\": {}",
                  "\"targets\": {\"sandbox\": {\"versions\": {\"1\": {\"version\": 1,"
                      + " \"phase\": \"SHIPPED\", \"events\": []}}}}"));
    }
  }

  static void assertNoBug(CliRun run, List<String> command, String what) {
    String where = String.join(" ", command) + " with " + what + ":\n" + run.err();
    assertNotEquals(ExitCode.INTERNAL, run.exitCode(), where);
    assertFalse(run.err().contains("\tat "), "a stack trace: " + where);
    assertFalse(run.err().contains("internal error"), where);
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void noCommandEndsAsABugOnADamagedStateFile(Damage damage, @TempDir Path tmp) throws Exception {
    Path ws = workspace(tmp);
    damage(ws, damage);
    for (List<String> command : COMMANDS) {
      CliRun run = CliRun.in(ws, ENV, command.toArray(String[]::new));
      assertNoBug(run, command, damage.name());
      boolean readsIt =
          switch (damage) {
            case CORRUPT_LOCAL_LEDGER ->
                Stream.of("plan", "stage", "release", "unstage", "verify", "status")
                        .anyMatch(c -> c.equals(command.get(0)))
                    && !command.contains("sandbox");
            case CORRUPT_SANDBOX_LEDGER ->
                command.get(0).equals("status") || command.contains("sandbox");
            default ->
                Stream.of("check", "doctor", "new", "metadata")
                    .noneMatch(c -> c.equals(command.get(0)));
          };
      if (readsIt && run.exitCode() != 0) {
        assertTrue(
            run.err().contains(damage.file),
            String.join(" ", command)
                + " with "
                + damage
                + " should name "
                + damage.file
                + ":\n"
                + run.err());
      }
    }
  }

  @Test
  void unknownSlugsAndLaunchesAreUsageErrorsThatSayWhatIsKnown(@TempDir Path tmp) {
    Path ws = workspace(tmp);
    for (String command : List.of("plan", "stage", "release", "unstage", "verify")) {
      CliRun slug = CliRun.in(ws, ENV, command, "fernbank-reproducible-forcasting");
      assertNoBug(slug, List.of(command), "a mistyped slug");
      assertEquals(ExitCode.USAGE, slug.exitCode(), command + ": " + slug.err());
      assertTrue(
          slug.err().contains("did you mean 'fernbank-reproducible-forecasting'?"),
          command + ": " + slug.err());
    }
    for (String command : List.of("plan", "stage", "release")) {
      CliRun launch = CliRun.in(ws, ENV, command, "--launch", "winter-2062");
      assertNoBug(launch, List.of(command), "a mistyped launch");
      assertEquals(ExitCode.USAGE, launch.exitCode(), command + ": " + launch.err());
      assertTrue(launch.err().contains("There is no launch 'winter-2062'"), launch.err());
      assertTrue(launch.err().contains("Known: winter-2026"), launch.err());
    }
    for (String command : List.of("metadata", "render", "history", "submit")) {
      CliRun slug = CliRun.in(ws, ENV, command, "no-such-study");
      assertNoBug(slug, List.of(command), "an unknown slug");
      assertTrue(slug.exitCode() == ExitCode.USAGE || slug.exitCode() == ExitCode.PROBLEM);
      assertTrue(slug.err().contains("no-such-study"), slug.err());
    }
  }

  @Test
  void aHeldLockMakesEveryChangingCommandWaitThenSaySo(@TempDir Path tmp) throws Exception {
    Path ws = workspace(tmp);
    ExecutorService pool = Executors.newFixedThreadPool(COMMANDS.size());
    try (WorkspaceLock held =
        WorkspaceLock.acquire(
            new Workspace(ws), "stage (a test)", Duration.ZERO, Clock.systemUTC())) {
      // Each waits a few seconds for the lock; run side by side, they wait together.
      List<Future<CliRun>> runs = new ArrayList<>();
      for (List<String> command : COMMANDS) {
        runs.add(pool.submit(() -> CliRun.in(ws, ENV, command.toArray(String[]::new))));
      }
      for (int i = 0; i < COMMANDS.size(); i++) {
        CliRun run = runs.get(i).get();
        assertNoBug(run, COMMANDS.get(i), "the lock held");
        if (run.err().contains("Another casepress command is changing this workspace")) {
          assertEquals(ExitCode.PROBLEM, run.exitCode(), run.err());
          assertTrue(run.err().contains("stage (a test)"), "says who holds it: " + run.err());
        }
      }
      for (String command : List.of("stage", "release", "plan", "unstage", "approve")) {
        int i =
            COMMANDS.indexOf(
                COMMANDS.stream().filter(c -> c.get(0).equals(command)).findFirst().orElseThrow());
        assertTrue(
            runs.get(i)
                .get()
                .err()
                .contains("Another casepress command is changing this workspace"),
            command + ": " + runs.get(i).get().err());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
