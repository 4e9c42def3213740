package org.casepress.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a case study is cited, built from its metadata so that nobody types a citation by hand.
 * One place for the rule, used on the PDF's "Cite this publication" block and in the launch
 * announcement.
 *
 * @param year the publication year
 * @param version the version number, shown from the second version on
 * @param doi the version's DOI, or null before one is reserved
 */
public record Citation(
    List<Person> authors, int year, String title, String series, int version, String doi) {

  public Citation {
    authors = List.copyOf(authors);
  }

  /**
   * The citation in the style of the 2023 Practitioners Hub case studies (APA-like): "Family,
   * G., Family, G., & Family, G. (2026). Title. Series. Zenodo. https://doi.org/10.5281/...".
   */
  public String text() {
    StringBuilder s = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (Person p : authors) {
      names.add(p.given().isEmpty() ? p.family() : p.family() + ", " + initials(p.given()));
    }
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        s.append(i == names.size() - 1 ? ", & " : ", ");
      }
      s.append(names.get(i));
    }
    String titled = version > 1 ? title + " (Version " + version + ")" : title;
    s.append(" (").append(year).append("). ").append(titled);
    s.append(endsWithPunctuation(titled) ? " " : ". ");
    if (series != null && !series.isBlank()) {
      s.append(series).append(". ");
    }
    s.append("Zenodo.");
    s.append(doi == null ? " DOI to be assigned on publication." : " " + doiUrl(doi));
    return s.toString();
  }

  public static String doiUrl(String doi) {
    return "https://doi.org/" + doi;
  }

  /** "Łukasz" → "Ł.", "Jean-Paul" → "J.-P.", "Mary Ann" → "M. A.". */
  static String initials(String given) {
    StringBuilder s = new StringBuilder();
    for (String word : given.strip().split("\\s+")) {
      if (s.length() > 0) {
        s.append(' ');
      }
      String[] parts = word.split("-");
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].isEmpty()) {
          continue;
        }
        if (i > 0) {
          s.append('-');
        }
        s.append(firstLetter(parts[i])).append('.');
      }
    }
    return s.toString();
  }

  /** The first letter with any combining accents that follow it (decomposed "Á" is two chars). */
  private static String firstLetter(String word) {
    int end = Character.charCount(word.codePointAt(0));
    while (end < word.length() && Character.getType(word.codePointAt(end)) == Character.NON_SPACING_MARK) {
      end += Character.charCount(word.codePointAt(end));
    }
    return word.substring(0, end);
  }

  private static boolean endsWithPunctuation(String title) {
    return title.endsWith("?") || title.endsWith("!") || title.endsWith(".");
  }
}
