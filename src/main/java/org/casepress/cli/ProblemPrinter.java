package org.casepress.cli;

import java.io.PrintStream;
import java.util.List;
import org.casepress.model.Problem;

/** Prints problems grouped by file, one line each: where, how bad, which field, what to do. */
final class ProblemPrinter {
  private ProblemPrinter() {}

  static void print(PrintStream out, List<Problem> problems) {
    String currentFile = null;
    for (Problem p : problems) {
      if (!p.file().equals(currentFile)) {
        if (currentFile != null) {
          out.println();
        }
        currentFile = p.file();
        out.println(currentFile);
      }
      String where = p.line() > 0 ? (p.line() + (p.column() > 0 ? ":" + p.column() : "")) : "-";
      out.println(
          String.format(
              "  %-7s %-7s %s%s",
              where,
              p.severity().label(),
              p.field().isEmpty() ? "" : p.field() + ": ",
              p.message()));
    }
    if (currentFile != null) {
      out.println();
    }
  }
}
