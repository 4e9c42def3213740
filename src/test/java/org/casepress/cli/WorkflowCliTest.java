package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.casepress.workflow.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The review commands end to end, in-process, in a temporary copy of a workspace. */
class WorkflowCliTest {
  private static final String SLUG = "fernbank-flood-models";
  private static final String STATUS_FILE = "case-studies/" + SLUG + "/status.json";

  @TempDir Path root;
  private Map<String, String> env = Map.of();

  record Result(int code, String out, String err) {}

  @BeforeEach
  void copyWorkspace() {
    Fixtures.copyWorkspace(root);
  }

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Cli.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            root.resolve("case-studies"),
            args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Result ok(String... args) {
    Result r = run(args);
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    return r;
  }

  /** Times and digests vary from run to run; the rest of the output must not. */
  private static String stable(String s) {
    return s.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z", "TIME")
        .replaceAll("\\d{4}-\\d{2}-\\d{2}\\b", "DATE")
        .replaceAll("\\b[0-9a-f]{12}\\b", "DIGEST");
  }

  @Test
  void walksACaseStudyFromDraftToApprovedWithComments() {
    assertEquals(
        "fernbank-flood-models: draft → submitted by priya-nandakumar.\n",
        ok("submit", SLUG, "--as", "priya-nandakumar", "--comment", "First full draft.").out());
    ok("start-review", SLUG, "--as", "morgan-ellis");
    ok("request-changes", SLUG, "--as", "morgan-ellis", "--comment", "Please add what it cost.");
    env = Map.of("CASEPRESS_USER", "priya-nandakumar");
    ok("submit", SLUG, "--comment", "Costs added.");
    env = Map.of("CASEPRESS_USER", "morgan-ellis");
    ok("start-review", SLUG);
    assertEquals(
        "fernbank-flood-models: in-review → approved by sam-okoro.\n",
        ok("approve", SLUG, "--as", "sam-okoro", "--comment", "Ready for the winter launch.")
            .out());

    assertEquals(
        """
        TIME  priya-nandakumar  draft → submitted              v1  DIGEST  First full draft.
        TIME  morgan-ellis      submitted → in-review          v1  DIGEST
        TIME  morgan-ellis      in-review → changes-requested  v1  DIGEST  Please add what it cost.
        TIME  priya-nandakumar  changes-requested → submitted  v1  DIGEST  Costs added.
        TIME  morgan-ellis      submitted → in-review          v1  DIGEST
        TIME  sam-okoro         in-review → approved           v1  DIGEST  Ready for the winter launch.
        """,
        stable(ok("history", SLUG).out()));
    assertEquals(
        """
        fernbank-flood-models  v1  approved
          How we opened our flood models
          waits for S. Okoro to stage and release it
          sam-okoro (approve, DATE): "Ready for the winter launch."

        river-sensors  v1  draft
          Cheap sensors on the river Fern
          waits for O. Price to finish and submit it

        Full comments: ./casepress history SLUG. Everything on one line: --wide.
        """,
        stable(ok("status").out()));
  }

  @Test
  void statusShowsAChangeSinceApproval() throws IOException {
    ok("submit", SLUG, "--as", "priya-nandakumar");
    ok("start-review", SLUG, "--as", "morgan-ellis");
    ok("approve", SLUG, "--as", "morgan-ellis");
    Path md = root.resolve("case-studies/" + SLUG + "/case-study.md");
    Files.writeString(md, Files.readString(md) + "\nA late addition.\n");
    assertTrue(ok("status").out().contains(SLUG + "  v1  approved, changed since\n"));
    String json = ok("status", "--json").out();
    assertTrue(json.contains("\"changed_since_approval\": true"), json);
  }

  @Test
  void historyAndStatusAsJson() {
    ok("submit", SLUG, "--as", "priya-nandakumar");
    String history = ok("history", SLUG, "--json").out();
    assertTrue(history.contains("\"state\": \"submitted\""), history);
    assertTrue(history.contains("\"action\": \"submit\""), history);
    String status = ok("status", "--json").out();
    assertTrue(status.contains("\"slug\": \"river-sensors\""), status);
    assertTrue(status.contains("\"unreadable\": [ ]"), status);
  }

  @Test
  void aForbiddenTransitionNamesTheStateAndTheNextSteps() {
    Result r = run("approve", SLUG, "--as", "morgan-ellis");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals(
        "'fernbank-flood-models' cannot be approved now: it is a draft. From here: submit (an author of it,"
            + " writer), withdraw (an author of it, coordinator).\n",
        r.err());
  }

