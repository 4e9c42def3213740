package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.casepress.workflow.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review comments from a file, standard input or the editor, kept whole in the history. */
class ReviewCommentTest {
  private static final String SLUG = "fernbank-flood-models";
  private static final String COMMENT =
      "Please add what it cost.\n\n- staff time\n- the cloud bill, per month";

  @TempDir Path root;

  @BeforeEach
  void inReview() {
    Fixtures.copyWorkspace(root);
    assertEquals(0, CliRun.in(root, "submit", SLUG, "--as", "priya-nandakumar").exitCode());
    assertEquals(0, CliRun.in(root, "start-review", SLUG, "--as", "morgan-ellis").exitCode());
  }

  @Test
  void commentFromAFileIsKeptWithItsLinesAndShownInHistoryAndStatus() throws Exception {
    Files.writeString(root.resolve("review.md"), COMMENT + "\n");
    CliRun r =
        CliRun.in(
            root, "request-changes", SLUG, "--as", "morgan-ellis", "--comment-file", "review.md");
    assertEquals(0, r.exitCode(), r.err());
    String history = CliRun.in(root, "history", SLUG).out();
    assertTrue(
        history.contains(
            "Please add what it cost.\n    \n    - staff time\n    - the cloud bill, per month\n"
                .replace("    \n", "\n")),
        history);
    String json = CliRun.in(root, "history", SLUG, "--json").out();
    assertTrue(json.contains("\"comment\": \"" + COMMENT.replace("\n", "\\n") + "\""), json);
    assertTrue(
        CliRun.in(root, "status").out().contains("  morgan-ellis (request-changes, "),
        "status shows the latest comment");
  }

  @Test
  void commentFromStandardInput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Cli.run(
            new ByteArrayInputStream(COMMENT.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(),
            root,
            "request-changes",
            SLUG,
            "--as",
            "morgan-ellis",
            "--comment-file",
            "-");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(
        CliRun.in(root, "history", SLUG, "--json")
            .out()
            .contains("\"comment\": \"" + COMMENT.replace("\n", "\\n") + "\""));
  }

  @Test
  void aMissingCommentFileIsAUsageErrorAndChangesNothing() throws Exception {
    Path status = root.resolve("case-studies/" + SLUG + "/status.json");
    String before = Files.readString(status);
    CliRun r =
        CliRun.in(
            root, "request-changes", SLUG, "--as", "morgan-ellis", "--comment-file", "nope.txt");
    assertEquals(2, r.exitCode());
    assertEquals(
        "--comment-file nope.txt: there is no such file. Write the comment in a text file and give"
            + " its path.\n",
        r.err());
    assertEquals(before, Files.readString(status));
  }

  @Test
  void theEditorWritesTheCommentAndItsHashLinesAreLeftOut() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell to fake an editor");
    Path editor = root.resolve("fake-editor.sh");
    Files.writeString(
        editor,
        "#!/bin/sh\nprintf 'Shorten the introduction.\\n%s\\n' \"$(cat \"$1\")\" > \"$1\"\n");
    Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
    String comment =
        ReviewComment.fromEditor(
            Map.of("EDITOR", editor.toString()), "request-changes", SLUG, "saying what to change");
    assertEquals("Shorten the introduction.", comment);
  }

  @Test
  void anEmptyEditorStopsWithoutAStep() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/true")), "needs /bin/true as an editor");
    CommandException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            CommandException.class,
            () ->
                ReviewComment.fromEditor(
                    Map.of("EDITOR", "/bin/true"), "withdraw", SLUG, "saying why"));
    assertTrue(e.getMessage().startsWith("The comment was left empty, so nothing changed."));
  }
}
