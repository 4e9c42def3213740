package org.casepress.model;

import java.util.Comparator;

/**
 * One thing wrong with the workspace, located as precisely as we know it.
 *
 * @param file the file, relative to the workspace root with forward slashes
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param field the key path inside the file (for example {@code authors[1].orcid}), or "" when none
 * @param message what is wrong and what to do about it, in one or two sentences
 */
public record Problem(
    String file, int line, int column, String field, Severity severity, String message) {

  public static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column)
          .thenComparing(Problem::field)
          .thenComparing(Problem::message);

  public static Problem error(Location at, String field, String message) {
    return new Problem(at.file(), at.line(), at.column(), field, Severity.ERROR, message);
  }

  public static Problem warning(Location at, String field, String message) {
    return new Problem(at.file(), at.line(), at.column(), field, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column}, leaving out what is unknown. */
  public String where() {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    return s.toString();
  }
}
