package org.casepress.zenodo.bench;

import java.nio.file.Path;
import org.casepress.localzenodo.LocalZenodo;

/** {@code BenchServer <storage-dir> <port>}: the embedded server in the foreground, for bench/. */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    LocalZenodo.runForeground(Path.of(args[0]), Integer.parseInt(args[1]), System.out);
  }
}
