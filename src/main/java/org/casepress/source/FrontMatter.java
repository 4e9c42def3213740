package org.casepress.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The front matter keys of case-study.md, as authors write them (README.md, "Writing a case
 * study"). Authors are ids or inline people, so they stay as YAML nodes until resolved.
 */
record FrontMatter(
    @Required("the case study's title, e.g. title: \"How we opened our flood models\"")
        String title,
    String subtitle,
    @Required(
            "the authors in order, one person id from metadata/people.yaml per line, e.g. '  - priya-nandakumar'")
        List<JsonNode> authors,
    String organisation,
    @Required(
            "a short abstract (plain text or Markdown), e.g. 'description: >' followed by indented text")
        String description,
    List<String> keywords,
    String licence,
    String language,
    List<Related> related,
    List<FundingLine> funding) {

  /** Keys the tool owns; an author who writes them is told why not. */
  static final Map<String, String> OWNED_KEYS =
      Map.of(
          "version",
              "Remove 'version': casepress numbers versions itself when a case study is reopened.",
          "doi",
              "Remove 'doi': Zenodo reserves the DOI when the case study is staged, and casepress prints it.",
          "date", "Remove 'date': the publication date is set when the case study is published.",
          "publication_date",
              "Remove 'publication_date': it is set when the case study is published.",
          "citation",
              "Remove 'citation': casepress writes the citation from the authors, title and DOI.",
          "license", "Write 'licence' (British spelling) instead of 'license'.");

  record Related(
      @Required("the identifier, e.g. a URL or DOI") String identifier,
      @Required("the relation, e.g. isSupplementedBy or references") String relation) {}

  record FundingLine(@Required("the funder's name") String funder, String award) {}

  /** An author written out in full instead of as a people.yaml id. */
  record InlineAuthor(
      String given,
      @Required("the family name") String family,
      String orcid,
      List<String> affiliations) {}
}
