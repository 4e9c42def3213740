package org.casepress.model;

import java.util.Optional;

/**
 * An organisation from metadata/organisations.yaml.
 *
 * @param ror the bare 9-character ROR id (no https://ror.org/ prefix), or null
 */
public record Organisation(String id, String name, String ror) {

  public Optional<String> rorUrl() {
    return ror == null ? Optional.empty() : Optional.of("https://ror.org/" + ror);
  }
}
