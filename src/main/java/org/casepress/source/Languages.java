package org.casepress.source;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;

/** ISO 639 language codes, from the JDK's own tables rather than a list of ours. */
public final class Languages {
  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

  private Languages() {}

  public static boolean isIso6391(String code) {
    return ISO_639_1.contains(code);
  }

  /**
   * The code the author probably meant by a wrong one: the same code in lower case ("EN"), or the
   * code of a language named in English ("english", "Welsh").
   */
  public static Optional<String> likelyCode(String typed) {
    String t = typed.strip().toLowerCase(Locale.ROOT);
    if (ISO_639_1.contains(t)) {
      return Optional.of(t);
    }
    return ISO_639_1.stream()
        .filter(code -> englishName(code).equalsIgnoreCase(t))
        .sorted()
        .findFirst();
  }

  /** The three-letter code Zenodo stores (ISO 639-2/T, which is ISO 639-3 for single languages). */
  public static Optional<String> toIso6393(String iso6391) {
    try {
      String three = Locale.forLanguageTag(iso6391).getISO3Language();
      return three.isEmpty() ? Optional.empty() : Optional.of(three);
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }

  /** The language's English name, for messages and the PDF. */
  public static String englishName(String iso6391) {
    return Locale.forLanguageTag(iso6391).getDisplayLanguage(Locale.ENGLISH);
  }
}
