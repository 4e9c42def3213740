package org.casepress.model;

import java.util.List;
import java.util.Set;

/**
 * A person, from metadata/people.yaml or written inline in a case study's authors list.
 *
 * @param id the people.yaml id, or null for an inline author
 * @param orcid the bare ORCID (0000-0002-1825-0097), or null
 * @param affiliations the organisations the person works for, in the order given
 */
public record Person(
    String id,
    String given,
    String family,
    String orcid,
    List<Organisation> affiliations,
    Set<Role> roles) {

  public Person {
    affiliations = List.copyOf(affiliations);
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** "Given Family", as printed on a title page. */
  public String fullName() {
    return given.isEmpty() ? family : given + " " + family;
  }

  /** "Family, Given", as Zenodo and citations want it. */
  public String invertedName() {
    return given.isEmpty() ? family : family + ", " + given;
  }

  public String orcidUrl() {
    return orcid == null ? null : "https://orcid.org/" + orcid;
  }
}
