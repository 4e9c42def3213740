package org.casepress.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.casepress.model.CaseStudy;
import org.casepress.model.Problem;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ReviewWorkflowTest {
  private static final String SLUG = Fixtures.SLUG;
  private static final Clock CLOCK = Clock.fixed(Fixtures.T0, ZoneOffset.UTC);

  @TempDir Path root;
  private Workspace workspace;
  private StatusStore store;
  private ReviewWorkflow workflow;

  @BeforeEach
  void copyWorkspace() {
    workspace = new Workspace(Fixtures.copyWorkspace(root));
    store = new StatusStore(workspace);
    workflow = new ReviewWorkflow(workspace, store, CLOCK, Duration.ofSeconds(5));
  }

  private Path caseStudyFile() {
    return workspace.caseStudyDir(SLUG).resolve("case-study.md");
  }

  private void takeToReview() {
    workflow.apply(SLUG, Transition.SUBMIT, "priya-nandakumar", null);
    workflow.apply(SLUG, Transition.START_REVIEW, "morgan-ellis", null);
  }

  @Test
  void approvalPinsTheDigestAndALaterChangeShows() throws Exception {
    takeToReview();
    ReviewWorkflow.Step approved =
        workflow.apply(SLUG, Transition.APPROVE, "sam-okoro", "Ready for the launch.");
    String digest = ContentDigest.of(workspace, workspace.caseStudyDir(SLUG));
    assertEquals(digest, approved.status().approvedDigest());
    assertEquals(digest, approved.entry().digest());
    assertTrue(workflow.approvedAndUnchanged(SLUG));
    assertFalse(row(SLUG).changedSince());

    String original = Files.readString(caseStudyFile());
    Files.writeString(caseStudyFile(), original + "\nOne more sentence.\n");
    assertFalse(workflow.approvedAndUnchanged(SLUG));
    assertTrue(row(SLUG).changedSince());
    assertEquals(ReviewState.APPROVED, row(SLUG).status().state());

    Files.writeString(caseStudyFile(), original);
    assertTrue(workflow.approvedAndUnchanged(SLUG));
  }

  @Test
  void approvingAgainAfterAChangePinsTheNewDigest() throws Exception {
    takeToReview();
    workflow.apply(SLUG, Transition.APPROVE, "morgan-ellis", null);
    WorkflowException unchanged =
        assertThrows(
            WorkflowException.class,
            () -> workflow.apply(SLUG, Transition.APPROVE, "morgan-ellis", null));
    assertEquals(
        "'fernbank-flood-models' is already approved, and its files have not changed since. Nothing to do.",
        unchanged.getMessage());

    Files.writeString(caseStudyFile(), Files.readString(caseStudyFile()) + "\nA typo fixed.\n");
    assertFalse(workflow.approvedAndUnchanged(SLUG));
    ReviewWorkflow.Step again =
        workflow.apply(SLUG, Transition.APPROVE, "morgan-ellis", "Typo fix only.");
    assertEquals(ReviewState.APPROVED, again.entry().from());
    assertEquals(
        ContentDigest.of(workspace, workspace.caseStudyDir(SLUG)), again.status().approvedDigest());
    assertTrue(workflow.approvedAndUnchanged(SLUG));
  }

  @Test
  void aCaseStudyThatIsNotApprovedIsNotApprovedAndUnchanged() {
    takeToReview();
    assertFalse(workflow.approvedAndUnchanged(SLUG));
  }

  private Overview.Row row(String slug) {
    return workflow.overview().rows().stream()
        .filter(r -> r.slug().equals(slug))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void submitRefusesACaseStudyThatFailsCheckAndSaysWhy() throws Exception {
    Files.writeString(
        caseStudyFile(),
        Files.readString(caseStudyFile())
            .replace("organisation: fernbank-water", "organisation: fernbnk-water"));
    CheckFailedException e =
        assertThrows(
            CheckFailedException.class,
            () -> workflow.apply(SLUG, Transition.SUBMIT, "priya-nandakumar", null));
    assertEquals(
        "'fernbank-flood-models' was not submitted: check found 1 error (listed above). Fix it and run"
            + " ./casepress submit fernbank-flood-models again.",
        e.getMessage());
    assertEquals(
        List.of(
            "organisation: Unknown organisation id 'fernbnk-water'; did you mean 'fernbank-water'? Ids are listed in metadata/organisations.yaml."),
        e.problems().stream()
            .filter(Problem::isError)
            .map(p -> p.field() + ": " + p.message())
            .toList());
    assertFalse(Files.exists(store.file(SLUG)), "nothing written");
  }

  @Test
  void approveRunsCheckToo() throws Exception {
    takeToReview();
    byte[] before = Files.readAllBytes(store.file(SLUG));
    Files.writeString(
        caseStudyFile(),
        Files.readString(caseStudyFile()).replace("language: en", "language: english"));
    assertThrows(
        CheckFailedException.class,
        () -> workflow.apply(SLUG, Transition.APPROVE, "morgan-ellis", null));
    assertArrayEquals(before, Files.readAllBytes(store.file(SLUG)));
  }

  @Test
  void reopenStartsTheNextVersionAsADraft() {
    store.write(Fixtures.inState(ReviewState.PUBLISHED));
    ReviewWorkflow.Step step =
        workflow.apply(SLUG, Transition.REOPEN, "morgan-ellis", "Second edition.");
    assertEquals(ReviewState.DRAFT, step.status().state());
    assertEquals(2, step.status().version());
    assertNull(step.status().approvedDigest());
    assertEquals(2, step.entry().version());
    assertEquals(ReviewState.PUBLISHED, step.entry().from());
    assertEquals(step.status(), store.read(SLUG));
  }

  @Test
  void everyStepIsAppendedToTheHistory() {
    takeToReview();
    workflow.apply(SLUG, Transition.REQUEST_CHANGES, "morgan-ellis", "  Add the costs.  ");
    List<HistoryEntry> history = store.read(SLUG).history();
    assertEquals(
        List.of(
            "submit draft->submitted null",
            "start-review submitted->in-review null",
            "request-changes in-review->changes-requested Add the costs."),
        history.stream()
            .map(e -> e.action() + " " + e.from().id() + "->" + e.to().id() + " " + e.comment())
            .toList());
    assertEquals(Fixtures.T0, history.get(0).time());
  }

  @Test
  void anUnknownPersonGetsASuggestion() {
    WorkflowException e =
        assertThrows(
            WorkflowException.class,
            () -> workflow.apply(SLUG, Transition.SUBMIT, "priya-nandakumr", null));
    assertTrue(e.isBadInput());
    assertEquals(
        "'priya-nandakumr' is not a person in metadata/people.yaml; did you mean 'priya-nandakumar'? Use your id"
            + " from that file with --as or CASEPRESS_USER.",
        e.getMessage());
  }

  @Test
  void nobodyActingIsAskedWhoTheyAre() {
    WorkflowException e =
        assertThrows(
            WorkflowException.class, () -> workflow.apply(SLUG, Transition.SUBMIT, null, null));
    assertTrue(e.isBadInput());
    assertEquals(
        "Say who you are: add --as PERSON (your id in metadata/people.yaml) or set CASEPRESS_USER.",
        e.getMessage());
  }

  @Test
  void anUnknownCaseStudyGetsASuggestion() {
    WorkflowException e =
        assertThrows(
            WorkflowException.class,
            () ->
                workflow.apply(
                    "fernbank-flod-models", Transition.SUBMIT, "priya-nandakumar", null));
    assertTrue(e.isBadInput());
    assertEquals(
        "There is no case study 'fernbank-flod-models'; did you mean 'fernbank-flood-models'? Known:"
            + " fernbank-flood-models, river-sensors.",
        e.getMessage());
  }

  @Test
  void aPathIsNotASlug() {
    WorkflowException e =
        assertThrows(
            WorkflowException.class,
            () -> workflow.apply("../metadata", Transition.SUBMIT, "priya-nandakumar", null));
    assertTrue(e.isBadInput());
  }

  @Test
  void aCorruptStatusFileIsNeverOverwritten() throws Exception {
    Files.writeString(store.file(SLUG), "{\"schema\": 1,\n \"state\": \"draft\"");
    byte[] before = Files.readAllBytes(store.file(SLUG));
    StateFileException e =
        assertThrows(
            StateFileException.class,
            () -> workflow.apply(SLUG, Transition.SUBMIT, "priya-nandakumar", null));
    assertEquals("case-studies/fernbank-flood-models/status.json", e.file());
    assertArrayEquals(before, Files.readAllBytes(store.file(SLUG)));
  }

  @Test
  void anAuthorCannotWithdrawACaseStudyWhoseAuthorsCannotBeRead() throws Exception {
    Files.writeString(caseStudyFile(), "no front matter at all\n");
    CheckFailedException e =
        assertThrows(
            CheckFailedException.class,
            () -> workflow.apply(SLUG, Transition.WITHDRAW, "priya-nandakumar", "Stop."));
    assertTrue(
        e.getMessage()
            .startsWith(
                "casepress cannot tell whether Priya Nandakumar is an author of 'fernbank-flood-models'"),
        e.getMessage());
    assertFalse(e.problems().isEmpty());
    // A coordinator needs no authorship.
    assertEquals(
        ReviewState.WITHDRAWN,
        workflow.apply(SLUG, Transition.WITHDRAW, "sam-okoro", "Stop.").status().state());
  }

  @Test
  void newCaseStudyLoadsWithItsCreatorAsFirstAuthor() {
    String title = "Costs: the \"real\" ones — Ærø, #1 \\ 50%";
    ReviewWorkflow.Step step = workflow.create("flood-costs", title, "owen-price");
    assertEquals(ReviewState.DRAFT, step.status().state());
    assertNull(step.entry().from());
    assertEquals("new", step.entry().action());
    assertEquals("created", step.entry().comment());
    assertEquals(step.status(), store.read("flood-costs"));

    Loaded loaded = WorkspaceLoader.load(workspace, List.of("flood-costs"));
    CaseStudy created = loaded.caseStudy("flood-costs").orElseThrow();
    assertEquals(title, created.title());
    assertEquals(List.of("owen-price"), created.authors().stream().map(a -> a.id()).toList());
    assertEquals("fernbank-water", created.organisation().id());
    // What is left to do: the template's description is empty on purpose, so check asks for it,
    // and each of the template's guidance paragraphs is to be replaced by the author's text.
    assertEquals(
        "case-studies/flood-costs/case-study.md description",
        loaded.problems().get(0).file() + " " + loaded.problems().get(0).field());
    List<Problem> rest = loaded.problems().subList(1, loaded.problems().size());
    assertEquals(6, rest.size(), rest.toString());
    rest.forEach(p -> assertTrue(p.message().contains("template's guidance text"), p.toString()));
  }

  @Test
  void newRefusesAnExistingFolderAnInvalidSlugAndAStranger() throws Exception {
    WorkflowException exists =
        assertThrows(WorkflowException.class, () -> workflow.create(SLUG, "Again", "owen-price"));
    assertEquals(
        "case-studies/fernbank-flood-models already exists. Choose another slug, or work on the case study that is there.",
        exists.getMessage());
    assertFalse(exists.isBadInput());

    WorkflowException slug =
        assertThrows(
            WorkflowException.class, () -> workflow.create("Flood Costs", "Costs", "owen-price"));
    assertTrue(slug.isBadInput());
    assertTrue(
        slug.getMessage().startsWith("'Flood Costs' is not a valid slug"), slug.getMessage());

    WorkflowException stranger =
        assertThrows(
            WorkflowException.class, () -> workflow.create("flood-costs", "Costs", "alex"));
    assertTrue(stranger.isBadInput());
    assertFalse(
        Files.exists(workspace.caseStudyDir("flood-costs")), "nothing created for a stranger");

    WorkflowException title =
        assertThrows(
            WorkflowException.class,
            () -> workflow.create("flood-costs", "two\nlines", "owen-price"));
    assertTrue(title.isBadInput());
  }

  @Test
  void yamlQuotingEscapesWhatYamlWouldMisread() {
    assertEquals(
        "\"a: \\\"b\\\" \\\\ #c \\x07 é\"", ReviewWorkflow.yamlQuoted("a: \"b\" \\ #c \u0007 é"));
  }

  @Test
  void aSecondCommandWaitsForTheLockThenGivesUpWithAClearMessage() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    StatusStore slowStore =
        new StatusStore(
            workspace,
            step -> {
              if (step == AtomicFile.Step.TEMP_WRITTEN) {
                writing.countDown();
                try {
                  finish.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
    ReviewWorkflow slow = new ReviewWorkflow(workspace, slowStore, CLOCK, Duration.ofSeconds(5));
    ReviewWorkflow impatient = new ReviewWorkflow(workspace, store, CLOCK, Duration.ZERO);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<ReviewWorkflow.Step> first =
          executor.submit(() -> slow.apply(SLUG, Transition.SUBMIT, "priya-nandakumar", null));
      assertTrue(writing.await(20, TimeUnit.SECONDS));

      WorkflowException e =
          assertThrows(
              WorkflowException.class,
              () -> impatient.apply("river-sensors", Transition.SUBMIT, "owen-price", null));
      assertEquals(
          "Another casepress command is changing this workspace: submit fernbank-flood-models (process "
              + ProcessHandle.current().pid()
              + ", started 2026-11-25T09:00:00Z). Wait for it to finish and try"
              + " again. (If none is running, something went badly wrong: the lock is .casepress/lock and is"
              + " released when its command ends.)",
          e.getMessage());
      assertFalse(Files.exists(store.file("river-sensors")));

      finish.countDown();
      assertEquals(ReviewState.SUBMITTED, first.get(20, TimeUnit.SECONDS).status().state());
      assertEquals(
          ReviewState.SUBMITTED,
          impatient.apply("river-sensors", Transition.SUBMIT, "owen-price", null).status().state());
    } finally {
      finish.countDown();
      executor.shutdownNow();
    }
  }

  @Test
  void twoConcurrentSubmitsOfOneCaseStudyRecordOneSubmission() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results =
          List.of(
              executor.submit(() -> attempt(go, "priya-nandakumar")),
              executor.submit(() -> attempt(go, "morgan-ellis")));
      go.countDown();
      List<String> outcomes = results.stream().map(ReviewWorkflowTest::get).sorted().toList();
      assertEquals(
          "'fernbank-flood-models' cannot be submitted now: it is submitted. From here: start-review"
              + " (writer), withdraw (an author of it, coordinator).",
          outcomes.get(0));
      assertEquals("submitted", outcomes.get(1));
      assertEquals(1, store.read(SLUG).history().size());
    } finally {
      executor.shutdownNow();
    }
  }

  private String attempt(CountDownLatch go, String actor) throws InterruptedException {
    go.await();
    try {
      return workflow.apply(SLUG, Transition.SUBMIT, actor, null).status().state().id();
    } catch (WorkflowException e) {
      return e.getMessage();
    }
  }

  private static String get(Future<String> f) {
    try {
      return f.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void statusFileBytesOnDiskEndWithANewline() throws Exception {
    workflow.apply(SLUG, Transition.SUBMIT, "priya-nandakumar", null);
    String text = new String(Files.readAllBytes(store.file(SLUG)), StandardCharsets.UTF_8);
    assertTrue(text.endsWith("}\n") && !text.contains("\r"), text);
  }
}
