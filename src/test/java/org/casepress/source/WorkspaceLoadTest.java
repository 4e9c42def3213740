package org.casepress.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casepress.model.CaseStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading case studies one by one on a pool, in another order than the slugs', gives exactly the
 * {@link Loaded} of the serial load (which {@link PinnedProblemsTest} pins), and each study's
 * {@link WorkspaceLoad#problemsOf} is what the whole load's {@link Loaded#problemsOf} says: the
 * ground {@code render --all}'s pipeline stands on.
 */
class WorkspaceLoadTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theExampleCaseStudies() throws Exception {
    assertSameAsSerial(new Workspace(Path.of("")), null);
  }

  @Test
  void theRenderingTestWorkspace() throws Exception {
    assertSameAsSerial(new Workspace(Path.of("src/test/resources/render/workspace")), null);
  }

  @Test
  void aLoadHandsOnTheTreeItsCheckWalkedForEachCaseStudyItLoaded() {
    Workspace workspace = new Workspace(Path.of("src/test/resources/render/workspace"));
    Loaded checked = WorkspaceLoader.load(workspace);
    Loaded frontMatter = WorkspaceLoader.loadFrontMatter(workspace);
    assertFalse(checked.caseStudies().isEmpty());
    for (CaseStudy cs : checked.caseStudies()) {
      ParsedBody tree = checked.body(cs).orElseThrow();
      assertSame(cs.body(), tree.text(), cs.slug() + ": the tree is of the body as loaded");
      assertSame(tree, checked.body(cs).orElseThrow(), cs.slug() + ": one tree, not parsed anew");
      CaseStudy same = frontMatter.caseStudy(cs.slug()).orElseThrow();
      assertEquals(Optional.empty(), frontMatter.body(same), "front matter alone parses no body");
      // Another case study of the same slug (an edited body) is not the one check walked.
      CaseStudy edited =
          new CaseStudy(
              cs.slug(),
              cs.folder(),
              cs.source(),
              cs.title(),
              cs.subtitle(),
              cs.authors(),
              cs.organisation(),
              cs.description(),
              cs.keywords(),
              cs.licence(),
              cs.language(),
              cs.related(),
              cs.funding(),
              cs.body() + "\nMore.\n",
              cs.bodyLine());
      assertEquals(Optional.empty(), checked.body(edited), cs.slug());
    }
  }

  @Test
  void theCheckCatalogue(@TempDir Path tmp) throws Exception {
    List<Path> cases = CheckCatalogueTest.cases().toList();
    assertTrue(cases.size() > 20, "expected the check catalogue");
    for (int i = 0; i < cases.size(); i++) {
      JsonNode spec = YAML.readTree(cases.get(i).toFile());
      Path root = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws" + i));
      CheckCatalogueTest.apply(spec, root);
      List<String> slugs = null;
      if (spec.has("slugs")) {
        slugs = new ArrayList<>();
        for (JsonNode s : spec.path("slugs")) {
          slugs.add(s.asText());
        }
      }
      assertSameAsSerial(new Workspace(root), slugs);
    }
  }

  private static void assertSameAsSerial(Workspace workspace, List<String> named) throws Exception {
    List<String> slugs = named != null ? named : WorkspaceLoader.slugs(workspace);
    Loaded serial =
        named != null ? WorkspaceLoader.load(workspace, named) : WorkspaceLoader.load(workspace);
    WorkspaceLoad load = WorkspaceLoad.start(workspace);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < slugs.size(); i++) {
      order.add(i);
    }
    Collections.reverse(order);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    WorkspaceLoad.Study[] studies = new WorkspaceLoad.Study[slugs.size()];
    try {
      List<Future<WorkspaceLoad.Study>> futures = new ArrayList<>();
      for (int i : order) {
        futures.add(pool.submit(() -> load.load(slugs.get(i))));
      }
      for (int k = 0; k < order.size(); k++) {
        studies[order.get(k)] = futures.get(k).get();
      }
    } finally {
      pool.shutdownNow();
    }
    Loaded pooled = load.finish(List.of(studies));
    String where = workspace.root().toString();
    assertEquals(serial.problems(), pooled.problems(), where);
    assertEquals(serial.caseStudies(), pooled.caseStudies(), where);
    assertEquals(serial.metadata(), pooled.metadata(), where);
    for (WorkspaceLoad.Study s : studies) {
      assertEquals(serial.problemsOf(s.slug()), load.problemsOf(s), where + " " + s.slug());
      assertEquals(serial.caseStudy(s.slug()), s.caseStudy(), where + " " + s.slug());
    }
  }
}
