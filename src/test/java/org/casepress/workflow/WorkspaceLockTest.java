package org.casepress.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.casepress.source.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class WorkspaceLockTest {
  private static final Clock CLOCK = Clock.fixed(Fixtures.T0, ZoneOffset.UTC);

  @TempDir Path root;

  /** Holds the lock of the workspace given as argument until its standard input closes. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      try (WorkspaceLock lock =
          WorkspaceLock.acquire(
              new Workspace(Path.of(args[0])), "approve held-elsewhere", Duration.ZERO, CLOCK)) {
        System.out.println("locked");
        System.out.flush();
        System.in.read();
      }
    }
  }

  @Test
  void anotherProcessHoldingTheLockStopsACommand() throws Exception {
    Workspace workspace = new Workspace(Fixtures.copyWorkspace(root));
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Holder.class.getName(),
                root.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", out.readLine());

      ReviewWorkflow workflow =
          new ReviewWorkflow(workspace, new StatusStore(workspace), CLOCK, Duration.ZERO);
      WorkflowException e =
          assertThrows(
              WorkflowException.class,
              () -> workflow.apply(Fixtures.SLUG, Transition.SUBMIT, "priya-nandakumar", null));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "Another casepress command is changing this workspace: approve held-elsewhere (process "
                      + holder.pid()
                      + ", started 2026-11-25T09:00:00Z)."),
          e.getMessage());

      holder.getOutputStream().close();
      assertTrue(holder.waitFor(20, TimeUnit.SECONDS));
      assertEquals(0, holder.exitValue());
      assertEquals(
          ReviewState.SUBMITTED,
          workflow
              .apply(Fixtures.SLUG, Transition.SUBMIT, "priya-nandakumar", null)
              .status()
              .state());
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void theLockIsReleasedWhenItsHolderCloses() {
    Workspace workspace = new Workspace(root);
    WorkspaceLock first = WorkspaceLock.acquire(workspace, "first", Duration.ZERO, CLOCK);
    assertThrows(
        WorkflowException.class,
        () -> WorkspaceLock.acquire(workspace, "second", Duration.ZERO, CLOCK));
    first.close();
    WorkspaceLock.acquire(workspace, "second", Duration.ZERO, CLOCK).close();
  }
}
