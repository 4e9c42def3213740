package org.casepress.render;

import java.util.List;
import org.casepress.model.Problem;

/**
 * A render that must not produce a PDF: in a final render, a resource that is missing or refused or
 * a character no bundled font can show. No output file is left behind.
 */
public final class RenderException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  RenderException(List<Problem> problems) {
    super(
        problems.isEmpty()
            ? "render failed"
            : problems.get(0).where() + ": " + problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  /** Every reason, with its location; errors first. */
  public List<Problem> problems() {
    return problems;
  }
}
