package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real ./casepress launcher in a subprocess, run by failsafe after the jar is packaged, so the
 * launcher finds it fresh and starts it directly.
 */
@Timeout(120)
class LauncherIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  record Result(int exitCode, String out, String err) {}

  /** In-process, as before the warm process: these tests must leave no process behind. */
  static Result launch(String... args) throws IOException, InterruptedException {
    return launch(Map.of("CASEPRESS_WARM", "off"), args);
  }

  static Result launch(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("casepress").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("casepress-out", ".txt");
    Path err = Files.createTempFile("casepress-err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(env);
    Process p = builder.start();
    assertTrue(p.waitFor(100, TimeUnit.SECONDS), "the launcher did not finish");
    Result r =
        new Result(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  @Test
  void checksTheExampleWorkspaceWithoutRebuilding() throws Exception {
    Result r = launch("check");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("\nOK: 4 case studies and the metadata check out"), r.out());
    assertTrue(
        !r.err().contains("building the tool"),
        "the jar is fresh, so the launcher must not rebuild: " + r.err());
  }

  @Test
  void usageErrorsExitTwoAndHelpListsCommands() throws Exception {
    assertEquals(2, launch("frobnicate").exitCode());
    Result help = launch("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("check"), help.out());
    assertTrue(help.out().contains("Exit codes"), help.out());
  }
}
