package org.casepress.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body that starts with a {@code # Title} line, as Turing Way pages, Practitioners Hub case
 * studies and most Markdown written elsewhere do.
 *
 * @param text the heading's text
 * @param line the 0-based body line it is on
 */
record TitleHeading(String text, int line) {
  /** MyST targets may stand before the title, naming it: {@code (intro)=}. */
  private static final Pattern TARGET = Pattern.compile("^\\s*\\([^()\\s]+\\)=\\s*$");

  private static final Pattern ATX_ONE =
      Pattern.compile("^ {0,3}#[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");

  /** The leading level-1 heading of a body: its first line other than blanks and targets. */
  static Optional<TitleHeading> of(String body) {
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank() || TARGET.matcher(lines[i]).matches()) {
        continue;
      }
      Matcher m = ATX_ONE.matcher(lines[i]);
      return m.matches() && !m.group(1).isBlank()
          ? Optional.of(new TitleHeading(m.group(1).strip(), i))
          : Optional.empty();
    }
    return Optional.empty();
  }

  /** The body with the heading's line left empty, so that every other line keeps its number. */
  String removeFrom(String body) {
    String[] lines = body.split("\n", -1);
    lines[line] = "";
    return String.join("\n", lines);
  }

  /** Whether a title says the same: the same words, whatever the emphasis, case and spacing. */
  boolean repeats(String title) {
    return plain(text).equalsIgnoreCase(plain(title));
  }

  private static String plain(String s) {
    return s.replaceAll("[*_`]", "").replaceAll("\\s+", " ").replaceAll("[.\\s]+$", "").strip();
  }
}
