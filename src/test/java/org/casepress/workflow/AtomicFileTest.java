package org.casepress.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casepress.source.LocalWriteException;
import org.casepress.source.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AtomicFileTest {
  /** Stands for the process dying: an Error, so the writer's tidying-up does not run. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash(AtomicFile.Step step) {
      super("crash after " + step, null, false, false);
    }
  }

  @TempDir Path root;

  @ParameterizedTest
  @EnumSource(AtomicFile.Step.class)
  void aCrashAfterAnyStepLeavesTheOldOrTheNewFile(AtomicFile.Step crashAfter) throws IOException {
    Workspace workspace = new Workspace(root);
    Path folder = Files.createDirectories(workspace.caseStudyDir(Fixtures.SLUG));
    StatusFile before = Fixtures.inState(ReviewState.SUBMITTED);
    StatusFile after = Fixtures.inState(ReviewState.IN_REVIEW);
    new StatusStore(workspace).write(before);

    StatusStore crashing =
        new StatusStore(
            workspace,
            step -> {
              if (step == crashAfter) {
                throw new SimulatedCrash(step);
              }
            });
    assertThrows(SimulatedCrash.class, () -> crashing.write(after));

    boolean renamed = crashAfter.compareTo(AtomicFile.Step.RENAMED) >= 0;
    Path file = folder.resolve(StatusStore.FILE_NAME);
    assertArrayEquals(StatusStore.bytes(renamed ? after : before), Files.readAllBytes(file));
    // A reader after the "restart" sees a whole file, whatever the crash left lying around.
    assertEquals(renamed ? after : before, new StatusStore(workspace).read(Fixtures.SLUG));
    assertEquals(renamed ? List.of() : List.of("temporary"), leftovers(folder));

    new StatusStore(workspace).write(after);
    assertArrayEquals(StatusStore.bytes(after), Files.readAllBytes(file));
    assertEquals(List.of(), leftovers(folder));
  }

  @Test
  void anOrdinaryFailureRemovesTheTemporaryFileAndKeepsTheOldOne() throws IOException {
    Workspace workspace = new Workspace(root);
    Path folder = Files.createDirectories(workspace.caseStudyDir(Fixtures.SLUG));
    StatusFile before = Fixtures.inState(ReviewState.SUBMITTED);
    new StatusStore(workspace).write(before);
    StatusStore failing =
        new StatusStore(
            workspace,
            step -> {
              if (step == AtomicFile.Step.TEMP_WRITTEN) {
                throw new IOException("No space left on device");
              }
            });
    LocalWriteException e =
        assertThrows(
            LocalWriteException.class,
            () -> failing.write(Fixtures.inState(ReviewState.IN_REVIEW)));
    assertEquals("No space left on device", e.getCause().getMessage());
    assertEquals(folder.toAbsolutePath(), e.folder());
    assertTrue(e.getMessage().contains("The disk holding " + folder.toAbsolutePath() + " is full"));
    assertArrayEquals(
        StatusStore.bytes(before), Files.readAllBytes(folder.resolve(StatusStore.FILE_NAME)));
    assertEquals(List.of(), leftovers(folder));
  }

  private static List<String> leftovers(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files
          .filter(p -> AtomicFile.isTemporary(p, folder.resolve(StatusStore.FILE_NAME)))
          .map(p -> "temporary")
          .toList();
    }
  }
}
