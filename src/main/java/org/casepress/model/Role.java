package org.casepress.model;

import java.util.Locale;
import java.util.Optional;

/** What a person may do in the review workflow (see docs/workflow.md). */
public enum Role {
  AUTHOR,
  WRITER,
  COORDINATOR;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String id) {
    for (Role r : values()) {
      if (r.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
