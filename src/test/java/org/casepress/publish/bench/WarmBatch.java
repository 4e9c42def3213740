package org.casepress.publish.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.casepress.publish.PdfJob;
import org.casepress.render.RenderMode;
import org.casepress.source.Workspace;

/**
 * {@code render --all --final} repeated in one JVM, for bench/anchors.sh: the same library call as
 * the command (workspace load, check, one shared renderer, every core), ROUNDS times. The first
 * round is what the command costs inside a fresh JVM; the later ones show what a warm process (the
 * JIT done) would take, the figure to set against Typst compiling everything in one process.
 *
 * <p>Usage: WarmBatch WORKSPACE ROUNDS; prints "batch-round N wall_ms cpu_ms documents" lines. The
 * CPU time (of the whole process, JIT and GC included) moves less than the wall time when other
 * builds share the machine.
 */
public final class WarmBatch {
  private WarmBatch() {}

  public static void main(String[] args) throws Exception {
    Workspace workspace = new Workspace(Path.of(args[0]).toAbsolutePath());
    int rounds = Integer.parseInt(args[1]);
    PdfJob.Request all =
        new PdfJob.Request(
            List.of(),
            true,
            RenderMode.FINAL,
            Optional.empty(),
            Optional.of(LocalDate.of(2026, 12, 10)),
            Optional.empty(),
            false);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = 1; r <= rounds; r++) {
      long t = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      List<PdfJob.Result> results = PdfJob.render(workspace, all);
      long ms = (System.nanoTime() - t) / 1_000_000;
      long cpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
      for (PdfJob.Result result : results) {
        if (!(result instanceof PdfJob.Result.Written)) {
          throw new IllegalStateException(result.slug() + " was not rendered: " + result);
        }
      }
      System.out.printf("batch-round %d %d %d %d%n", r, ms, cpuMs, results.size());
    }
  }
}
