package org.casepress.localzenodo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Failures the real Zenodo is known to produce (docs/zenodo.md), switched on by tests. Each rule
 * fires a given number of times and is then spent.
 */
public final class Faults {
  enum When {
    BEFORE,
    AFTER_COMMIT
  }

  /**
   * One failure. {@code unindexed}: what the request created is never indexed. {@code late}: the
   * request is answered at once and carried out only after this delay (null: at once).
   */
  record Rule(Route route, int status, boolean html, When when, boolean unindexed, Duration late) {
    Rule(Route route, int status, boolean html, When when) {
      this(route, status, html, when, false, null);
    }
  }

  private final List<Rule> rules = new ArrayList<>();
  private final List<Integer> counts = new ArrayList<>();
  private int rateLimitBurst;
  private int drops;
  private int searchLagCalls;
  private RandomFaults random;

  /**
   * The action is carried out and saved, then {@code status} is answered instead (HTML for
   * 502/503/504, JSON otherwise): "publish timed out, yet it was published".
   */
  public synchronized Faults failAfterCommit(Route route, int status, int times) {
    return add(new Rule(route, status, isProxy(status), When.AFTER_COMMIT), times);
  }

  /**
   * Like {@link #failAfterCommit}, and what the request created (a draft, by {@code CREATE} or
   * {@code NEWVERSION}) is never indexed: it exists, but no search or listing shows it until it is
   * written again (docs/local-zenodo.md, "Search": indexing runs after the commit).
   */
  public synchronized Faults failAfterCommitUnindexed(Route route, int status, int times) {
    return add(new Rule(route, status, isProxy(status), When.AFTER_COMMIT, true, null), times);
  }

  /**
   * The proxy gives up (504, HTML) at once, while the request is still being carried out: it takes
   * effect {@code delay} later. Until then reads show the old state, and the same write on the same
   * deposition fails with 500 instead of being done twice (zenodo/zenodo-rdm#1456).
   */
  public synchronized Faults applyLate(Route route, Duration delay, int times) {
    if (route == Route.UPLOAD || route == Route.MULTIPART_UPLOAD) {
      // An upload's body is streamed: once the 504 is sent there is nothing left to apply.
      throw new IllegalArgumentException("applyLate needs a JSON route or an action, not " + route);
    }
    return add(new Rule(route, 504, true, When.AFTER_COMMIT, false, delay), times);
  }

  /** {@code status} with Zenodo's JSON error body, before anything is done. */
  public synchronized Faults failBeforeCommit(Route route, int status, int times) {
    return add(new Rule(route, status, false, When.BEFORE), times);
  }

  /** A proxy's HTML error page with {@code status}, before anything is done. */
  public synchronized Faults htmlError(Route route, int status, int times) {
    return add(new Rule(route, status, true, When.BEFORE), times);
  }

  /** The next {@code n} requests get 429 with {@code Retry-After: 1}. */
  public synchronized Faults rateLimitBurst(int n) {
    rateLimitBurst += n;
    return this;
  }

  /** The next {@code times} uploads lose their connection after half the body. */
  public synchronized Faults dropConnectionMidUpload(int times) {
    drops += times;
    return this;
  }

  /**
   * Depositions created from now on stay missing from {@code GET /deposit/depositions} for the next
   * {@code listCalls} list requests (search is eventually consistent).
   */
  public synchronized Faults searchLag(int listCalls) {
    searchLagCalls = listCalls;
    return this;
  }

  /**
   * From now on each request fails, with probability {@code rate}, in one of the ways above drawn
   * at random from {@code seed} (for a soak against a server in another process).
   */
  public synchronized Faults atRandom(double rate, long seed) {
    random = new RandomFaults(rate, seed);
    return this;
  }

  /** How many faults {@link #atRandom} has injected so far. */
  public synchronized int injectedAtRandom() {
    return random == null ? 0 : random.injected();
  }

  /** Draws this request's random fault, if {@link #atRandom} is on. */
  void drawAtRandom(Route route) {
    RandomFaults r;
    synchronized (this) {
      r = random;
    }
    if (r != null) {
      r.draw(route, this);
    }
  }

  public synchronized void clear() {
    rules.clear();
    counts.clear();
    rateLimitBurst = 0;
    drops = 0;
    searchLagCalls = 0;
    random = null;
  }

  private static boolean isProxy(int status) {
    return status == 502 || status == 503 || status == 504;
  }

  /** Puts back a rule taken for a request that then failed before doing anything. */
  synchronized void restore(Rule rule) {
    rules.add(0, rule);
    counts.add(0, 1);
  }

  private Faults add(Rule rule, int times) {
    rules.add(rule);
    counts.add(times);
    return this;
  }

  synchronized Optional<Rule> take(Route route, When when) {
    Iterator<Rule> it = rules.iterator();
    for (int i = 0; it.hasNext(); i++) {
      Rule r = it.next();
      if (r.when() == when && r.route().matches(route)) {
        int left = counts.get(i) - 1;
        if (left <= 0) {
          it.remove();
          counts.remove(i);
        } else {
          counts.set(i, left);
        }
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  synchronized boolean takeRateLimit() {
    if (rateLimitBurst > 0) {
      rateLimitBurst--;
      return true;
    }
    return false;
  }

  synchronized boolean takeDrop() {
    if (drops > 0) {
      drops--;
      return true;
    }
    return false;
  }

  synchronized int searchLagCalls() {
    return searchLagCalls;
  }
}
