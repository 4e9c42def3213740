package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class TableFitTest {
  private static final Path GOLDEN = Path.of("src/test/resources/render/table-fit");

  /**
   * Tables that fit, go smaller, break inside, turn to a landscape page or share their columns out;
   * short rows, spans, code and tables inside lists, quotes and boxes. The expected HTML is what
   * TableFit gave before its selectors and its split pattern were made once, so any change to what
   * it decides fails here.
   */
  @Test
  void tablesGetThePinnedClassesCellsAndGluedTokens() throws Exception {
    Document doc = Jsoup.parse(Files.readString(GOLDEN.resolve("input.html")));
    doc.outputSettings().prettyPrint(false);
    new TableFit(Fonts.load()).apply(doc);
    assertEquals(Files.readString(GOLDEN.resolve("expected.html")), doc.body().html());
  }
}
