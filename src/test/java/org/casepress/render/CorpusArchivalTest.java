package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casepress.model.CaseStudy;
import org.casepress.model.Problem;
import org.casepress.source.Loaded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;

/**
 * Every file of ../shared/corpus that passes check (third-party Markdown, wrapped as a case study)
 * renders in final mode to a PDF that veraPDF passes as PDF/UA-1 and PDF/A-2a with zero failed
 * checks, and in which no glyph lies outside the text box (tables and long tokens included). The
 * files check refuses are not rendered final, so they are counted, not validated; the tally is
 * printed at the end.
 */
@Execution(
    ExecutionMode.CONCURRENT) // files are independent; the renderer is shared and thread-safe
class CorpusArchivalTest {
  private static final Set<String> VALIDATED = new ConcurrentSkipListSet<>();
  private static final Set<String> REFUSED_BY_CHECK = new ConcurrentSkipListSet<>();

  @TempDir static Path out;

  @BeforeAll
  static void veraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  static Stream<Path> corpus() throws IOException {
    return CorpusStudy.files();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @Execution(ExecutionMode.CONCURRENT)
  void passesPdfUaAndPdfAWhenItPassesCheck(Path file) throws Exception {
    String name = CorpusStudy.name(file);
    Path here = out.resolve(name.replaceAll("[/\\\\]", "__").replace(".md", ""));
    Loaded loaded = CorpusStudy.wrap(file, here.resolve("ws"));
    CaseStudy cs = loaded.caseStudy(CorpusStudy.SLUG).orElse(null);
    if (cs == null || loaded.problemsOf(CorpusStudy.SLUG).stream().anyMatch(Problem::isError)) {
      REFUSED_BY_CHECK.add(name);
      return;
    }
    Path pdf = here.resolve("final.pdf");
    Fixtures.renderer().render(cs, loaded.metadata(), Fixtures.published(), RenderMode.FINAL, pdf);
    ArchivalValidationTest.assertPassesPdfUaAndPdfA(pdf, name);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      List<PageGeometry.Glyph> outside = PageGeometry.outsideTheTextBox(doc);
      assertTrue(
          outside.isEmpty(),
          () ->
              name
                  + ": "
                  + outside.size()
                  + " glyphs outside the text box, the first "
                  + outside.get(0));
    }
    VALIDATED.add(name);
  }

  @AfterAll
  static void printTally() {
    if (VALIDATED.isEmpty() && REFUSED_BY_CHECK.isEmpty()) {
      return;
    }
    System.out.println(
        "Corpus, veraPDF: "
            + VALIDATED.size()
            + " files pass check, render final and pass PDF/UA-1 and PDF/A-2a; "
            + REFUSED_BY_CHECK.size()
            + " get check errors and are not rendered final.");
    assertTrue(VALIDATED.size() > 0, "no corpus file passed check: the wrapping is broken");
  }
}
