package org.casepress.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.casepress.model.Location;
import org.casepress.model.Problem;

/**
 * What one render noticed, located in the case study's Markdown file. Lines are lines of that file:
 * a body line (0-based, as flexmark counts) plus the line the body starts on.
 */
final class Findings {
  private final String file;
  private final int bodyLine;
  private final RenderMode mode;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  Findings(String file, int bodyLine, RenderMode mode) {
    this.file = file;
    this.bodyLine = bodyLine;
    this.mode = mode;
  }

  RenderMode mode() {
    return mode;
  }

  /** The file line of a 0-based body line; a negative body line means "somewhere in the file". */
  Location at(int bodyLine0) {
    return bodyLine0 < 0 ? Location.of(file) : Location.of(file).atLine(this.bodyLine + bodyLine0);
  }

  /** Something the PDF shows differently than the author may expect; never blocks a render. */
  void warn(int bodyLine0, String message) {
    add(Problem.warning(at(bodyLine0), "", message));
  }

  /** Like {@link #warn}, but reported once per {@code construct} in the whole document. */
  void warnOnce(String construct, int bodyLine0, String message) {
    if (seen.add(construct)) {
      warn(bodyLine0, message);
    }
  }

  /**
   * Something missing from the PDF: a warning in a draft (the PDF shows a placeholder), an error
   * that stops a final render.
   */
  void missing(int bodyLine0, String field, String message) {
    Location at = at(bodyLine0);
    add(
        mode == RenderMode.FINAL
            ? Problem.error(at, field, message)
            : Problem.warning(at, field, message));
  }

  /** Something that fails every render, draft included: a file check refuses. */
  void error(int bodyLine0, String message) {
    add(Problem.error(at(bodyLine0), "", message));
  }

  private void add(Problem p) {
    if (seen.add(p.where() + "|" + p.message())) {
      problems.add(p);
    }
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  List<Problem> problems() {
    return problems.stream().sorted(Problem.ORDER).toList();
  }
}
