package org.casepress.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casepress.model.CaseStudy;
import org.casepress.model.Community;
import org.casepress.model.Person;

/**
 * The "Cite this publication" text, generated from metadata so that nobody types a citation:
 * {@code Family, G., Other, A. B. (2026). Title: Subtitle (Version 1). Series. Publisher. DOI}.
 */
final class Citation {
  static final String DOI_PENDING = "DOI to be assigned on publication";

  private static final Map<String, String> LICENCE_NAMES =
      Map.of(
          "CC-BY-4.0", "Creative Commons Attribution 4.0 International (CC BY 4.0)",
          "CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
          "CC-BY-NC-4.0", "Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)",
          "CC0-1.0", "Creative Commons Zero 1.0 Universal (CC0 1.0)",
          "MIT", "MIT License",
          "Apache-2.0", "Apache License 2.0");

  private Citation() {}

  static String text(CaseStudy cs, Community community, Publication pub) {
    List<String> authors = new ArrayList<>();
    for (Person p : cs.authors()) {
      String initials = initials(p.given());
      authors.add(initials.isEmpty() ? p.family() : p.family() + ", " + initials);
    }
    StringBuilder s = new StringBuilder();
    s.append(String.join(", ", authors));
    s.append(" (").append(pub.date().getYear()).append("). ");
    s.append(fullTitle(cs));
    s.append(" (Version ").append(pub.version()).append("). ");
    if (community != null && community.series() != null && !community.series().isBlank()) {
      s.append(sentence(community.series())).append(' ');
    }
    String publisher = community == null || community.publisher() == null || community.publisher().isBlank() ? "Zenodo" : community.publisher();
    s.append(sentence(publisher)).append(' ');
    s.append(pub.doi() == null ? DOI_PENDING + "." : doiUrl(pub.doi()));
    return s.toString();
  }

  static String fullTitle(CaseStudy cs) {
    String title = cs.title().strip();
    if (cs.subtitle() == null || cs.subtitle().isBlank()) {
      return title;
    }
    return (title.endsWith("?") || title.endsWith("!") || title.endsWith(":") ? title + " " : title + ": ") + cs.subtitle().strip();
  }

  static String doiUrl(String doi) {
    return "https://doi.org/" + doi;
  }

  static String licenceName(String spdx) {
    return spdx == null ? "" : LICENCE_NAMES.getOrDefault(spdx, spdx);
  }

  /** "Dan S." gives "D. S.", "Mary-Jane" gives "M.-J.". */
  static String initials(String given) {
    if (given == null || given.isBlank()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (String word : given.strip().split("\\s+")) {
      List<String> pieces = new ArrayList<>();
      for (String piece : word.split("-")) {
        if (!piece.isEmpty()) {
          pieces.add(new String(Character.toChars(piece.codePointAt(0))) + ".");
        }
      }
      if (!pieces.isEmpty()) {
        parts.add(String.join("-", pieces));
      }
    }
    return String.join(" ", parts);
  }

  private static String sentence(String s) {
    String t = s.strip();
    return t.endsWith(".") ? t : t + ".";
  }
}
