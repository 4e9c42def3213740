package org.casepress.cli;

import org.casepress.publish.FinalPdf;

/** The final-PDF makers the publishing commands can use. */
final class FinalPdfs {
  private FinalPdfs() {}

  /** Until the renderer lands, staging cannot make the final PDF. */
  static final FinalPdf RENDERER =
      (cs, metadata, version, date, doi, output) -> {
        throw new CommandException(ExitCode.PROBLEM, "Rendering final PDFs is not available in this build.");
      };
}
