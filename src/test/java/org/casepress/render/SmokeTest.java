package org.casepress.render;

import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.casepress.source.Loaded;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void smoke() throws Exception {
    Loaded loaded = Fixtures.load();
    Path out = Path.of("target/smoke/river.pdf");
    RenderResult r = Fixtures.renderer().render(loaded.caseStudy("river-sensors").orElseThrow(), loaded.metadata(), Fixtures.draft(), RenderMode.DRAFT, out);
    System.out.println(r);
    try (PDDocument d = Loader.loadPDF(out.toFile())) {
      PDFRenderer pr = new PDFRenderer(d);
      for (int i = 0; i < d.getNumberOfPages(); i++) {
        javax.imageio.ImageIO.write(pr.renderImageWithDPI(i, 60), "png", Path.of("target/smoke/p" + i + ".png").toFile());
      }
    }
  }
}
