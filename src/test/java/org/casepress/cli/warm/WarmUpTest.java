package org.casepress.cli.warm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
                ELSEWHERE)
            .orElseThrow());
  }

  @Test
  void checksBatchesAndUnknownOptionsAreNotRepeated() {
    for (List<String> args :
        List.of(
            List.of("check", "river"),
            List.of("render", "--all"),
            List.of("render", "river", "other"),
            List.of("render"),
            List.of("render", "river", "--output", "a.pdf", "--force"),
            List.of("render", "river", "--outp", "a.pdf"))) {
      assertTrue(WarmUp.renderAgain(args, ELSEWHERE).isEmpty(), args.toString());
    }
    assertEquals(12, WarmUp.DEFAULT_RENDERS);
    assertEquals(WarmUp.DEFAULT_RENDERS, WarmClient.DEFAULT_WARM_UP_RENDERS);
  }
}
