package org.casepress.source.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedFrame;
import org.casepress.cli.Cli;
import org.casepress.model.Problem;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.testing.JfrSamples;

/**
 * What loading and checking a workspace costs once the JVM is warm (issue 15). In one JVM, for
 * ROUNDS rounds, it loads the whole workspace ({@link WorkspaceLoader#load}), then runs {@code
 * check} and {@code status} in process through {@link Cli#run}, one after another on one thread;
 * the first WARMUP rounds warm the JIT and are not counted. It prints the median thread CPU time of
 * each (from {@link ThreadMXBean}: a machine shared with other builds moves wall time far more) and
 * the SHA-256 of what they said, so that two builds can be shown to report the same problems and
 * the same standing.
 *
 * <p>Usage: {@code LoadProfile WORKSPACE ROUNDS WARMUP [JFR_FILE]}; with a JFR file it also records
 * execution samples of the measured loads and prints the methods they were in, inclusive (a method
 * counts once per sample wherever it is on the stack). Run it with the warm process's flags ({@code
 * -XX:TieredStopAtLevel=1}), as bench/load.sh does. Not a test.
 */
public final class LoadProfile {
  private static final String LOAD = "org.casepress.source.WorkspaceLoader.load";

  private LoadProfile() {}

  public static void main(String[] args) throws Exception {
    Workspace workspace = new Workspace(Path.of(args[0]));
    int rounds = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    Path jfr = args.length > 3 ? Path.of(args[3]) : null;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, List<Long>> cpu = new LinkedHashMap<>();
    Map<String, String> said = new LinkedHashMap<>();
    Recording recording = null;
    for (int r = 1; r <= rounds; r++) {
      if (r == warmup + 1 && jfr != null) {
        recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
        recording.start();
      }
      Map<String, Supplier<String>> steps = new LinkedHashMap<>();
      steps.put("load", () -> outcome(WorkspaceLoader.load(workspace)));
      steps.put("check", () -> command(workspace, "check"));
      steps.put("status", () -> command(workspace, "status"));
      for (Map.Entry<String, Supplier<String>> step : steps.entrySet()) {
        long before = threads.getCurrentThreadCpuTime();
        String output = step.getValue().get();
        long spent = threads.getCurrentThreadCpuTime() - before;
        if (r > warmup) {
          cpu.computeIfAbsent(step.getKey(), k -> new ArrayList<>()).add(spent);
        }
        said.put(step.getKey(), sha256(output));
      }
    }
    System.out.printf(
        "rounds %d (warm-up %d), case studies %d, load average %.2f%n",
        rounds,
        warmup,
        WorkspaceLoader.slugs(workspace).size(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (Map.Entry<String, List<Long>> e : cpu.entrySet()) {
      System.out.printf(
          "median thread CPU per %s: %.1f ms (least %.1f ms)%n",
          e.getKey(),
          median(e.getValue()) / 1e6,
          e.getValue().stream().mapToLong(Long::longValue).min().orElse(0) / 1e6);
    }
    for (Map.Entry<String, String> e : said.entrySet()) {
      System.out.println("sha256 " + e.getKey() + " " + e.getValue());
    }
    if (recording != null) {
      recording.stop();
      recording.dump(jfr);
      recording.close();
      report(jfr);
    }
  }

  /** Every problem with its place, and the loaded slugs: what a change must not alter. */
  private static String outcome(Loaded loaded) {
    StringBuilder s = new StringBuilder();
    for (Problem p : loaded.problems()) {
      s.append(p).append('\n');
    }
    loaded.caseStudies().forEach(c -> s.append(c).append('\n'));
    return s.toString();
  }

  /** A command run in process, as the warm process runs it; what it printed. */
  private static String command(Workspace workspace, String name) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code =
        Cli.run(
            out, out, Map.of(), workspace.root(), name, "--workspace", workspace.root().toString());
    return code + "\n" + bytes.toString(StandardCharsets.UTF_8);
  }

  /** The methods the measured loads' samples were in, inclusive, the top 40. */
  private static void report(Path jfr) throws Exception {
    Map<String, Integer> inclusive = new LinkedHashMap<>();
    int samples = 0;
    for (List<RecordedFrame> frames : JfrSamples.inside(jfr, LOAD)) {
      samples++;
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        if (seen.add(JfrSamples.name(f))) {
          inclusive.merge(JfrSamples.name(f), 1, Integer::sum);
        }
      }
    }
    System.out.printf("%nsamples inside %s: %d%n", LOAD, samples);
    System.out.println("| method (inclusive) | share |");
    System.out.println("|---|---:|");
    int all = samples;
    inclusive.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(40)
        .forEach(
            e -> System.out.printf("| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / all));
  }

  private static double median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
