package org.casepress.cli.warm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the client starts the warm process: in the background, with its output in the log, and not as
 * a child of the client's JVM, whose exit would otherwise wait about 300 ms for the thread that
 * waits for that child.
 */
class InBackgroundTest {
  @TempDir Path folder;

  @BeforeEach
  void aPosixShell() {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh: the warm process is a child");
  }

  private static List<ProcessHandle> liveChildren() {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
  }

  @Test
  void whatItStartsRunsOnButIsNoChildOfThisJvm() throws Exception {
    List<ProcessHandle> before = liveChildren();
    Path log = folder.resolve("warm.log");
    ProcessHandle started = WarmClient.inBackground(List.of("sleep", "60"), folder, log);
    try {
      assertNotNull(started);
      assertTrue(started.isAlive());
      assertEquals(before, liveChildren(), "a child of this JVM is still running");
      assertFalse(
          started.parent().map(p -> p.pid() == ProcessHandle.current().pid()).orElse(false),
          "the process's parent is this JVM");
      assertTrue(started.info().commandLine().orElse("sleep").contains("sleep"));
    } finally {
      started.destroyForcibly();
    }
  }

  @Test
  void itsOutputAndErrorsAreAppendedToTheLogInItsFolder() throws Exception {
    Path log = Files.writeString(folder.resolve("warm.log"), "before\n");
    ProcessHandle started =
        WarmClient.inBackground(
            List.of("sh", "-c", "pwd; echo to-out; echo to-err >&2; read line || echo no-input"),
            folder,
            log);
    // It may be over before its pid is looked up, which the client reads as "not started": here
    // the log says when it is done.
    if (started != null) {
      started.onExit().get(30, TimeUnit.SECONDS);
    }
    long deadline = System.currentTimeMillis() + 30_000;
    while (!Files.readString(log).contains("no-input") && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    List<String> lines = Files.readAllLines(log);
    assertEquals("before", lines.get(0));
    assertTrue(lines.contains(folder.toRealPath().toString()), lines.toString());
    assertTrue(lines.contains("to-out"), lines.toString());
    assertTrue(lines.contains("to-err"), lines.toString());
    assertTrue(lines.contains("no-input"), "it was given input: " + lines);
  }

  @Test
  void aProgramThatCannotRunEndsAndSaysSoInTheLog() throws Exception {
    Path log = folder.resolve("warm.log");
    ProcessHandle started =
        WarmClient.inBackground(List.of(folder.resolve("no-such-java").toString()), folder, log);
    if (started != null) {
      started.onExit().get(30, TimeUnit.SECONDS);
      assertFalse(started.isAlive());
    }
    long deadline = System.currentTimeMillis() + 30_000;
    while (!Files.readString(log).contains("no-such-java")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(Files.readString(log).contains("no-such-java"), Files.readString(log));
  }
}
