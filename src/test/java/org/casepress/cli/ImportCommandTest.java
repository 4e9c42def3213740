package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.casepress.source.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir Path dir;
  private Path ws;
  private Map<String, String> before;

  @BeforeEach
  void workspace() throws Exception {
    ws = dir.resolve("ws");
    TestWorkspaces.copy(Path.of("metadata"), ws.resolve("metadata"));
    Files.createDirectories(ws.resolve("case-studies/taken-already"));
    Files.writeString(ws.resolve("case-studies/taken-already/case-study.md"), "mine");
    Files.writeString(ws.resolve("metadata/launches.yaml"), "launches: []\n");
    before = TestWorkspaces.snapshot(ws);
  }

  private CliRun importing(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "import";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.in(ws, all);
  }

  private void assertNothingWritten(CliRun run) {
    assertEquals(before, TestWorkspaces.snapshot(ws), "files in the workspace after: " + run);
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void hubPageImportsAndSaysWhatToAdd() {
    CliRun run =
        importing(
            Path.of("src/test/resources/import/hub-page.md").toAbsolutePath().toString(),
            "--as",
            "priya-nandakumar");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out()
            .startsWith(
                "Imported a Markdown page into case-studies/ai-in-transportation-digihauls-vision-for/:"
                    + " case-study.md."),
        run.out());
    assertTrue(run.out().contains("\nChanged on the way (review these):\n"), run.out());
    assertTrue(
        run.out()
            .contains("  authors[1].orcid: Fernanda Vasconcellos has no ORCID iD in the draft"),
        run.out());
    assertTrue(run.out().contains("priya-nandakumar (--as) is not among the draft's authors"));
    assertTrue(
        Files.isRegularFile(
            ws.resolve("case-studies/ai-in-transportation-digihauls-vision-for/case-study.md")));
  }

  @Test
  void importedGoogleDocRendersInFinalMode() {
    Path draft =
        TestWorkspaces.copy(
            Path.of("src/test/resources/import/google-docs"), dir.resolve("download"));
    CliRun imported =
        importing(draft.resolve("Glasswater-draft.html").toString(), "--as", "eilidh-macrae");
    assertEquals(0, imported.exitCode(), imported.toString());

    CliRun render = CliRun.in(ws, "render", "sensors-in-the-open", "--final");

    assertEquals(0, render.exitCode(), render.toString());
    assertTrue(Files.isRegularFile(ws.resolve("build/pdf/sensors-in-the-open.pdf")));
  }

  @Test
  void jsonReportListsNotesAndProblems() {
    CliRun run =
        importing(
            Path.of("src/test/resources/import/hub-page.md").toAbsolutePath().toString(),
            "--slug",
            "digihaul-2023",
            "--json");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("\"slug\": \"digihaul-2023\""), run.out());
    assertTrue(run.out().contains("\"kind\": \"to_add\""), run.out());
    assertTrue(run.out().contains("\"problems\": ["), run.out());
  }

  @Test
  void textFileNamedDocxIsRefused() throws Exception {
    Path file = dir.resolve("draft.docx");
    Files.writeString(file, "just some text", StandardCharsets.UTF_8);

    CliRun run = importing(file.toString());

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("draft.docx is not a Word document"), run.err());
    assertTrue(run.err().contains("File > Save As > Word Document (.docx)"), run.err());
    assertTrue(run.err().endsWith("Nothing was written.\n"), run.err());
    assertNothingWritten(run);
  }

  @Test
  void damagedZipIsRefused() throws Exception {
    Path file = dir.resolve("damaged.docx");
    byte[] zip = new byte[200];
    zip[0] = 'P';
    zip[1] = 'K';
    zip[2] = 3;
    zip[3] = 4;
    zip[8] = 99; // a compression method no zip reader knows
    Files.write(file, zip);

    CliRun run = importing(file.toString());

    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("damaged.docx is damaged")
            || run.err().contains("damaged.docx cannot be read"),
        run.err());
    assertNothingWritten(run);
  }

  @Test
  void existingCaseStudyIsNeverOverwritten() {
    CliRun run =
        importing(
            Path.of("src/test/resources/import/hub-page.md").toAbsolutePath().toString(),
            "--slug",
            "taken-already");

    assertEquals(1, run.exitCode());
    assertTrue(
        run.err()
            .contains("case-studies/taken-already already exists, and import never overwrites"),
        run.err());
    assertNothingWritten(run);
  }

  @Test
  void missingFolderAndUnknownFormatAreRefused() throws Exception {
    CliRun missing = importing(dir.resolve("nowhere.docx").toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("nowhere.docx does not exist"), missing.err());

    Path folder = Files.createDirectories(dir.resolve("folder.md"));
    CliRun isFolder = importing(folder.toString());
    assertEquals(1, isFolder.exitCode());
    assertTrue(isFolder.err().contains("is a folder"), isFolder.err());

    Path pdf = dir.resolve("draft.pdf");
    Files.writeString(pdf, "%PDF-1.7");
    CliRun unknown = importing(pdf.toString());
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("A PDF cannot be imported"), unknown.err());
    assertNothingWritten(unknown);
  }

  @Test
  void unreadableFileIsRefused() throws Exception {
    Path file = dir.resolve("secret.md");
    Files.writeString(file, "# A title\n\nText.\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "running as root: every file is readable");

    CliRun run = importing(file.toString());

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("secret.md cannot be read"), run.err());
    assertNothingWritten(run);
  }

  @Test
  void usageErrorsExitWith2() {
    String page = Path.of("src/test/resources/import/hub-page.md").toAbsolutePath().toString();

    CliRun none = importing();
    assertEquals(2, none.exitCode());
    assertTrue(none.err().contains("Name exactly one draft to import"), none.err());

    CliRun badSlug = importing(page, "--slug", "Not A Slug");
    assertEquals(2, badSlug.exitCode());
    assertTrue(badSlug.err().contains("--slug 'Not A Slug' is not a valid folder name"));

    CliRun nobody = importing(page, "--as", "priya-nandakumr");
    assertEquals(2, nobody.exitCode());
    assertTrue(nobody.err().contains("did you mean 'priya-nandakumar'?"), nobody.err());
    assertNothingWritten(nobody);
  }
}
