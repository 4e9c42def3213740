package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casepress.model.CaseStudy;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * Every case study we have, rendered draft and final, passes veraPDF's PDF/UA-1 and PDF/A-2a
 * profiles with zero failed checks: our fixture, and the workspace's own case studies when the
 * repository holds them.
 */
class ArchivalValidationTest {
  @TempDir static Path out;

  @BeforeAll
  static void veraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  record Subject(String name, CaseStudy cs, Loaded loaded) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> caseStudies() {
    List<Subject> all = new ArrayList<>();
    Loaded fixture = Fixtures.load();
    fixture.caseStudies().forEach(cs -> all.add(new Subject("fixture " + cs.slug(), cs, fixture)));
    // The repository itself is a workspace once the example case studies are merged in.
    if (Files.isRegularFile(Path.of(Workspace.COMMUNITY_FILE))) {
      Loaded repo = WorkspaceLoader.load(new Workspace(Path.of("")));
      repo.caseStudies().forEach(cs -> all.add(new Subject("workspace " + cs.slug(), cs, repo)));
    }
    List<Arguments> args = new ArrayList<>();
    for (Subject s : all) {
      args.add(Arguments.of(s, RenderMode.DRAFT));
      args.add(Arguments.of(s, RenderMode.FINAL));
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("caseStudies")
  void passesPdfUaAndPdfA(Subject s, RenderMode mode) throws Exception {
    Path pdf = out.resolve(s.cs().slug() + "-" + mode + ".pdf");
    Publication pub = mode == RenderMode.FINAL ? Fixtures.published() : Fixtures.draft();
    RenderResult result = Fixtures.renderer().render(s.cs(), s.loaded().metadata(), pub, mode, pdf);
    assertTrue(result.pages() > 0);
    assertPassesPdfUaAndPdfA(pdf, s.toString());
  }

  /** veraPDF's PDF/UA-1 and PDF/A-2a profiles find no failed check in the file. */
  static void assertPassesPdfUaAndPdfA(Path pdf, String what) throws Exception {
    for (PDFAFlavour flavour : List.of(PDFAFlavour.PDFUA_1, PDFAFlavour.PDFA_2_A)) {
      Map<RuleId, Integer> failed = validate(pdf, flavour);
      assertEquals(
          "",
          failed.entrySet().stream()
              .map(
                  e ->
                      e.getKey().getClause()
                          + "-"
                          + e.getKey().getTestNumber()
                          + " x"
                          + e.getValue())
              .sorted()
              .collect(Collectors.joining(", ")),
          flavour + " failed checks for " + what);
    }
  }

  static Map<RuleId, Integer> validate(Path pdf, PDFAFlavour flavour) throws Exception {
    try (InputStream in = Files.newInputStream(pdf);
        PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour)) {
      PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
      ValidationResult result = validator.validate(parser);
      assertFalse(result.getTotalAssertions() == 0, "veraPDF checked nothing");
      return result.getFailedChecks();
    }
  }
}
