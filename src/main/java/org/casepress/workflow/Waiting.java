package org.casepress.workflow;

import java.util.Collection;
import java.util.List;
import org.casepress.model.Person;
import org.casepress.model.Role;

/**
 * Whom a case study waits for, and to do what: the next step of its review, and the people who may
 * take it (by name, so that a table can say "R. Pryce" rather than "a writer").
 *
 * @param party who, as a role: "its authors", "a writer", "a coordinator", or "nobody"
 * @param people the people who may take the step (authors in their order, others by id)
 * @param toDo what they are to do, e.g. "approve or request changes"
 */
public record Waiting(String party, List<Person> people, String toDo) {

  public Waiting {
    people = List.copyOf(people);
  }

  /**
   * Whom {@code status} waits for.
   *
   * @param changedSince approved, but its files changed since
   * @param authors the case study's authors
   * @param everyone everyone in people.yaml
   */
  public static Waiting of(
      StatusFile status, boolean changedSince, List<Person> authors, Collection<Person> everyone) {
    return switch (status.state()) {
      case DRAFT -> new Waiting("its authors", authors, "finish and submit it");
      case CHANGES_REQUESTED -> new Waiting("its authors", authors, "make the changes and submit");
      case SUBMITTED -> reviewers(Role.WRITER, authors, everyone, "start the review");
      case IN_REVIEW -> reviewers(Role.WRITER, authors, everyone, "approve or request changes");
      case APPROVED ->
          changedSince
              ? reviewers(Role.WRITER, authors, everyone, "approve the changes again")
              : reviewers(Role.COORDINATOR, List.of(), everyone, "stage and release it");
      case WITHDRAWN -> reviewers(Role.COORDINATOR, List.of(), everyone, "restore it, if wanted");
      case PUBLISHED -> new Waiting("nobody", List.of(), "published; reopen starts a new version");
    };
  }

  /** People with {@code role}, leaving out the authors: nobody reviews their own case study. */
  private static Waiting reviewers(
      Role role, List<Person> authors, Collection<Person> everyone, String toDo) {
    List<Person> people =
        everyone.stream()
            .filter(p -> p.has(role))
            .filter(p -> authors.stream().noneMatch(a -> a.id() != null && a.id().equals(p.id())))
            .sorted(java.util.Comparator.comparing(Person::id))
            .toList();
    return new Waiting("a " + role.id(), people, toDo);
  }

  /** "R. Pryce, T. Marchetti" or the party when nobody is named. */
  public String names() {
    if (people.isEmpty()) {
      return party;
    }
    return String.join(", ", people.stream().map(p -> initial(p.given()) + p.family()).toList());
  }

  private static String initial(String given) {
    return given == null || given.isBlank() ? "" : given.strip().substring(0, 1) + ". ";
  }
}
