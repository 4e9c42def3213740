package org.casepress.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What the publish package's thread pools share. */
final class Pools {
  private Pools() {}

  /**
   * A pool of {@code threads} threads named {@code name} and a number from 1, so that a stack dump
   * (and a test) says what they are. They are daemons: a render that ignores the interrupt must not
   * keep the process alive after main.
   */
  static ExecutorService daemons(String name, int threads) {
    AtomicInteger made = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread t = new Thread(task, name + made.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

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
