package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.casepress.model.CasepressException;
import org.casepress.workflow.WorkflowException;
import org.casepress.workflow.WorkspaceLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The library API as a front-end other than the CLI uses it. */
@Timeout(60)
class SessionTest {

  @Test
  void aLibraryCallerWaitsForTheWorkspaceLockLikeTheCli(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study");
        WorkspaceLock held =
            WorkspaceLock.acquire(
                f.workspace, "release (another window)", Duration.ZERO, f.clock)) {
      WorkflowException e =
          assertThrows(WorkflowException.class, () -> f.session(null, Publisher.Checkpoints.NONE));
      assertEquals(CasepressException.Kind.PROBLEM, e.kind());
      assertTrue(e.getMessage().contains("release (another window)"), e.getMessage());
    }
  }

  @Test
  void productionNeedsSomeoneWithTheRole(@TempDir Path tmp) throws Exception {
    try (PublishingFixture f = new PublishingFixture(tmp, "base-study")) {
      f.approve("base-study");
      for (String actor : new String[] {null, "nobody-here", "priya-nandakumar"}) {
        try (Session session =
            Session.open(
                f.workspace,
                Destination.of(TargetKind.PRODUCTION, java.util.Map.of()),
                actor,
                Progress.SILENT)) {
          CasepressException e =
              assertThrows(CasepressException.class, () -> session.stage(List.of(), null));
          // Decided before any connection: without a token, connecting would fail otherwise.
          assertEquals(
              actor == null || actor.equals("nobody-here")
                  ? CasepressException.Kind.USAGE
                  : CasepressException.Kind.PROBLEM,
              e.kind(),
              actor + ": " + e.getMessage());
          if (actor != null && !actor.equals("nobody-here")) {
            assertTrue(e.getMessage().contains("may not stage on production"), e.getMessage());
          }
        }
      }
    }
  }
}
