package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casepress.model.CaseStudy;
import org.casepress.render.Fixtures;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.MarkedTrees;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The draft PDF (the board's preview, the pull-request report) and the final PDF (stage) of a
 * loaded case study typeset the Markdown tree that the load's check walked: each body is parsed
 * once per command. The tree is marked after the load; the mark is in the PDF only when the render
 * typeset that very tree.
 */
class CheckedTreePdfTest {
  private static final String SLUG = "river-sensors";
  private static final String MARK = "Treemarkchecked";
  private static final Renderer RENDERER = Renderer.create();

  @TempDir Path tmp;
  private Workspace workspace;
  private Loaded loaded;
  private CaseStudy cs;

  @BeforeEach
  void loadAndMark() throws IOException {
    Path root = tmp.resolve("ws");
    Fixtures.copy(Fixtures.WORKSPACE, root);
    workspace = new Workspace(root);
    loaded = WorkspaceLoader.load(workspace, List.of(SLUG));
    cs = loaded.caseStudy(SLUG).orElseThrow();
    MarkedTrees.mark(loaded.body(cs).orElseThrow(), MARK);
  }

  @Test
  void aDraftTypesetsTheTreeTheLoadChecked() throws Exception {
    Path pdf = tmp.resolve("draft.pdf");
    new DraftPdf(RENDERER).render(workspace, loaded, cs, pdf);
    assertTrue(text(pdf).contains(MARK), text(pdf));
  }

  @Test
  void aFinalPdfTypesetsTheTreeTheLoadChecked() throws Exception {
    Path pdf = tmp.resolve("final.pdf");
    FinalPdf.typeset(RENDERER, loaded)
        .render(cs, loaded.metadata(), 1, LocalDate.of(2026, 12, 10), "10.5281/zenodo.1", pdf);
    assertTrue(text(pdf).contains(MARK), text(pdf));
  }

  @Test
  void aFinalPdfWithoutTheLoadParsesTheBodyAgain() throws Exception {
    Path pdf = tmp.resolve("parsed-again.pdf");
    FinalPdf.typeset(RENDERER)
        .render(cs, loaded.metadata(), 1, LocalDate.of(2026, 12, 10), "10.5281/zenodo.1", pdf);
    assertFalse(text(pdf).contains(MARK), "the mark is only in the checked tree");
  }

  private static String text(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
