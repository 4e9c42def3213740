package org.casepress.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;
import org.casepress.render.Publication;
import org.casepress.render.RenderException;
import org.casepress.render.RenderMode;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.ParsedBody;

/** Renders the final PDF of a case study version, carrying its DOI and citation. */
@FunctionalInterface
interface FinalPdf {
  void render(
      CaseStudy caseStudy, Metadata metadata, int version, LocalDate date, String doi, Path output)
      throws IOException;

  /** The renderer in final mode: nothing missing, refused or undisplayable gets uploaded. */
  static FinalPdf typeset(Renderer renderer) {
    return typeset(renderer, cs -> Optional.empty());
  }

  /**
   * {@link #typeset(Renderer)} of the case studies {@code loaded} holds, typesetting the trees its
   * check walked rather than parsing each body again.
   */
  static FinalPdf typeset(Renderer renderer, Loaded loaded) {
    return typeset(renderer, loaded::body);
  }

  private static FinalPdf typeset(
      Renderer renderer, Function<CaseStudy, Optional<ParsedBody>> checkedBody) {
    return (cs, metadata, version, date, doi, output) -> {
      try {
        renderer.render(
            cs,
            checkedBody.apply(cs),
            metadata,
            Publication.published(version, date, doi),
            RenderMode.FINAL,
            output);
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
