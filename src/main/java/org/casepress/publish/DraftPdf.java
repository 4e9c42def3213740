package org.casepress.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.casepress.model.CaseStudy;
import org.casepress.render.Publication;
import org.casepress.render.RenderException;
import org.casepress.render.RenderMode;
import org.casepress.render.RenderResult;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.workflow.StatusFile;
import org.casepress.workflow.StatusStore;

/**
 * The draft PDF of a case study as its reviewers see it: watermarked, with the version and review
 * state from status.json and the date of its last review step (else of its files), so that an
 * unchanged case study renders to the same bytes however often a preview asks for it.
 */
public final class DraftPdf {
  private final Renderer renderer;

  public DraftPdf(Renderer renderer) {
    this.renderer = renderer;
  }

  /** With a renderer of its own (fonts loaded once, kept warm for every later draft). */
  public static DraftPdf create() {
    return new DraftPdf(Renderer.create());
  }

  /**
   * Renders {@code caseStudy} to {@code output}, atomically, typesetting the tree of its body that
   * the check of {@code loaded} walked.
   *
   * @throws RenderException when even a draft cannot be made
   */
  public RenderResult render(Workspace workspace, Loaded loaded, CaseStudy caseStudy, Path output)
      throws IOException, RenderException {
    StatusFile status = new StatusStore(workspace).read(caseStudy.slug());
    LocalDate date =
        status
            .lastChange()
            .map(h -> LocalDate.ofInstant(h.time(), ZoneOffset.UTC))
            .orElseGet(() -> Publication.contentDate(caseStudy.folder()));
    Publication publication =
        new Publication(status.version(), date, status.state().id().replace('-', ' '), null, null);
    return renderer.render(
        caseStudy,
        loaded.body(caseStudy),
        loaded.metadata(),
        publication,
        RenderMode.DRAFT,
        output);
  }
}
