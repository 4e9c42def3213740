package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables where the text is narrower than the page's measure (issue 12, item 3), on the fixture
 * {@code nested-tables}: five lists deep, in a quotation in a list, and with a cell spanning two
 * columns that holds a long address. Measured at the page's full width, each would be left in its
 * own type and run past the margin.
 */
class NestedTablesTest {
  @TempDir static Path out;
  static Fixtures.Rendered nested;

  @BeforeAll
  static void render() throws Exception {
    nested = Fixtures.renderFinal("nested-tables", out);
  }

  @Test
  void everyGlyphLiesInsideTheTextBox() throws Exception {
    try (PDDocument doc = Loader.loadPDF(nested.pdf().toFile())) {
      assertEquals(List.of(), PageGeometry.outsideTheTextBox(doc));
    }
  }

  @Test
  void noGlyphCrossesTheBorderOfItsCell() throws Exception {
    try (PDDocument doc = Loader.loadPDF(nested.pdf().toFile())) {
      List<PageGeometry.Rule> rules = PageGeometry.verticalRules(doc);
      assertTrue(rules.size() >= 3 * 3 + 3 * 2 + 4 * 3, "cell borders found: " + rules.size());
      assertEquals(List.of(), PageGeometry.acrossARule(PageGeometry.glyphs(doc), rules));
    }
  }

  /** Each table is set in the type that keeps its longest words and addresses whole. */
  @Test
  void everyTokenIsPrintedWhole() throws Exception {
    List<String> runs = TextLayer.strippedRuns(nested.pdf());
    for (String token :
        List.of(
            "Kraftfahrzeughaftpflichtversicherung",
            "https://doi.org/10.5281/zenodo.123456",
            "https://doi.org/10.5281/zenodo.654321",
            "https://data.example.org/catchment/levels/2026/station-0417.csv")) {
      assertEquals(
          token.equals("https://doi.org/10.5281/zenodo.123456") ? 2 : token.startsWith("K") ? 3 : 1,
          runs.stream().filter(r -> r.contains(token)).count(),
          token + " is printed whole in each table that has it: " + runs);
    }
  }

  /** The insets TableFit allows for are the house style's, read from its stylesheet. */
  @Test
  void theInsetsAreTheHouseStyles() throws Exception {
    String css =
        Files.readString(Path.of("src/main/resources/org/casepress/render/house-style.css"));
    assertEquals(points(css, "ul, ol", "padding-left"), TableFit.Inset.LIST.points);
    assertEquals(
        points(css, "blockquote", "padding", 3) + points(css, "blockquote", "border-left"),
        TableFit.Inset.QUOTE.points);
    assertEquals(points(css, "dd", "margin", 3), TableFit.Inset.DEFINITION.points);
    assertEquals(
        points(css, ".admonition, .directive", "border-left")
            + 2 * points(css, ".admonition, .directive", "padding", 1),
        TableFit.Inset.ADMONITION.points);
  }

  /** The first length of a declaration in the rule for exactly {@code selector}. */
  private static float points(String css, String selector, String property) {
    return points(css, selector, property, 0);
  }

  /**
   * The {@code index}th length (0: the first) of a declaration of the rule for {@code selector}.
   */
  private static float points(String css, String selector, String property, int index) {
    Matcher rule =
        Pattern.compile("(?m)^" + Pattern.quote(selector) + "\\s*\\{([^}]*)\\}").matcher(css);
    assertTrue(rule.find(), "house-style.css has a rule for " + selector);
    Matcher declaration =
        Pattern.compile("(?:^|[;\\s])" + Pattern.quote(property) + ":\\s*([^;]*)")
            .matcher(rule.group(1));
    assertTrue(declaration.find(), selector + " declares " + property);
    String[] values = declaration.group(1).strip().split("\\s+");
    return Float.parseFloat(values[Math.min(index, values.length - 1)].replace("pt", ""));
  }
}
