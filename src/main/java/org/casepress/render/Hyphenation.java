package org.casepress.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the words of one language may be hyphenated: Liang's algorithm (F. M. Liang, "Word
 * Hy-phen-a-tion by Com-put-er", Stanford 1983; the TeXbook, appendix H) over the patterns of a
 * {@link HyphenationPatterns} file, with its exceptions and its least letters before and after a
 * break. Immutable; one per language and process, read the first time a document in that language
 * is typeset.
 *
 * <p>Written here rather than taken from a library: Liang's matcher is a few dozen lines, and the
 * implementations that read these files are iText's layout module (AGPL) and Apache FOP's fop-core,
 * which brings PDFBox 2's fontbox, at odds with our PDFBox 3.
 */
final class Hyphenation {
  /**
   * The pattern files of com.itextpdf:hyph that casepress uses, by language: those whose headers
   * grant redistribution (docs/render.md#hyphenation-and-justification lists each licence). Other
   * languages are set without hyphenation, ragged right.
   */
  private static final Map<String, String> FILES =
      Map.ofEntries(
          Map.entry("en", "en_GB"),
          Map.entry("en-gb", "en_GB"),
          Map.entry("en-us", "en_US"),
          Map.entry("cy", "cy"),
          Map.entry("da", "da"),
          Map.entry("de", "de"),
          Map.entry("fi", "fi"),
          Map.entry("pl", "pl"),
          Map.entry("pt", "pt"),
          Map.entry("tr", "tr"));

  private static final String FOLDER = "/com/itextpdf/hyph/";

  /**
   * The jar's files do not change while the process runs: each is parsed once, when first asked
   * for, on a thread of the common pool ({@link #prefetch}).
   */
  private static final Map<String, CompletableFuture<Hyphenation>> LOADED =
      new ConcurrentHashMap<>();

  private final HyphenationPatterns patterns;

  Hyphenation(HyphenationPatterns patterns) {
    this.patterns = patterns;
  }

  /**
   * The hyphenation of a language given as a BCP 47 tag ("en", "en-GB", "de"), or empty when
   * casepress has no patterns for it: such a document is simply not hyphenated.
   */
  static Optional<Hyphenation> of(String language) {
    CompletableFuture<Hyphenation> loading = prefetch(language);
    if (loading == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(loading.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * Starts reading a language's patterns in the background, if it has any and they are not read
   * yet, so that a cold render parses them (a few hundred milliseconds in a fresh JVM, StAX's
   * classes included) while it turns the Markdown into HTML, not after.
   */
  static CompletableFuture<Hyphenation> prefetch(String language) {
    String file = fileFor(language);
    return file == null
        ? null
        : LOADED.computeIfAbsent(
            file,
            f ->
                CompletableFuture.supplyAsync(
                    () -> new Hyphenation(HyphenationPatterns.read(FOLDER + f + ".xml"))));
  }

  /** The pattern file for a tag: the language with its region, else the language alone. */
  static String fileFor(String language) {
    if (language == null || language.isBlank()) {
      return null;
    }
    String tag = language.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    String[] parts = tag.split("-");
    if (parts.length > 1 && FILES.containsKey(parts[0] + "-" + parts[1])) {
      return FILES.get(parts[0] + "-" + parts[1]);
    }
    return FILES.get(parts[0]);
  }

  /**
   * The offsets inside {@code word} before which it may break (1 is after its first letter), in
   * increasing order; none when the word has a character the patterns do not know.
   */
  int[] points(String word) {
    char[] letters = patterns.normalise(word);
    if (letters == null) {
      return new int[0];
    }
    int[] points = patterns.exception(new String(letters));
    if (points == null) {
      points = matched(letters);
    }
    int n = letters.length;
    int kept = 0;
    for (int p : points) {
      if (p >= patterns.leftMin() && n - p >= patterns.rightMin()) {
        points[kept++] = p;
      }
    }
    return kept == points.length ? points : Arrays.copyOf(points, kept);
  }

  /** The word with {@code mark} at every point where it may break. */
  String insert(String word, char mark) {
    int[] points = points(word);
    if (points.length == 0) {
      return word;
    }
    StringBuilder out = new StringBuilder(word.length() + points.length);
    int at = 0;
    for (int p : points) {
      out.append(word, at, p).append(mark);
      at = p;
    }
    return out.append(word, at, word.length()).toString();
  }

  /**
   * Liang's rule: every pattern found in the word between dots sets the values between its letters,
   * the highest value wins, and an odd value allows a break.
   */
  private int[] matched(char[] letters) {
    char[] dotted = new char[letters.length + 2];
    dotted[0] = '.';
    System.arraycopy(letters, 0, dotted, 1, letters.length);
    dotted[dotted.length - 1] = '.';
    // values[i]: between dotted[i - 1] and dotted[i]
    byte[] values = new byte[dotted.length + 1];
    for (int start = 0; start < dotted.length; start++) {
      patterns.matchFrom(dotted, start, values);
    }
    int[] points = new int[letters.length];
    int count = 0;
    for (int p = 1; p < letters.length; p++) {
      // a break before letters[p] is between dotted[p] and dotted[p + 1]
      if ((values[p + 1] & 1) == 1) {
        points[count++] = p;
      }
    }
    return Arrays.copyOf(points, count);
  }
}