  @Test
  void submittingACaseStudyWithProblemsShowsTheProblemsNotAStackTrace() throws IOException {
    Path md = root.resolve("case-studies/" + SLUG + "/case-study.md");
    Files.writeString(md, Files.readString(md).replace("language: en", "language: english"));
    Result r = run("submit", SLUG, "--as", "priya-nandakumar");
    assertEquals(1, r.code());
    assertEquals(
        """
        case-studies/fernbank-flood-models/case-study.md
          11:1    error   language: 'english' is not an ISO 639-1 language code; write 'en' instead.

        'fernbank-flood-models' was not submitted: check found 1 error (listed above). Fix it and run ./casepress submit fernbank-flood-models again.
        """,
        r.err());
    assertFalse(Files.exists(root.resolve(STATUS_FILE)));
  }

  @Test
  void whoIsActingMustBeSaidAndKnown() {
    Result none = run("submit", SLUG);
    assertEquals(2, none.code());
    assertEquals(
        "Say who you are: add --as PERSON (your id in metadata/people.yaml) or set CASEPRESS_USER.\n",
        none.err());
    Result typo = run("submit", SLUG, "--as", "priya");
    assertEquals(2, typo.code());
    assertTrue(
        typo.err().startsWith("'priya' is not a person in metadata/people.yaml"), typo.err());
  }

  @Test
  void aRequiredCommentIsAskedFor() {
    ok("submit", SLUG, "--as", "priya-nandakumar");
    Result r = run("withdraw", SLUG, "--as", "priya-nandakumar");
    assertEquals(1, r.code());
    assertEquals("withdraw needs a comment saying why: add --comment \"...\".\n", r.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bad JSON             | "targets": {} | "targets": {  | status.json:31: this is not valid JSON
          unknown state        | "state": "in-review" | "state": "sent" | status.json:4: state 'sent' is not a review state
          broken history chain | "from": "submitted" | "from": "draft" | status.json:22: history[1].from is 'draft' but the entry before ends in 'submitted'
          """)
  void aCorruptStatusFileStopsEveryCommandAndIsLeftAlone(
      String name, String find, String replace, String message) throws IOException {
    ok("submit", SLUG, "--as", "priya-nandakumar");
    ok("start-review", SLUG, "--as", "morgan-ellis");
    Path file = root.resolve(STATUS_FILE);
    String good = Files.readString(file);
    assertTrue(good.contains(find));
    Files.writeString(file, good.replace(find, replace));
    byte[] corrupt = Files.readAllBytes(file);

    for (String[] args :
        new String[][] {
          {"request-changes", SLUG, "--as", "morgan-ellis", "--comment", "x"},
          {"history", SLUG},
          {"status"}
        }) {
      Result r = run(args);
      assertEquals(1, r.code(), String.join(" ", args));
      assertTrue(r.err().startsWith("case-studies/" + SLUG + "/" + message), r.err());
      assertTrue(r.err().contains("'git checkout -- " + STATUS_FILE + "'"), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
      assertArrayEquals(corrupt, Files.readAllBytes(file));
    }
  }

  @Test
  void newStartsACaseStudyThatCheckThenAsksToDescribe() {
    assertEquals(
        "Created case-studies/flood-costs/case-study.md, a draft with owen-price as its first author. Open it,"
            + " fill in each field as its comments describe, then run ./casepress check flood-costs.\n",
        ok(
                "new",
                "flood-costs",
                "--title",
                "What flooding costs: a \"real\" estimate",
                "--as",
                "owen-price")
            .out());
    Result check = run("check", "flood-costs");
    assertEquals(1, check.code());
    assertTrue(check.out().contains("description: 'description' is empty"), check.out());
    assertTrue(
        stable(ok("history", "flood-costs").out())
            .startsWith("TIME  owen-price  (new) → draft  v1  DIGEST  created"));
    Result again = run("new", "flood-costs", "--title", "Again", "--as", "owen-price");
    assertEquals(1, again.code());
    Result noTitle = run("new", "flood-costs-2", "--as", "owen-price");
    assertEquals(2, noTitle.code());
  }

  @Test
  void historyOfAFolderWithoutStatusJson() {
    assertEquals(
        "river-sensors: a draft (version 1) with no history yet; it starts with the first submit.\n",
        ok("history", "river-sensors").out());
    assertEquals(2, run("history", "river-sensor").code());
  }

  @Test
  void helpListsTheReviewCommands() {
    String help = ok("--help").out();
    for (String command :
        new String[] {
          "new",
          "status",
          "history",
          "submit",
          "start-review",
          "request-changes",
          "approve",
          "withdraw",
          "restore",
          "reopen"
        }) {
      assertTrue(help.contains("\n  " + command + " "), command);
    }
    assertTrue(ok("request-changes", "--help").out().contains("--comment TEXT"));
  }
}
