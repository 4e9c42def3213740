package org.casepress.source;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casepress.model.Location;
import org.casepress.model.Problem;

/**
 * Word processors turn the quotes around a YAML value into curly ones ({@code title: “Floods: a
 * study”}), which YAML does not read as quotes: the value keeps them, and a colon inside it becomes
 * a syntax error. Such values are read as if typed with straight quotes, with a warning.
 */
final class SmartQuotes {
  /** A key (or list dash) followed by a value wholly inside curly double or single quotes. */
  private static final Pattern QUOTED =
      Pattern.compile("^(\\s*(?:-\\s+)?(?:[A-Za-z_][\\w-]*\\s*:\\s+)?)([“”„‘’‚])(.*)([“”‘’])\\s*$");

  private SmartQuotes() {}

  /** The front matter with curly-quoted values requoted; one warning per line changed. */
  static String normalise(String yaml, String file, int firstLine, List<Problem> problems) {
    if (yaml.chars().noneMatch(c -> "“”„‘’‚".indexOf(c) >= 0)) {
      return yaml;
    }
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = QUOTED.matcher(lines[i]);
      if (!m.matches() || lines[i].strip().startsWith("#")) {
        continue;
      }
      boolean dbl = "“”„".indexOf(m.group(2).charAt(0)) >= 0;
      String value = m.group(3);
      String requoted =
          dbl
              ? "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
              : "'" + value.replace("'", "''") + "'";
      lines[i] = m.group(1) + requoted;
      String key = m.group(1).strip();
      problems.add(
          Problem.warning(
              new Location(file, firstLine + i, m.start(2) + 1),
              key.endsWith(":") ? key.substring(0, key.length() - 1).strip() : "",
              "This value is in curly quotes ("
                  + m.group(2)
                  + "…"
                  + m.group(4)
                  + "), as word processors type them; it is read as if in straight quotes ("
                  + (dbl ? "\"…\"" : "'…'")
                  + "). Type straight quotes to silence this warning."));
    }
    return String.join("\n", lines);
  }
}
