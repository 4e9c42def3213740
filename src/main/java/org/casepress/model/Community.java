package org.casepress.model;

import java.util.List;

/**
 * Community-wide defaults from metadata/community.yaml.
 *
 * @param community the Zenodo community identifier (slug)
 * @param series the name of the case study series, printed in footers and sent to Zenodo
 * @param licence the default SPDX licence id
 * @param editors people credited as editors of every case study
 */
public record Community(
    String community,
    String series,
    String publisher,
    String licence,
    String uploadType,
    String publicationType,
    List<String> keywords,
    List<Person> editors,
    List<Grant> grants) {

  public Community {
    keywords = List.copyOf(keywords);
    editors = List.copyOf(editors);
    grants = List.copyOf(grants);
  }

  /** A grant in Zenodo's form: funder DOI (10.13039/...) and award number. */
  public record Grant(String funderDoi, String award) {}
}
