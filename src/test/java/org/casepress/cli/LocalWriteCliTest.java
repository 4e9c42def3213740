package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.casepress.source.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace that cannot be written is the user's to fix (exit 1, naming the folder), never
 * "Zenodo could not be reached" (exit 3) and never a bug (exit 4).
 */
@Timeout(180)
class LocalWriteCliTest {
  private static final String SLUG = "fernbank-reproducible-forecasting";

  private static Path workspace(Path tmp) {
    TestWorkspaces.copy(Path.of("case-studies"), tmp.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), tmp.resolve("metadata"));
    return tmp;
  }

  @Test
  void releaseIntoABuildFolderThatCannotBeCreatedIsALocalProblem(@TempDir Path tmp)
      throws IOException {
    Path ws = workspace(tmp);
    // A file where the build folder should be: every write under build/ fails, as on a full or
    // read-only disk, but even for root.
    Files.writeString(ws.resolve("build"), "not a folder");

    CliRun run = CliRun.in(ws, "release", SLUG);

    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertFalse(run.err().contains("Zenodo could not be reached"), run.err());
    assertFalse(run.err().contains("internal error"), run.err());
    assertTrue(run.err().contains("casepress could not write"), run.err());
    assertTrue(run.err().contains(ws.resolve("build").toString()), run.err());
  }

  @Test
  void renderIntoAReadOnlyFolderSaysSo(@TempDir Path tmp) throws IOException {
    assumeFalse(
        "root".equals(System.getProperty("user.name")),
        "root writes into read-only folders; the build-folder test above covers root");
    Path ws = workspace(tmp);
    Path out = Files.createDirectories(ws.resolve("read-only"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      CliRun run = CliRun.in(ws, "render", SLUG, "--output", "read-only/x.pdf");
      assertEquals(1, run.exitCode(), run.out() + run.err());
      assertTrue(run.err().contains(out + " is read-only or may not be written by you"), run.err());
    } finally {
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
