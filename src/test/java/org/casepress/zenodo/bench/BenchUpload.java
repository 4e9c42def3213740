package org.casepress.zenodo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.casepress.zenodo.BucketObject;
import org.casepress.zenodo.Deposition;
import org.casepress.zenodo.Target;
import org.casepress.zenodo.TerminalProgress;
import org.casepress.zenodo.ZenodoClient;

/**
 * {@code BenchUpload <api-url> <file>}: creates a deposition and uploads {@code file} into its
 * bucket with the client, as the tool does; prints the figures as key=value lines.
 */
public final class BenchUpload {
  private BenchUpload() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    try (ZenodoClient client =
        ZenodoClient.builder(Target.local(args[0]))
            .progress(TerminalProgress.forConsole(System.err))
            .build()) {
      Deposition d = client.create(null);
      long size = Files.size(file);
      long start = System.nanoTime();
      BucketObject stored = client.upload(d, file.getFileName().toString(), file);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.println("deposition=" + d.id());
      System.out.println("bytes=" + stored.size());
      System.out.println("md5=" + stored.md5());
      System.out.println(String.format(Locale.ROOT, "upload_seconds=%.2f", seconds));
      System.out.println(
          String.format(Locale.ROOT, "throughput_mib_s=%.1f", size / seconds / (1024 * 1024)));
    }
  }
}
