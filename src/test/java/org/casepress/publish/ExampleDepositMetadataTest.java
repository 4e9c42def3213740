package org.casepress.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casepress.model.CaseStudy;
import org.casepress.publish.DepositMetadata.Edition;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.junit.jupiter.api.Test;

/**
 * The repository's own example case studies (case-studies/ at the project root) as Zenodo sees
 * them.
 */
class ExampleDepositMetadataTest {
  private static final Path ROOT = Path.of("");

  @Test
  void everyExampleCaseStudyValidatesAgainstZenodoSchema() {
    // Skipped only where the examples do not exist; where they do, at least one must be checked.
    assumeTrue(
        Files.isDirectory(ROOT.resolve("case-studies")), "no case-studies/ at the project root");
    Loaded loaded = WorkspaceLoader.load(new Workspace(ROOT));
    assertFalse(loaded.caseStudies().isEmpty(), "case-studies/ holds no case study that loads");
    Map<String, List<String>> failures = new LinkedHashMap<>();
    for (CaseStudy cs : loaded.caseStudies()) {
      List<String> errors =
          DepositMetadataSchema.validate(
              DepositMetadata.build(cs, loaded.metadata(), Edition.FIRST));
      if (!errors.isEmpty()) {
        failures.put(cs.slug(), errors);
      }
    }
    assertEquals(Map.of(), failures);
  }
}
