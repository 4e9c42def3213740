package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.casepress.model.CaseStudy;
import org.casepress.model.Person;
import org.casepress.model.Problem;
import org.casepress.model.Role;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A damaged image used to vanish from the PDF with nothing but PDFBox's own log lines to say so, in
 * a final render too. Now it fails every render, draft included, with the line of the image.
 */
class BrokenImageTest {
  @TempDir Path workspace;

  @ParameterizedTest
  @EnumSource(RenderMode.class)
  void truncatedPngFailsTheRenderAndWritesNothing(RenderMode mode) throws IOException {
    Path folder = Files.createDirectories(workspace.resolve("case-studies/broken"));
    byte[] png =
        Files.readAllBytes(
            Fixtures.WORKSPACE.resolve("case-studies/river-sensors/figures/flow-chart.png"));
    Files.write(folder.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
    Person author = new Person("a", "Ada", "Author", null, List.of(), Set.of(Role.AUTHOR));
    CaseStudy cs =
        new CaseStudy(
            "broken",
            folder,
            "case-studies/broken/case-study.md",
            "Broken image",
            null,
            List.of(author),
            null,
            "Has an image cut off half way.",
            List.of(),
            "CC-BY-4.0",
            "en",
            List.of(),
            List.of(),
            "## Figure\n\n![A chart cut in half](cut.png)\n",
            10);
    Path pdf = workspace.resolve("build/broken.pdf");

    RenderException e =
        assertThrows(
            RenderException.class,
            () ->
                Fixtures.renderer()
                    .render(cs, Fixtures.load().metadata(), Fixtures.draft(), mode, pdf));

    List<Problem> errors = e.problems().stream().filter(Problem::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(12, errors.get(0).line());
    assertTrue(
        errors
            .get(0)
            .message()
            .startsWith("The image 'cut.png' cannot be put in the PDF: it is damaged ("),
        errors.get(0).message());
    assertTrue(errors.get(0).message().contains("truncated"), errors.get(0).message());
    assertFalse(Files.exists(pdf));
  }
}
