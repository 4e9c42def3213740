package org.casepress.cli;

/** The launcher's entry point: runs one command in this JVM and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      code = Cli.run(System.out, System.err, args);
    } catch (OutOfMemoryError e) {
      // Not a bug to report with a stack trace: the command needs more memory than the JVM was
      // given, and the user can give it more. Files are written whole or not at all (AtomicFile,
      // Renderer.writeAtomically), so nothing is left half-written.
      System.err.print(outOfMemory(HeapCeiling.ofThisJvm()));
      code = ExitCode.PROBLEM;
    }
    System.exit(code);
  }

  static String outOfMemory(HeapCeiling heap) {
    return "casepress: this command ran out of memory (Java was given at most "
        + heap.megabytes()
        + " MB) and stopped. The files it writes are replaced whole or not at all, so it is safe to"
        + " run it again, with more memory: for example"
        + " CASEPRESS_JAVA_OPTS=-Xmx"
        + heap.advised()
        + "m before the command (on Windows: set CASEPRESS_JAVA_OPTS=-Xmx"
        + heap.advised()
        + "m, then the command).\n";
  }
}
