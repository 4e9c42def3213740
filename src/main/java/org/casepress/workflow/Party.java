package org.casepress.workflow;

import org.casepress.model.Person;
import org.casepress.model.Role;

/**
 * Who may take a transition: a role from people.yaml, or being a listed author of the case study.
 */
public enum Party {
  AUTHOR_OF_IT("an author of it"),
  WRITER("writer"),
  COORDINATOR("coordinator");

  private final String label;

  Party(String label) {
    this.label = label;
  }

  /** As the transition table in docs/workflow.md writes it: "an author of it", "writer". */
  public String label() {
    return label;
  }

  /** "its authors", "a writer", "a coordinator", for sentences. */
  String withArticle() {
    return this == AUTHOR_OF_IT ? "its authors" : "a " + label;
  }

  boolean includes(Person person, boolean isAuthorOfIt) {
    return switch (this) {
      case AUTHOR_OF_IT -> isAuthorOfIt;
      case WRITER -> person.has(Role.WRITER);
      case COORDINATOR -> person.has(Role.COORDINATOR);
    };
  }
}
