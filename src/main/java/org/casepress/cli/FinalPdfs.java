package org.casepress.cli;

import java.util.stream.Collectors;
import org.casepress.publish.FinalPdf;
import org.casepress.publish.PublishException;
import org.casepress.render.Publication;
import org.casepress.render.RenderException;
import org.casepress.render.RenderMode;

/** The final PDF of a staged case study: the renderer in final mode, with the reserved DOI. */
final class FinalPdfs {
  private FinalPdfs() {}

  static final FinalPdf RENDERER =
      (cs, metadata, version, date, doi, output) -> {
        try {
          RenderCommand.renderer()
              .render(
                  cs,
                  metadata,
                  Publication.published(version, date, doi),
                  RenderMode.FINAL,
                  output);
        } catch (RenderException e) {
          throw PublishException.problem(
              cs.slug()
                  + ": the final PDF cannot be made, so nothing was uploaded:\n  "
                  + e.problems().stream()
                      .map(p -> p.where() + " " + p.message())
                      .collect(Collectors.joining("\n  ")));
        }
      };
}
