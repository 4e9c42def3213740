package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.casepress.render.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code render --output} used to write anywhere: pointed at a case study, its status.json or
 * people.yaml, it replaced them with a PDF and exited 0. Now nothing the user wrote is replaced.
 */
@Timeout(120)
class RenderOutputTest {
  private static final String SLUG = "river-sensors";

  @TempDir Path ws;

  @BeforeEach
  void copyWorkspace() throws IOException {
    Fixtures.copy(Fixtures.WORKSPACE, ws);
    Files.writeString(
        ws.resolve("case-studies/river-sensors/status.json"),
        "{\"schema\": 1, \"slug\": \"river-sensors\", \"state\": \"draft\", \"version\": 1,"
            + " \"approved_digest\": null, \"history\": [], \"targets\": {}}\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "case-studies/river-sensors/case-study.md",
        "case-studies/river-sensors/status.json",
        "case-studies/river-sensors/figures/new.pdf",
        "metadata/people.yaml"
      })
  void refusesAnythingUnderCaseStudiesOrMetadata(String output) throws IOException {
    Path file = ws.resolve(output);
    byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;

    CliRun run = CliRun.in(ws, "render", SLUG, "--output", output, "--force");

    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(
        run.err().contains("Not writing " + output + ": render does not write under "), run.err());
    if (before == null) {
      assertTrue(Files.notExists(file));
    } else {
      assertArrayEquals(before, Files.readAllBytes(file));
    }
  }

  @Test
  void refusesAnExistingFileThatIsNotAPdfEvenWithForce() throws IOException {
    Files.writeString(ws.resolve("notes.txt"), "my notes\n");
    CliRun run = CliRun.in(ws, "render", SLUG, "--output", "notes.txt", "--force");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("Not writing notes.txt: it exists and is not a PDF"), run.err());
    assertEquals("my notes\n", Files.readString(ws.resolve("notes.txt")));
  }

  @Test
  void anotherProgramsPdfNeedsForce() throws IOException {
    Path other = ws.resolve("report.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.getDocumentInformation().setProducer("Word");
      doc.save(other.toFile());
    }
    byte[] before = Files.readAllBytes(other);

    CliRun refused = CliRun.in(ws, "render", SLUG, "--output", "report.pdf");
    assertEquals(1, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("Add --force to replace it"), refused.err());
    assertArrayEquals(before, Files.readAllBytes(other));

    CliRun forced = CliRun.in(ws, "render", SLUG, "--output", "report.pdf", "--force");
    assertEquals(0, forced.exitCode(), forced.err());
    assertTrue(Files.size(other) != before.length);
  }

  @Test
  void aPdfCasepressWroteIsReplacedAndANewFileIsWritten() {
    CliRun first = CliRun.in(ws, "render", SLUG, "--output", "out/study.pdf");
    assertEquals(0, first.exitCode(), first.err());
    CliRun again = CliRun.in(ws, "render", SLUG, "--output", "out/study.pdf");
    assertEquals(0, again.exitCode(), again.err());
  }
}
