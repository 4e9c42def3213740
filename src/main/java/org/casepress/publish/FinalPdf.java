package org.casepress.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;
import org.casepress.render.Publication;
import org.casepress.render.RenderException;
import org.casepress.render.RenderMode;
import org.casepress.render.Renderer;

/** Renders the final PDF of a case study version, carrying its DOI and citation. */
@FunctionalInterface
interface FinalPdf {
  void render(
      CaseStudy caseStudy, Metadata metadata, int version, LocalDate date, String doi, Path output)
      throws IOException;

  /** The renderer in final mode: nothing missing, refused or undisplayable gets uploaded. */
  static FinalPdf typeset(Renderer renderer) {
    return (cs, metadata, version, date, doi, output) -> {
      try {
        renderer.render(
            cs, metadata, Publication.published(version, date, doi), RenderMode.FINAL, output);
      } catch (RenderException e) {
        throw PublishException.problem(
            cs.slug()
                + ": the final PDF cannot be made (problems above), so nothing was uploaded."
                + " Fix them and run the command again; it continues where it stopped.",
            e.problems());
      }
    };
  }
}
