package org.casepress.render.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.casepress.render.BenchAccess;

/**
 * In-process batch rendering for bench/render.sh: renders every Markdown file given (or found under
 * the folders given) as a draft case study, several rounds with one shared renderer, and prints one
 * line per file: "path median_ms".
 *
 * <p>Usage: BatchRender ROUNDS OUTDIR PATH...
 */
public final class BatchRender {
  private BatchRender() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    Path outDir = Path.of(args[1]);
    Files.createDirectories(outDir);
    List<Path> files = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      Path p = Path.of(args[i]);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    BenchAccess bench = new BenchAccess();
    long warm = System.nanoTime();
    for (Path f : files) {
      bench.render(f, outDir.resolve("warmup.pdf"));
    }
    System.err.printf(
        "warm-up round: %d files in %d ms%n", files.size(), (System.nanoTime() - warm) / 1_000_000);
    for (Path f : files) {
      List<Long> times = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        long t = System.nanoTime();
        bench.render(f, outDir.resolve(f.getFileName().toString().replace(".md", ".pdf")));
        times.add(System.nanoTime() - t);
      }
      Collections.sort(times);
      System.out.printf("%s %.1f%n", f, times.get(times.size() / 2) / 1e6);
    }
  }
}
