package org.casepress.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How a case study is cited, built from its metadata so that nobody types a citation by hand. The
 * one rule for it: the PDF's "Cite this publication" block, the launch announcement and the BibTeX
 * and CFF files all start from here.
 *
 * @param year the publication year
 * @param version the version number, shown from the second version on
 * @param publisher who publishes the series (the community's publisher), or Zenodo
 * @param doi the version's DOI, or null before one is reserved
 */
public record Citation(
    List<Person> authors,
    int year,
    String title,
    String subtitle,
    String series,
    String publisher,
    int version,
    String doi) {

  public static final String DOI_PENDING = "DOI to be assigned on publication";

  public Citation {
    authors = List.copyOf(authors);
  }

  /** The citation of a case study; {@code series} may be null. */
  public static Citation of(CaseStudy cs, Community series, int year, int version, String doi) {
    String publisher =
        series == null || series.publisher().isBlank() ? "Zenodo" : series.publisher();
    return new Citation(
        cs.authors(),
        year,
        cs.title(),
        cs.subtitle(),
        series == null ? null : series.series(),
        publisher,
        version,
        doi);
  }

  /**
   * In the style of the 2023 Practitioners Hub case studies: "Family, G., Family, G. (2026). Title:
   * Subtitle. Series. Publisher. https://doi.org/10.5281/...", with "(Version N)" after the title
   * from the second version on.
   */
  public String text() {
    StringBuilder s = new StringBuilder();
    s.append(String.join(", ", names()));
    String titled = fullTitle(title, subtitle) + (version > 1 ? " (Version " + version + ")" : "");
    s.append(" (").append(year).append("). ").append(sentence(titled)).append(' ');
    if (series != null && !series.isBlank()) {
      s.append(sentence(series)).append(' ');
    }
    s.append(sentence(publisher == null || publisher.isBlank() ? "Zenodo" : publisher)).append(' ');
    s.append(doi == null ? DOI_PENDING + "." : doiUrl(doi));
    return s.toString();
  }

  /**
   * The authors as the citation opens with them, in order: "Family, G." each. A right-to-left
   * document isolates each one, so that two names in Arabic keep their order among English commas.
   */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Person p : authors) {
      names.add(p.given().isEmpty() ? p.family() : p.family() + ", " + initials(p.given()));
    }
    return names;
  }

  /** "Title: Subtitle", or the title alone. */
  public static String fullTitle(String title, String subtitle) {
    String t = title.strip();
    if (subtitle == null || subtitle.isBlank()) {
      return t;
    }
    return (t.endsWith("?") || t.endsWith("!") || t.endsWith(":") ? t + " " : t + ": ")
        + subtitle.strip();
  }

  /**
   * The keywords of a publication wherever they are stored (deposit, PDF, CITATION.cff): the case
   * study's, then the community's, each once (ignoring case), in that order.
   */
  public static List<String> keywords(List<String> own, List<String> community) {
    Set<String> seen = new HashSet<>();
    List<String> result = new ArrayList<>();
    for (String k : Stream.concat(own.stream(), community.stream()).map(String::strip).toList()) {
      if (!k.isEmpty() && seen.add(k.toLowerCase(Locale.ROOT))) {
        result.add(k);
      }
    }
    return List.copyOf(result);
  }

  /**
   * Every affiliation of a person as one text, for formats with a single affiliation field (the
   * Zenodo deposit, CITATION.cff): "First; Second". Null when there is none.
   */
  public static String affiliation(Person p) {
    return p.affiliations().isEmpty()
        ? null
        : String.join("; ", p.affiliations().stream().map(Organisation::name).toList());
  }

  /** Funding as printed on the title page and in the deposit: "Funder, award X; Other funder". */
  public static String funding(List<Funding> funding) {
    return String.join(
        "; ",
        funding.stream()
            .map(
                f ->
                    f.award() == null || f.award().isBlank()
                        ? f.funder()
                        : f.funder() + ", award " + f.award())
            .toList());
  }

  public static String doiUrl(String doi) {
    return "https://doi.org/" + doi;
  }

  /** "Łukasz" → "Ł.", "Jean-Paul" → "J.-P.", "Mary Ann" → "M. A.". */
  public static String initials(String given) {
    StringBuilder s = new StringBuilder();
    for (String word : given.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
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
    while (end < word.length()
        && Character.getType(word.codePointAt(end)) == Character.NON_SPACING_MARK) {
      end += Character.charCount(word.codePointAt(end));
    }
    return word.substring(0, end);
  }

  /** Ends the text with a full stop unless it already ends with punctuation. */
  private static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
  }
}
