package org.casepress.workflow;

import static org.casepress.workflow.Party.AUTHOR_OF_IT;
import static org.casepress.workflow.Party.COORDINATOR;
import static org.casepress.workflow.Party.WRITER;
import static org.casepress.workflow.ReviewState.APPROVED;
import static org.casepress.workflow.ReviewState.CHANGES_REQUESTED;
import static org.casepress.workflow.ReviewState.DRAFT;
import static org.casepress.workflow.ReviewState.IN_REVIEW;
import static org.casepress.workflow.ReviewState.PUBLISHED;
import static org.casepress.workflow.ReviewState.SUBMITTED;
import static org.casepress.workflow.ReviewState.WITHDRAWN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.casepress.model.Person;

/**
 * The review workflow as one table (docs/workflow.md#transitions): every transition, the states it
 * starts from, who may take it and what it requires. Everything else in this package asks this
 * table; docs/workflow.md is checked against it by a test.
 */
public final class TransitionTable {

  /**
   * One row of the table.
   *
   * @param to the state it leads to, or null for restore, which returns a case study to the state
   *     it was withdrawn from
   * @param needsCheck whether {@code check} must pass for the case study first
   * @param commentHint null when no comment is needed, else what the comment should say
   */
  public record Rule(
      Transition transition,
      Set<ReviewState> from,
      ReviewState to,
      List<Party> by,
      boolean needsCheck,
      String commentHint,
      boolean pinsDigest,
      boolean startsNextVersion) {

    public Rule {
      from = Set.copyOf(from);
      by = List.copyOf(by);
    }

    public boolean needsComment() {
      return commentHint != null;
    }

    /** The parties as the table writes them: "an author of it, coordinator". */
    public String byLabel() {
      return by.stream().map(Party::label).collect(Collectors.joining(", "));
    }

    /** The requirements as the table writes them, or "" when there are none. */
    public String requiresLabel() {
      List<String> parts = new ArrayList<>();
      if (needsCheck) {
        parts.add("`check` passes");
      }
      if (needsComment()) {
        parts.add("a comment");
      }
      if (transition == Transition.APPROVE) {
        parts.add("not by an author of it");
      }
      if (pinsDigest) {
        parts.add("pins the content digest");
      }
      if (startsNextVersion) {
        parts.add("starts the next version as draft");
      }
      return String.join("; ", parts);
    }

    ReviewState target(StatusFile current) {
      if (to != null) {
        return to;
      }
      // Chain validation guarantees the last entry of a withdrawn case study is the withdrawal.
      return current
          .lastChange()
          .filter(e -> e.to() == WITHDRAWN)
          .map(HistoryEntry::from)
          .filter(Objects::nonNull)
          .orElse(DRAFT);
    }
  }

  /** "any unpublished" state a case study can be withdrawn from. */
  private static final Set<ReviewState> UNPUBLISHED =
      EnumSet.of(DRAFT, SUBMITTED, IN_REVIEW, CHANGES_REQUESTED, APPROVED);

  public static final List<Rule> RULES =
      List.of(
          new Rule(
              Transition.SUBMIT,
              EnumSet.of(DRAFT, CHANGES_REQUESTED),
              SUBMITTED,
              List.of(AUTHOR_OF_IT, WRITER),
              true,
              null,
              false,
              false),
          new Rule(
              Transition.START_REVIEW,
              EnumSet.of(SUBMITTED),
              IN_REVIEW,
              List.of(WRITER),
              false,
              null,
              false,
              false),
          new Rule(
              Transition.REQUEST_CHANGES,
              EnumSet.of(IN_REVIEW),
              CHANGES_REQUESTED,
              List.of(WRITER),
              false,
              "for the authors saying what to change",
              false,
              false),
          // From approved too: after a change since approval, approving again pins the new digest
          // (docs/workflow.md: a change after approval must be approved again before staging).
          // ReviewWorkflow refuses it when
          // nothing changed.
          new Rule(
              Transition.APPROVE,
              EnumSet.of(IN_REVIEW, APPROVED),
              APPROVED,
              List.of(WRITER, COORDINATOR),
              true,
              null,
              true,
              false),
          new Rule(
              Transition.WITHDRAW,
              UNPUBLISHED,
              WITHDRAWN,
              List.of(AUTHOR_OF_IT, COORDINATOR),
              false,
              "saying why",
              false,
              false),
          new Rule(
              Transition.RESTORE,
              EnumSet.of(WITHDRAWN),
              null,
              List.of(COORDINATOR),
              false,
              null,
              false,
              false),
          new Rule(
              Transition.REOPEN,
              EnumSet.of(PUBLISHED),
              DRAFT,
              List.of(WRITER, COORDINATOR),
              false,
              null,
              false,
              true));

