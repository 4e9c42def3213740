package org.casepress.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransitionTableTest {
  private static final Path ROWS = Path.of("src/test/resources/workflow/transitions.txt");

  static Stream<Arguments> rows() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    for (String line : Files.readAllLines(ROWS)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split(" \\| ", 5);
      rows.add(Arguments.of(c[0], c[1], c[2], c[3], c[4]));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1} by {2} with {3}")
  @MethodSource("rows")
  void transition(String state, String transition, String role, String comment, String expected) {
    StatusFile current = Fixtures.inState(ReviewState.parse(state).orElseThrow());
    Transition t = Transition.parse(transition).orElseThrow();
    String actual;
    try {
      actual =
          "-> "
              + TransitionTable.decide(
                      current,
                      t,
                      Fixtures.ROLES.get(role),
                      Fixtures.AUTHORS,
                      Fixtures.PEOPLE,
                      comment.equals("comment") ? "Because." : null)
                  .id();
    } catch (WorkflowException e) {
      actual = e.getMessage();
    }
    assertEquals(expected, actual);
  }

  @Test
  void everyCombinationHasARow() throws IOException {
    Set<String> seen = new HashSet<>();
    rows()
        .forEach(
            a -> {
              Object[] c = a.get();
              if (c[3].equals("comment")) {
                seen.add(c[0] + " " + c[1] + " " + c[2]);
              }
            });
    assertEquals(
        ReviewState.values().length * Transition.values().length * Fixtures.ROLES.size(),
        seen.size());
  }

  @Test
  void everyStateHasANextStep() {
    for (ReviewState s : ReviewState.values()) {
      assertTrue(!TransitionTable.from(s).isEmpty(), s.id());
    }
  }

  @Test
  void restoreReturnsToTheStateItWasWithdrawnFrom() {
    StatusFile approved = Fixtures.inState(ReviewState.APPROVED);
    HistoryEntry withdrawal =
        new HistoryEntry(
            Fixtures.T0.plusSeconds(3600),
            "sam-okoro",
            "withdraw",
            ReviewState.APPROVED,
            ReviewState.WITHDRAWN,
            1,
            "On hold.",
            Fixtures.DIGEST);
    StatusFile withdrawn = approved.append(withdrawal, approved.approvedDigest());
    assertEquals(
        ReviewState.APPROVED,
        TransitionTable.decide(
            withdrawn, Transition.RESTORE, Fixtures.SAM, Fixtures.AUTHORS, Fixtures.PEOPLE, null));
  }

  @Test
  void aWriterWhoIsAnAuthorCannotApproveAndIsToldWhoCan() {
    WorkflowException e =
        assertThrows(
            WorkflowException.class,
            () ->
                TransitionTable.decide(
                    Fixtures.inState(ReviewState.IN_REVIEW),
                    Transition.APPROVE,
                    Fixtures.MORGAN,
                    List.of(Fixtures.PRIYA, Fixtures.MORGAN),
                    Fixtures.PEOPLE,
                    null));
    assertEquals(
        "Morgan Ellis (morgan-ellis) is an author of 'fernbank-flood-models' and so cannot approve"
            + " it: a case study is approved by a writer or coordinator who did not write it."
            + " Ask Sam Okoro (sam-okoro).",
        e.getMessage());
  }

  @Test
  void aBlankCommentIsNoComment() {
    WorkflowException e =
        assertThrows(
            WorkflowException.class,
            () ->
                TransitionTable.decide(
                    Fixtures.inState(ReviewState.IN_REVIEW),
                    Transition.REQUEST_CHANGES,
                    Fixtures.MORGAN,
                    Fixtures.AUTHORS,
                    Fixtures.PEOPLE,
                    "   "));
    assertTrue(e.getMessage().startsWith("request-changes needs a comment"), e.getMessage());
  }

  @Test
  void aWriterWhoIsAlsoAnAuthorMaySubmitAndWithdraw() {
    var writerAuthor =
        Fixtures.person("morgan-ellis", "Morgan", "Ellis", org.casepress.model.Role.WRITER);
    StatusFile draft = Fixtures.inState(ReviewState.DRAFT);
    assertEquals(
        ReviewState.WITHDRAWN,
        TransitionTable.decide(
            draft,
            Transition.WITHDRAW,
            writerAuthor,
            List.of(writerAuthor),
            Fixtures.PEOPLE,
            "No."));
  }

  @Test
  void nobodyHoldingTheRoleIsSaidSo() {
    WorkflowException e =
        assertThrows(
            WorkflowException.class,
            () ->
                TransitionTable.decide(
                    Fixtures.inState(ReviewState.WITHDRAWN),
                    Transition.RESTORE,
                    Fixtures.MORGAN,
                    Fixtures.AUTHORS,
                    List.of(Fixtures.PRIYA, Fixtures.MORGAN),
                    null));
    assertEquals(
        "Morgan Ellis (morgan-ellis) cannot run restore on 'fernbank-flood-models': only a coordinator may."
            + " Nobody in metadata/people.yaml may do it yet: give someone the role there.",
        e.getMessage());
  }

  @Test
  void withdrawStartsFromEveryUnpublishedState() {
    assertEquals(
        EnumSet.complementOf(EnumSet.of(ReviewState.WITHDRAWN, ReviewState.PUBLISHED)),
        TransitionTable.rule(Transition.WITHDRAW).from());
  }
}
