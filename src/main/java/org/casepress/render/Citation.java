package org.casepress.render;

import java.util.List;
import java.util.Map;
import org.casepress.model.CaseStudy;
import org.casepress.model.Community;

/**
 * The "Cite this publication" text, generated from metadata so that nobody types a citation: {@code
 * Family, G., Other, A. B. (2026). Title: Subtitle (Version 1). Series. Publisher. DOI}.
 */
final class Citation {
  static final String DOI_PENDING = org.casepress.model.Citation.DOI_PENDING;

  private static final Map<String, String> LICENCE_NAMES =
      Map.of(
          "CC-BY-4.0", "Creative Commons Attribution 4.0 International (CC BY 4.0)",
          "CC-BY-SA-4.0",
              "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
          "CC-BY-NC-4.0",
              "Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)",
          "CC0-1.0", "Creative Commons Zero 1.0 Universal (CC0 1.0)",
          "MIT", "MIT License",
          "Apache-2.0", "Apache License 2.0");

  private Citation() {}

  static org.casepress.model.Citation of(CaseStudy cs, Community community, Publication pub) {
    return org.casepress.model.Citation.of(
        cs, community, pub.date().getYear(), pub.version(), pub.doi());
  }

  static String doiUrl(String doi) {
    return org.casepress.model.Citation.doiUrl(doi);
  }

  /** The licence's page: its SPDX entry, which names and links the licence text. */
  static String licenceUrl(String spdx) {
    return "https://spdx.org/licenses/" + spdx + ".html";
  }

  /** The keywords printed and stored in the PDF: the same list as the deposit's. */
  static List<String> keywords(CaseStudy cs, Community community) {
    return org.casepress.model.Citation.keywords(
        cs.keywords(), community == null ? List.of() : community.keywords());
  }

  static String licenceName(String spdx) {
    return spdx == null ? "" : LICENCE_NAMES.getOrDefault(spdx, spdx);
  }
}
