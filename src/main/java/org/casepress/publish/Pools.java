package org.casepress.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** What the publish package's thread pools share. */
final class Pools {
  private Pools() {}

  /**
   * Waits until every task of a pool that was shut down has ended, even when this thread is
   * interrupted meanwhile: no pool thread may be left writing a PDF (or into a folder about to be
   * removed) after its caller returns. The interrupt is kept for the caller.
   */
  static void awaitTermination(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
