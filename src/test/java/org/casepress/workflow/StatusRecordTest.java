package org.casepress.workflow;

import static org.casepress.workflow.ReviewState.APPROVED;
import static org.casepress.workflow.ReviewState.DRAFT;
import static org.casepress.workflow.ReviewState.IN_REVIEW;
import static org.casepress.workflow.ReviewState.PUBLISHED;
import static org.casepress.workflow.ReviewState.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casepress.model.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** status.json is read as a record: each step legal, by someone who may take it, versions right. */
class StatusRecordTest {
  private static final Map<String, Person> PEOPLE =
      Fixtures.PEOPLE.stream().collect(Collectors.toMap(Person::id, p -> p));
  private static final String D = Fixtures.DIGEST;

  private static HistoryEntry step(
      String actor, String action, ReviewState from, ReviewState to, int version) {
    return new HistoryEntry(
        Fixtures.T0,
        actor,
        action,
        from,
        to,
        version,
        "a comment",
        action.equals("new") ? null : D);
  }

  /** new, submit, start-review, approve, publish, reopen: version 2 as a draft. */
  private static List<HistoryEntry> legal() {
    return List.of(
        step("priya-nandakumar", "new", null, DRAFT, 1),
        step("priya-nandakumar", "submit", DRAFT, SUBMITTED, 1),
        step("morgan-ellis", "start-review", SUBMITTED, IN_REVIEW, 1),
        step("morgan-ellis", "approve", IN_REVIEW, APPROVED, 1),
        step("sam-okoro", "publish", APPROVED, PUBLISHED, 1),
        step("sam-okoro", "reopen", PUBLISHED, DRAFT, 2));
  }

  private static StatusFile status(List<HistoryEntry> history, int version, String approved) {
    return new StatusFile(
        1,
        Fixtures.SLUG,
        history.get(history.size() - 1).to(),
        version,
        approved,
        history,
        Map.of());
  }

  @Test
  void aHistoryCasepressWritesIsARecord() {
    assertEquals(Optional.empty(), StatusRecord.firstFlaw(status(legal(), 2, null), PEOPLE));
    assertEquals(
        Optional.empty(), StatusRecord.firstFlaw(status(legal().subList(0, 5), 1, D), PEOPLE));
  }

  static Stream<Arguments> forgeries() {
    return Stream.of(
        forged(
            "draft to approved, skipping review",
            h -> List.of(step("morgan-ellis", "approve", DRAFT, APPROVED, 1)),
            1,
            D,
            "/history/0/action",
            "history[0]: 'approve' cannot be taken from 'draft'"),
        forged(
            "a step by someone not in people.yaml",
            h -> replace(h, 3, step("mallory", "approve", IN_REVIEW, APPROVED, 1)),
            2,
            null,
            "/history/3/actor",
            "history[3]: 'mallory' took this step but is not in metadata/people.yaml."),
        forged(
            "an approval by an author",
            h -> replace(h, 3, step("owen-price", "approve", IN_REVIEW, APPROVED, 1)),
            2,
            null,
            "/history/3/actor",
            "history[3]: Owen Price (owen-price) took 'approve' but holds none of the roles that"
                + " may: writer, coordinator"),
        forged(
            "a publication by a writer",
            h -> replace(h, 4, step("morgan-ellis", "publish", APPROVED, PUBLISHED, 1)),
            2,
            null,
            "/history/4/actor",
            "took 'publish' but holds none of the roles that may: coordinator"),
        forged(
            "a version that jumps",
            h -> replace(h, 5, step("sam-okoro", "reopen", PUBLISHED, DRAFT, 7)),
            7,
            null,
            "/history/5/version",
            "history[5]: version is 7 but must be 2"),
        forged(
            "a top-level version the history does not lead to",
            h -> h,
            7,
            null,
            "/version",
            "version is 7 but the history leads to version 2"),
        forged(
            "an approved digest no approval pinned",
            h -> h.subList(0, 5),
            1,
            "sha256:" + "cd".repeat(32),
            "/approved_digest",
            "but the last approval in the history pinned"),
        forged(
            "a step casepress does not know",
            h -> replace(h, 4, step("sam-okoro", "release", APPROVED, PUBLISHED, 1)),
            2,
            null,
            "/history/4/action",
            "'release' is not a step casepress records"),
        forged(
            "a withdrawal without a reason",
            h ->
                List.of(
                    h.get(0),
                    new HistoryEntry(
                        Fixtures.T0,
                        "sam-okoro",
                        "withdraw",
                        DRAFT,
                        ReviewState.WITHDRAWN,
                        1,
                        null,
                        D)),
            1,
            null,
            "/history/1/action",
            "'withdraw' needs a comment saying why"));
  }

  /** The lambda needs a typed parameter; Arguments.of takes Objects. */
  private static Arguments forged(
      String name,
      UnaryOperator<List<HistoryEntry>> edit,
      int version,
      String approved,
      String pointer,
      String message) {
    return Arguments.of(name, edit, version, approved, pointer, message);
  }

  private static List<HistoryEntry> replace(List<HistoryEntry> h, int i, HistoryEntry e) {
    List<HistoryEntry> copy = new ArrayList<>(h);
    copy.set(i, e);
    return copy;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void aForgedHistoryIsRefusedAtItsFirstBadEntry(
      String name,
      UnaryOperator<List<HistoryEntry>> edit,
      int version,
      String approved,
      String pointer,
      String message) {
    StatusRecord.Flaw flaw =
        StatusRecord.firstFlaw(status(edit.apply(legal()), version, approved), PEOPLE)
            .orElseThrow(() -> new AssertionError(name + " was accepted"));
    assertEquals(pointer, flaw.pointer());
    assertTrue(flaw.what().contains(message), flaw.what());
  }

  @Test
  void theIssuesForgeryIsRefusedWithTheFileAndLine() {
    StatusFile forged =
        new StatusFile(
            1,
            Fixtures.SLUG,
            APPROVED,
            7,
            D,
            List.of(step("mallory", "approve", DRAFT, APPROVED, 7)),
            Map.of());
    byte[] bytes = StatusStore.bytes(forged);
    StateFileException e =
        assertThrows(
            StateFileException.class,
            () -> StatusStore.parse(bytes, Fixtures.SLUG, "case-studies/x/status.json", PEOPLE));
    assertEquals(11, e.line());
    assertTrue(
        e.getMessage()
            .startsWith(
                "case-studies/x/status.json:11: history[0]: 'approve' cannot be taken from"
                    + " 'draft'"),
        e.getMessage());
  }
}
