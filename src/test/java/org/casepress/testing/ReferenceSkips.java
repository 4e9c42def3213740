package org.casepress.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the tests and containers skipped because reference material is absent and prints one line
 * per missing folder at the end of the run, so a lone clone says what it did not test. Registered
 * through META-INF/services.
 */
public final class ReferenceSkips implements TestExecutionListener {
  private final Map<String, AtomicInteger> skipped = new TreeMap<>();

  @Override
  public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() != TestExecutionResult.Status.ABORTED) {
      return;
    }
    String message = result.getThrowable().map(Throwable::getMessage).orElse("");
    int at = message.indexOf(ReferenceMaterial.ABSENT);
    if (at < 0) {
      return;
    }
    String rest = message.substring(at + ReferenceMaterial.ABSENT.length());
    String folder = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
    skipped.computeIfAbsent(folder, f -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan plan) {
    skipped.forEach(
        (folder, count) ->
            System.out.println(
                "[reference material] "
                    + count
                    + " test(s) or test containers skipped: "
                    + folder
                    + " is absent (they run where ../shared is present, as on CI)"));
  }
}
