package org.casepress.cli;

/**
 * A JVM's heap ceiling, and the one to advise when a command ran out of it: twice as much, and at
 * least 1 GB. Shared by the launcher's own JVM ({@link Main}) and the warm process, which say the
 * same thing in their own words.
 *
 * @param megabytes the ceiling, in MiB
 */
public record HeapCeiling(long megabytes) {
  private static final long MEBIBYTE = 1024 * 1024;

  /** This JVM's ceiling. */
  public static HeapCeiling ofThisJvm() {
    return of(Runtime.getRuntime().maxMemory());
  }

  public static HeapCeiling of(long maxHeapBytes) {
    return new HeapCeiling(maxHeapBytes / MEBIBYTE);
  }

  /** The {@code -Xmx} value, in MiB, to try next. */
  public long advised() {
    return Math.max(1024, 2 * megabytes);
  }
}
