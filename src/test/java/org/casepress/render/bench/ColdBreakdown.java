package org.casepress.render.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.casepress.model.CaseStudy;
import org.casepress.render.Publication;
import org.casepress.render.RenderMode;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;

/**
 * Where a cold render spends its time, for bench/anchors.sh: in a fresh JVM, the time from JVM
 * start to {@code main}, loading and checking the workspace, setting up the renderer (fonts), the
 * first render, then three more renders of the same case study in the same JVM. The first render
 * minus a warm one is the JVM's warm-up (class loading and initialisation, interpretation, JIT).
 *
 * <p>Usage: ColdBreakdown WORKSPACE SLUG OUTDIR; prints "step milliseconds" lines.
 */
public final class ColdBreakdown {
  private ColdBreakdown() {}

  public static void main(String[] args) throws Exception {
    long mainAt = System.currentTimeMillis();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    Workspace workspace = new Workspace(Path.of(args[0]).toAbsolutePath());
    String slug = args[1];
    Path out = Path.of(args[2]);
    System.out.printf("jvm-to-main %d%n", mainAt - jvmStart);

    long t = System.nanoTime();
    Loaded loaded = WorkspaceLoader.load(workspace, List.of(slug));
    CaseStudy cs = loaded.caseStudy(slug).orElseThrow();
    t = lap("workspace-load-and-check", t);

    Renderer renderer = Renderer.create();
    t = lap("renderer-setup", t);

    Publication pub = Publication.forDraft(LocalDate.of(2026, 12, 10));
    for (int i = 1; i <= 4; i++) {
      renderer.render(cs, loaded.metadata(), pub, RenderMode.FINAL, out.resolve("r" + i + ".pdf"));
      t = lap("render-" + i, t);
    }
  }

  private static long lap(String step, long since) {
    long now = System.nanoTime();
    System.out.printf("%s %.0f%n", step, (now - since) / 1e6);
    return now;
  }
}
