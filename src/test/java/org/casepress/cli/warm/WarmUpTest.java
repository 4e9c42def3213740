package org.casepress.cli.warm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which first commands the warm process repeats while idle, and how ({@link WarmUp}). */
class WarmUpTest {
  private static final Path ELSEWHERE = Path.of("/tmp/casepress-warm-up/warm-up.pdf");

  @Test
  void aRenderOfOneStudyIsRepeatedWithItsModeDateAndWorkspaceIntoAFileOfItsOwn() {
    assertArrayEquals(
        new String[] {
          "render",
          "river",
          "--final",
          "--workspace",
          "ws",
          "--date",
          "2026-12-10",
          "--output",
          ELSEWHERE.toString()
        },
        WarmUp.renderAgain(
                List.of(
                    "render",
                    "--final",
                    "--workspace",
                    "ws",
                    "river",
                    "--output",
                    "mine.pdf",
                    "--date",
                    "2026-12-10"),
                ELSEWHERE,
                HERE)
            .orElseThrow());
  }

  private static final Path HERE = Path.of("/nowhere");

  @TempDir Path workspace;

  /** A workspace whose case studies' files are these many bytes long, "a" the first. */
  private Path workspaceOf(int... sizes) throws IOException {
    Files.createDirectories(workspace.resolve("metadata"));
    Files.writeString(workspace.resolve("metadata/community.yaml"), "community: x\n");
    for (int i = 0; i < sizes.length; i++) {
      Path dir = Files.createDirectories(workspace.resolve("case-studies/" + (char) ('a' + i)));
      Files.writeString(dir.resolve("case-study.md"), "x".repeat(sizes[i]));
    }
    Files.createDirectories(workspace.resolve("case-studies/no-file-yet"));
    return workspace;
  }

  @Test
  void afterABatchTheStudyOfMiddlingLengthIsRepeatedInTheWorkspaceNamedOrFound()
      throws IOException {
    Path ws = workspaceOf(900, 100, 500, 300, 700);
    assertArrayEquals(
        new String[] {
          "render", "c", "--final", "--workspace", ws.toString(), "--output", ELSEWHERE.toString()
        },
        WarmUp.renderAgain(
                List.of("render", "--all", "--final", "--workspace", ws.toString()),
                ELSEWHERE,
                HERE)
            .orElseThrow());
    Path inside = Files.createDirectories(ws.resolve("case-studies/a/images"));
    assertArrayEquals(
        new String[] {"render", "c", "--output", ELSEWHERE.toString()},
        WarmUp.renderAgain(List.of("render", "--all"), ELSEWHERE, inside).orElseThrow());
  }

  @Test
  void theMiddleOfAnEvenCountIsTheLowerAndEqualLengthsGoByName() throws IOException {
    Path ws = workspaceOf(400, 200, 200, 100);
    // by length: d (100), b (200), c (200), a (400)
    assertEquals("b", WarmUp.typical(new org.casepress.source.Workspace(ws)).orElseThrow());
  }

  @Test
  void aBatchOutsideAnyWorkspaceOrWithAStudyNamedTooIsNotRepeated() throws IOException {
    assertTrue(WarmUp.renderAgain(List.of("render", "--all"), ELSEWHERE, HERE).isEmpty());
    Path ws = workspaceOf(100);
    assertTrue(WarmUp.renderAgain(List.of("render", "--all", "a"), ELSEWHERE, ws).isEmpty());
    assertTrue(
        WarmUp.typical(new org.casepress.source.Workspace(workspace.resolve("elsewhere")))
            .isEmpty());
  }

  @Test
  void checksAndUnknownOptionsAreNotRepeated() {
    for (List<String> args :
        List.of(
            List.of("check", "river"),
            List.of("render", "river", "other"),
            List.of("render"),
            List.of("render", "river", "--output", "a.pdf", "--force"),
            List.of("render", "river", "--outp", "a.pdf"))) {
      assertTrue(WarmUp.renderAgain(args, ELSEWHERE, HERE).isEmpty(), args.toString());
    }
    assertEquals(12, WarmUp.DEFAULT_RENDERS);
    assertEquals(WarmUp.DEFAULT_RENDERS, WarmClient.DEFAULT_WARM_UP_RENDERS);
  }
}