  private TransitionTable() {}

  public static Rule rule(Transition transition) {
    return RULES.stream().filter(r -> r.transition() == transition).findFirst().orElseThrow();
  }

  /** The transitions that start from {@code state}, in table order. */
  public static List<Rule> from(ReviewState state) {
    return RULES.stream().filter(r -> r.from().contains(state)).toList();
  }

  /**
   * Decides whether {@code actor} may take {@code transition} now, and where it leads.
   *
   * @param authorsOfIt the case study's listed authors
   * @param people everyone in people.yaml, to name who may take the step instead
   * @return the state the case study would be in afterwards
   * @throws WorkflowException naming the current state, the next steps and who may take them, or
   *     the people who may take this step, or the missing comment
   */
  static ReviewState decide(
      StatusFile current,
      Transition transition,
      Person actor,
      List<Person> authorsOfIt,
      Collection<Person> people,
      String comment) {
    Rule rule = rule(transition);
    if (!rule.from().contains(current.state())) {
      throw new WorkflowException(
          "'"
              + current.slug()
              + "' cannot be "
              + transition.pastParticiple()
              + " now: it is "
              + current.state().phrase()
              + (current.state().phrase().contains(current.state().id())
                  ? ""
                  : " (" + current.state().id() + ")")
              + ". From here: "
              + from(current.state()).stream()
                  .map(
                      r ->
                          r.transition().id()
                              + (r.to() == current.state() ? " again after a change" : "")
                              + " ("
                              + r.byLabel()
                              + ")")
                  .collect(Collectors.joining(", "))
              + ".");
    }
    boolean isAuthorOfIt =
        authorsOfIt.stream().anyMatch(a -> a.id() != null && a.id().equals(actor.id()));
    if (rule.by().stream().noneMatch(p -> p.includes(actor, isAuthorOfIt))) {
      throw new WorkflowException(
          actor.fullName()
              + " ("
              + actor.id()
              + ") cannot run "
              + transition.id()
              + " on '"
              + current.slug()
              + "': only "
              + or(rule.by().stream().map(Party::withArticle).toList())
              + " may. "
              + whoMay(rule, authorsOfIt, people));
    }
    if (transition == Transition.APPROVE && isAuthorOfIt) {
      // Approval is the second pair of eyes: whoever wrote a case study cannot be them.
      List<Person> others =
          people.stream()
              .filter(p -> rule.by().stream().anyMatch(party -> party.includes(p, false)))
              .filter(p -> authorsOfIt.stream().noneMatch(a -> p.id().equals(a.id())))
              .sorted(Comparator.comparing(Person::id))
              .toList();
      throw new WorkflowException(
          actor.fullName()
              + " ("
              + actor.id()
              + ") is an author of '"
              + current.slug()
              + "' and so cannot approve it: a case study is approved by a writer or coordinator"
              + " who did not write it. "
              + (others.isEmpty()
                  ? "Nobody else in metadata/people.yaml may: give another person the writer role there."
                  : "Ask "
                      + or(others.stream().map(p -> p.fullName() + " (" + p.id() + ")").toList())
                      + "."));
    }
    if (rule.needsComment() && (comment == null || comment.isBlank())) {
      throw new WorkflowException(
          transition.id() + " needs a comment " + rule.commentHint() + ": add --comment \"...\".");
    }
    return rule.target(current);
  }

  private static String whoMay(Rule rule, List<Person> authorsOfIt, Collection<Person> people) {
    List<Person> may =
        people.stream()
            .filter(
                p ->
                    rule.by().stream()
                        .anyMatch(
                            party ->
                                party.includes(
                                    p,
                                    authorsOfIt.stream()
                                        .anyMatch(a -> a.id() != null && a.id().equals(p.id())))))
            .sorted(Comparator.comparing(Person::id))
            .toList();
    if (may.isEmpty()) {
      return "Nobody in metadata/people.yaml may do it yet: give someone the role there.";
    }
    return "Ask " + or(may.stream().map(p -> p.fullName() + " (" + p.id() + ")").toList()) + ".";
  }

  /** "a", "a or b", "a, b or c". */
  private static String or(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " or "
        + items.get(items.size() - 1);
  }
}
