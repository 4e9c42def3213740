package org.casepress.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;

/** Renders the final PDF of a case study version, carrying its DOI and citation. */
@FunctionalInterface
public interface FinalPdf {
  void render(
      CaseStudy caseStudy, Metadata metadata, int version, LocalDate date, String doi, Path output)
      throws IOException;
}
