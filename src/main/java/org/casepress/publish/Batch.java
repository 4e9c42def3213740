package org.casepress.publish;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.casepress.zenodo.Sleeper;

/**
 * Runs one step (stage, publish) for every case study of a batch so that none holds up the others:
 * a case study whose step is {@link Unresolved} is set aside, the batch goes on, and the set-aside
 * ones are tried again between the others once their pause has passed, then after them, until each
 * is resolved. Each try is a bounded look (the {@link Publisher} decides when its bound is spent
 * and acts), so the run ends.
 */
final class Batch {
  /** One case study's step; {@code resumed} is true when it was set aside before. */
  @FunctionalInterface
  interface Step<I, T> {
    T run(I item, boolean resumed) throws IOException, Unresolved;
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final Progress progress;
  private final Duration pause;

  Batch(Clock clock, Sleeper sleeper, Progress progress, Duration pause) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.progress = progress;
    this.pause = pause;
  }

  private record Aside<I>(int index, I item, Instant triedAt) {}

  /**
   * Runs {@code step} once for each item, in order, and never waits: the items whose step is
   * unresolved are returned with the time they were tried, for {@link #run} to come back to once
   * their pause has passed, between its other items.
   */
  <I> Map<I, Instant> tryOnce(
      List<I> items, Function<I, String> slug, String label, Step<I, ?> step) throws IOException {
    Map<I, Instant> unresolved = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      progress.step(i + 1, items.size(), slug.apply(items.get(i)), label);
      try {
        step.run(items.get(i), false);
      } catch (Unresolved u) {
        progress.waiting(u.waitState());
        unresolved.put(items.get(i), clock.instant());
      }
    }
    return unresolved;
  }

  /**
   * Runs {@code step} for each item; {@code label} is what progress says a fresh item is at.
   *
   * @return the results in the order of {@code items}
   */
  <I, T> List<T> run(List<I> items, Function<I, String> slug, String label, Step<I, T> step)
      throws IOException {
    return run(items, slug, label, step, Map.of());
  }

  /**
   * Runs {@code step} for each item, as {@link #run(List, Function, String, Step)} does, but the
   * items in {@code unresolved} (from {@link #tryOnce}) start out set aside, as tried then.
   */
  <I, T> List<T> run(
      List<I> items,
      Function<I, String> slug,
      String label,
      Step<I, T> step,
      Map<I, Instant> unresolved)
      throws IOException {
    List<T> results = new ArrayList<>(java.util.Collections.nCopies(items.size(), null));
    LinkedList<Aside<I>> aside = new LinkedList<>();
    for (int i = 0; i < items.size(); i++) {
      Instant tried = unresolved.get(items.get(i));
      if (tried != null) {
        aside.addLast(new Aside<>(i, items.get(i), tried));
      }
    }
    for (int i = 0; i < items.size(); i++) {
      if (unresolved.containsKey(items.get(i))) {
        continue; // its wait is under way, and progress says so at each look
      }
      progress.step(i + 1, items.size(), slug.apply(items.get(i)), label);
      attempt(i, items.get(i), false, step, results, aside);
      resumeDue(step, results, aside);
    }
    while (!aside.isEmpty()) {
      Aside<I> next = aside.removeFirst();
      Duration left = Duration.between(clock.instant(), next.triedAt().plus(pause));
      if (left.compareTo(Duration.ZERO) > 0) {
        sleeper.sleep(left);
      }
      attempt(next.index(), next.item(), true, step, results, aside);
    }
    return results;
  }

  /** Tries again, once each, the set-aside items whose pause has passed. */
  private <I, T> void resumeDue(Step<I, T> step, List<T> results, LinkedList<Aside<I>> aside)
      throws IOException {
    Instant now = clock.instant();
    List<Aside<I>> due = new ArrayList<>();
    for (Iterator<Aside<I>> it = aside.iterator(); it.hasNext(); ) {
      Aside<I> a = it.next();
      if (!a.triedAt().plus(pause).isAfter(now)) {
        due.add(a);
        it.remove();
      }
    }
    for (Aside<I> a : due) {
      attempt(a.index(), a.item(), true, step, results, aside);
    }
  }

  private <I, T> void attempt(
      int index,
      I item,
      boolean resumed,
      Step<I, T> step,
      List<T> results,
      LinkedList<Aside<I>> aside)
      throws IOException {
    try {
      results.set(index, step.run(item, resumed));
    } catch (Unresolved u) {
      progress.waiting(u.waitState());
      aside.addLast(new Aside<>(index, item, clock.instant()));
    }
  }
}
