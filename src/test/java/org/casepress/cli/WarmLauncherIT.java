package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ./casepress launcher with its warm process (docs/warm.md), in a socket folder of the
 * test's own and with a short idle time; every warm process started here is stopped at the end.
 */
@Timeout(300)
class WarmLauncherIT {
  @TempDir Path sockets;
  @TempDir Path out;

  private Map<String, String> warm() {
    return Map.of(
        "CASEPRESS_WARM", "on",
        "CASEPRESS_WARM_DIR", sockets.toString(),
        "CASEPRESS_WARM_IDLE", "120");
  }

  private static final Map<String, String> HERE = Map.of("CASEPRESS_WARM", "off");

  @AfterEach
  void stopWarmProcesses() throws IOException {
    for (long pid : pids()) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
    warmProcesses().forEach(ProcessHandle::destroyForcibly);
  }

  private List<Long> pids() throws IOException {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> files = Files.list(sockets)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
        pids.add(Long.parseLong(Files.readString(p).strip()));
      }
    }
    return pids;
  }

  private Optional<ProcessHandle> warmProcess() throws IOException {
    List<Long> pids = pids();
    return pids.size() == 1 ? ProcessHandle.of(pids.get(0)) : Optional.empty();
  }

  private static void assertSame(LauncherIT.Result expected, LauncherIT.Result actual) {
    assertEquals(expected.exitCode(), actual.exitCode(), actual.out() + actual.err());
    assertEquals(expected.out(), actual.out());
    assertEquals(expected.err(), actual.err());
  }

  @Test
  void theWarmProcessPrintsAndExitsExactlyAsTheLaunchersOwnJvm() throws Exception {
    String slug = "fernbank-reproducible-forecasting";
    String[][] commands = {
      {"check"},
      {"check", slug, "no-such-study"},
      {"render", slug, "fernbank-second"},
      {"render", slug, "--final", "--output", out.resolve("a.pdf").toString()},
      {"check", "--json"},
    };
    for (String[] command : commands) {
      LauncherIT.Result here = LauncherIT.launch(HERE, command);
      byte[] pdf = command.length > 3 ? Files.readAllBytes(out.resolve("a.pdf")) : null;
      LauncherIT.Result there = LauncherIT.launch(warm(), command);
      assertSame(here, there);
      if (pdf != null) {
        assertArrayEquals(pdf, Files.readAllBytes(out.resolve("a.pdf")));
      }
    }
    assertEquals(1, pids().size(), "one warm process serves every command");
    assertTrue(warmProcess().map(ProcessHandle::isAlive).orElse(false));
  }

  /**
   * A heap too small for a render (through the warm process's own options variable, so that the
   * launcher's JVM keeps its default): the warm process stops, the user is told, and the launcher
   * runs the command itself, with the same output, exit code and PDF.
   */
  @Test
  void aWarmProcessThatRunsOutOfMemoryStopsAndTheLauncherRunsTheCommandItself() throws Exception {
    String[] command = {
      "render",
      "fernbank-reproducible-forecasting",
      "--final",
      "--output",
      out.resolve("a.pdf").toString()
    };
    LauncherIT.Result here = LauncherIT.launch(HERE, command);
    assertEquals(0, here.exitCode(), here.err());
    byte[] pdf = Files.readAllBytes(out.resolve("a.pdf"));
    Files.delete(out.resolve("a.pdf"));
    Map<String, String> tiny = new HashMap<>(warm());
    tiny.put("CASEPRESS_WARM_JAVA_OPTS", TINY_HEAP);
    LauncherIT.Result there = LauncherIT.launch(tiny, command);
    assertEquals(here.exitCode(), there.exitCode(), there.err());
    assertEquals(here.out(), there.out());
    assertTrue(
        there.err().startsWith("casepress: the background casepress process ran out of memory"),
        there.err());
    assertTrue(there.err().endsWith(here.err()), there.err());
    assertArrayEquals(pdf, Files.readAllBytes(out.resolve("a.pdf")));
    long deadline = System.currentTimeMillis() + 20_000;
    while (!warmProcesses().isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(List.of(), warmProcesses(), "the warm process did not exit");
    assertEquals(List.of(), pids());
  }

  /**
   * Without a warm process, the launcher's own JVM running out of memory says what to do, exits 1
   * without a stack trace, and leaves no PDF, whole or partial.
   */
  @Test
  void aCommandThatRunsTheLaunchersJvmOutOfMemorySaysHowToGiveItMore() throws Exception {
    Map<String, String> tiny = new HashMap<>(HERE);
    tiny.put("CASEPRESS_JAVA_OPTS", TINY_HEAP);
    LauncherIT.Result result =
        LauncherIT.launch(
            tiny,
            "render",
            "fernbank-reproducible-forecasting",
            "--final",
            "--output",
            out.resolve("tiny.pdf").toString());
    assertEquals(1, result.exitCode(), result.err());
    assertTrue(
        result.err().contains("casepress: this command ran out of memory (Java was given at most"),
        result.err());
    assertTrue(result.err().contains("CASEPRESS_JAVA_OPTS=-Xmx1024m"), result.err());
    assertFalse(result.err().contains("OutOfMemoryError"), result.err());
    assertFalse(result.err().contains("\tat "), result.err());
    try (var left = Files.list(out)) {
      assertEquals(
          List.of(), left.filter(p -> p.getFileName().toString().contains("tiny")).toList());
    }
  }

  /** Enough for the warm process to start and take a command, too little for a render. */
  private static final String TINY_HEAP = "-Xmx16m";

  /** Every running warm process of this test's socket folder, with or without its id file. */
  private List<ProcessHandle> warmProcesses() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(sockets.toString()))
        .filter(p -> p.info().commandLine().orElse("").contains("WarmServer"))
        .toList();
  }

  @Test
  void aKilledWarmProcessIsReplacedWithoutTheUserNoticing() throws Exception {
    LauncherIT.Result first = LauncherIT.launch(warm(), "check");
    assertEquals(0, first.exitCode(), first.err());
    ProcessHandle killed = warmProcess().orElseThrow();
    killed.destroyForcibly();
    killed.onExit().get();
    LauncherIT.Result again = LauncherIT.launch(warm(), "check");
    assertSame(first, again);
    ProcessHandle replacement = warmProcess().orElseThrow();
    assertNotEquals(killed.pid(), replacement.pid());
    assertTrue(replacement.isAlive());
  }

  /**
   * The client must stay a JVM that starts and exits: every class it spins at run time (a lambda, a
   * method reference, a string concatenation by invokedynamic, a regular expression) or loads from
   * outside its class-data archive cost it milliseconds, and together they were half its time.
   */
  @Test
  void aCommandToTheRunningWarmProcessLoadsNothingOutsideTheClientsArchive() throws Exception {
    LauncherIT.Result first = LauncherIT.launch(warm(), "check");
    assertEquals(0, first.exitCode(), first.err());
    Path log = out.resolve("client-classes.log");
    Map<String, String> logged = new HashMap<>(warm());
    logged.put("CASEPRESS_CLIENT_OPTS", "-Xlog:class+load:file=" + log);
    LauncherIT.Result again =
        LauncherIT.launch(logged, "check", "fernbank-reproducible-forecasting");
    assertEquals(0, again.exitCode(), again.err());
    List<String> classes = Files.readAllLines(log);
    assertTrue(
        classes.stream().anyMatch(l -> l.contains("org.casepress.cli.warm.WarmClient ")),
        "the client did not run");
    List<String> ours =
        classes.stream().filter(l -> l.contains("org.casepress.") && l.contains("$$")).toList();
    assertEquals(List.of(), ours, "lambdas of the client's own");
    // What the JDK's own code spins or skips (a lambda form, JFR's event classes) stays outside.
    List<String> outside =
        classes.stream().filter(l -> !l.contains("source: shared objects file")).toList();
    assertTrue(outside.size() <= 5, "loaded from outside the client's archive: " + outside);
    List<String> tool =
        classes.stream()
            .filter(l -> l.contains("org.casepress.") && !l.contains("org.casepress.cli.warm."))
            .toList();
    assertEquals(List.of(), tool, "the client loaded the tool");
  }

  @Test
  void withNoWarmProcessToBeHadTheLauncherRunsTheCommandItself() throws Exception {
    LauncherIT.launch(HERE, "--help"); // the start-up archive, made once, says so on its first run
    Path notAFolder = Files.writeString(out.resolve("not-a-folder"), "");
    Map<String, String> env =
        Map.of("CASEPRESS_WARM", "on", "CASEPRESS_WARM_DIR", notAFolder.toString());
    for (String[] command : new String[][] {{"check"}, {"check", "no-such-study"}}) {
      assertSame(LauncherIT.launch(HERE, command), LauncherIT.launch(env, command));
    }
    assertEquals(List.of(), pids());
  }

  @Test
  void otherCommandsAndWarmOffRunInTheLaunchersJvm() throws Exception {
    assertEquals(0, LauncherIT.launch(warm(), "status").exitCode());
    assertEquals(0, LauncherIT.launch(HERE, "check").exitCode());
    assertEquals(List.of(), pids(), "no warm process for status or with CASEPRESS_WARM=off");
  }
}
