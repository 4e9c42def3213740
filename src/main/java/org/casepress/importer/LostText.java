package org.casepress.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The proof that an import dropped no text silently: every word of the draft must appear in the new
 * case study or in a note about it, as often as the draft has it.
 */
final class LostText {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final int SHOWN = 25;

  private LostText() {}

  /** A note listing the draft's words that are nowhere in {@code result}, or null if none are. */
  static Note check(String source, String draft, String result) {
    Map<String, Integer> left = count(result);
    List<String> missing = new ArrayList<>();
    Matcher m = WORD.matcher(draft);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      Integer n = left.get(w);
      if (n == null || n == 0) {
        if (!missing.contains(w)) {
          missing.add(w);
        }
      } else {
        left.put(w, n - 1);
      }
    }
    if (missing.isEmpty()) {
      return null;
    }
    return Note.notImported(
        source,
        "some of the draft's text did not come through; compare the two and copy what is missing."
            + " Words to look for: "
            + String.join(", ", missing.subList(0, Math.min(SHOWN, missing.size())))
            + (missing.size() > SHOWN ? " and " + (missing.size() - SHOWN) + " more." : "."));
  }

  private static Map<String, Integer> count(String text) {
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    return counts;
  }
}
