package org.casepress.publish;

/** Tells the person at the launch where things are: which case study, which step, how many. */
@FunctionalInterface
public interface Progress {
  Progress SILENT = (index, total, slug, step) -> {};

  /** {@code index} counts from 1 up to {@code total}. */
  void step(int index, int total, String slug, String step);
}
