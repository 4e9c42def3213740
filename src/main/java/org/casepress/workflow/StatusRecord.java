package org.casepress.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casepress.model.Person;
import org.casepress.model.Role;

/**
 * status.json read as a record of what happened, not only as JSON: every step in its history must
 * be one the {@link TransitionTable} allows from where the case study stood, taken by someone in
 * people.yaml who holds a role that may take it, with the version and the pinned digest following
 * from the steps. A hand edit that skips review ("draft to approved, by someone unknown, version
 * 7") is refused at its first bad entry, so no command acts on it.
 *
 * <p>This is accountability, not authentication: anyone who can commit may write a legal-looking
 * history under another person's name. Git's log says who committed it.
 */
final class StatusRecord {
  /** The step that records a publication on production (ReviewWorkflow#recordPublication). */
  static final String PUBLISH = "publish";

  /** The step that creates a case study (ReviewWorkflow#create). */
  static final String NEW = "new";

  /** A bad entry: its JSON pointer and what is wrong with it. */
  record Flaw(String pointer, String what) {}

  private StatusRecord() {}

  /**
   * The first flaw of {@code status}, or empty when it is a record casepress could have written.
   *
   * @param people everyone in people.yaml by id; empty when people.yaml could not be read, in which
   *     case who took each step is not checked (check reports people.yaml itself)
   */
  static Optional<Flaw> firstFlaw(StatusFile status, Map<String, Person> people) {
    List<HistoryEntry> history = status.history();
    int version = 1;
    String pinned = null;
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry e = history.get(i);
      String at = "/history/" + i;
      String name = "history[" + i + "]";
      ReviewState from = e.from() == null ? ReviewState.DRAFT : e.from();
      Optional<String> illegal =
          illegalStep(e, from, i == 0 ? null : history.get(i - 1), history, i);
      if (illegal.isPresent()) {
        return flaw(at + "/action", name + ": " + illegal.get());
      }
      Optional<String> unauthorised = unauthorised(e, people);
      if (unauthorised.isPresent()) {
        return flaw(at + "/actor", name + ": " + unauthorised.get());
      }
      int expected = e.action().equals(Transition.REOPEN.id()) ? version + 1 : version;
      if (e.version() != expected) {
        return flaw(
            at + "/version",
            name
                + ": version is "
                + e.version()
                + " but must be "
                + expected
                + " (versions start at 1 and only reopen adds one).");
      }
      version = expected;
      if (e.action().equals(Transition.APPROVE.id())) {
        if (e.digest() == null) {
          return flaw(at + "/digest", name + ": an approval must record the digest it approved.");
        }
        pinned = e.digest();
      } else if (e.action().equals(Transition.REOPEN.id())) {
        pinned = null;
      }
    }
    if (status.version() != version) {
      return flaw(
          "/version",
          "version is "
              + status.version()
              + " but the history leads to version "
              + version
              + " (only reopen adds one).");
    }
    if (!java.util.Objects.equals(status.approvedDigest(), pinned)) {
      return flaw(
          "/approved_digest",
          "approved_digest is "
              + (status.approvedDigest() == null ? "null" : "'" + status.approvedDigest() + "'")
              + " but "
              + (pinned == null
                  ? "no approval of this version is in the history"
                  : "the last approval in the history pinned '" + pinned + "'")
              + ".");
    }
    return Optional.empty();
  }

  /** Why {@code e} is not a step the table allows from {@code from}, if it is not. */
  private static Optional<String> illegalStep(
      HistoryEntry e, ReviewState from, HistoryEntry previous, List<HistoryEntry> history, int i) {
    if (e.action().equals(NEW)) {
      return previous == null && e.from() == null && e.to() == ReviewState.DRAFT
          ? Optional.empty()
          : Optional.of("'new' only starts a history, from null to draft.");
    }
    if (e.from() == null) {
      return Optional.of("only the 'new' step that starts a history may come from null.");
    }
    if (e.action().equals(PUBLISH)) {
      return from == ReviewState.APPROVED && e.to() == ReviewState.PUBLISHED
          ? Optional.empty()
          : Optional.of("'publish' leads from approved to published only.");
    }
    Optional<TransitionTable.Rule> rule = Transition.parse(e.action()).map(TransitionTable::rule);
    if (rule.isEmpty()) {
      return Optional.of(
          "'" + e.action() + "' is not a step casepress records (new, a review step, or publish).");
    }
    TransitionTable.Rule r = rule.get();
    if (!r.from().contains(from)) {
      return Optional.of(
          "'" + e.action() + "' cannot be taken from '" + from.id() + "' (the transition table).");
    }
    ReviewState to = r.to() != null ? r.to() : restoredState(history, i);
    if (e.to() != to) {
      return Optional.of(
          "'"
              + e.action()
              + "' from '"
              + from.id()
              + "' leads to '"
              + to.id()
              + "', not to '"
              + e.to().id()
              + "'.");
    }
    if (r.needsComment() && (e.comment() == null || e.comment().isBlank())) {
      return Optional.of("'" + e.action() + "' needs a comment " + r.commentHint() + ".");
    }
    return Optional.empty();
  }

  /** Restore returns to where the withdrawal before it started. */
  private static ReviewState restoredState(List<HistoryEntry> history, int i) {
    HistoryEntry withdrawal = history.get(i - 1);
    return withdrawal.from() == null ? ReviewState.DRAFT : withdrawal.from();
  }

  /** Why the actor of {@code e} may not have taken it, if they may not. */
  private static Optional<String> unauthorised(HistoryEntry e, Map<String, Person> people) {
    if (people.isEmpty()) {
      return Optional.empty();
    }
    Person actor = people.get(e.actor());
    if (actor == null) {
      return Optional.of("'" + e.actor() + "' took this step but is not in metadata/people.yaml.");
    }
    if (e.action().equals(NEW)) {
      return Optional.empty();
    }
    List<Role> may = mayTake(e.action());
    if (may.stream().anyMatch(actor::has)) {
      return Optional.empty();
    }
    return Optional.of(
        actor.fullName()
            + " ("
            + actor.id()
            + ") took '"
            + e.action()
            + "' but holds none of the roles that may: "
            + String.join(", ", may.stream().map(Role::id).toList())
            + " (metadata/people.yaml).");
  }

  /**
   * The people.yaml roles that may take a step. "An author of it" is read as the author role: the
   * author list of the time is not recorded, and it may have changed since.
   */
  private static List<Role> mayTake(String action) {
    if (action.equals(PUBLISH)) {
      return List.of(Role.COORDINATOR);
    }
    TransitionTable.Rule rule = TransitionTable.rule(Transition.parse(action).orElseThrow());
    return rule.by().stream()
        .map(
            p ->
                switch (p) {
                  case AUTHOR_OF_IT -> Role.AUTHOR;
                  case WRITER -> Role.WRITER;
                  case COORDINATOR -> Role.COORDINATOR;
                })
        .toList();
  }

  private static Optional<Flaw> flaw(String pointer, String what) {
    return Optional.of(new Flaw(pointer, what));
  }
}
