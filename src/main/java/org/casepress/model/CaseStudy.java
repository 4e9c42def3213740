package org.casepress.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A case study as loaded from case-studies/SLUG/case-study.md, with ids resolved.
 *
 * @param folder the case study's folder (absolute)
 * @param source the Markdown file, relative to the workspace root with forward slashes
 * @param organisation the partner organisation, or null
 * @param licence the SPDX id, the community default when the front matter names none
 * @param language ISO 639-1 code
 * @param body the Markdown after the front matter, line endings normalised to \n
 * @param bodyLine the line of case-study.md on which the body starts (1-based)
 */
public record CaseStudy(
    String slug,
    Path folder,
    String source,
    String title,
    String subtitle,
    List<Person> authors,
    Organisation organisation,
    String description,
    List<String> keywords,
    String licence,
    String language,
    List<RelatedIdentifier> related,
    List<Funding> funding,
    String body,
    int bodyLine) {

  public CaseStudy {
    authors = List.copyOf(authors);
    keywords = List.copyOf(keywords);
    related = List.copyOf(related);
    funding = List.copyOf(funding);
  }

  public boolean isAuthor(Person person) {
    return person.id() != null && authors.stream().anyMatch(a -> person.id().equals(a.id()));
  }
}
