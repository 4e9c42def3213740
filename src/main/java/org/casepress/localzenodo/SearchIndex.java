package org.casepress.localzenodo;

import java.util.HashMap;
import java.util.Map;
import org.casepress.localzenodo.Store.Deposit;

/**
 * What the search engine has seen. Zenodo indexes after the database commit and refreshes about
 * once a second, so a new draft is missing from search and listings for a while ({@link
 * Options#indexLag}, or a number of list calls with {@link Faults#searchLag}); a draft whose
 * indexing was skipped by a 5xx after the commit is missing until it is written again.
 */
final class SearchIndex {
  private final Options options;
  private final Faults faults;
  private final Map<Long, Long> visibleFrom = new HashMap<>();
  private final Map<Long, Integer> hiddenForCalls = new HashMap<>();

  SearchIndex(Options options, Faults faults) {
    this.options = options;
    this.faults = faults;
  }

  /** A new draft was committed; {@code unindexed}: its indexing never happens. */
  synchronized void added(Deposit d, boolean unindexed) {
    if (unindexed) {
      d.unindexed = true;
      return;
    }
    long lag = options.indexLag().toMillis();
    if (lag > 0) {
      visibleFrom.put(d.id, options.clock().millis() + lag);
    }
    int calls = faults.searchLagCalls();
    if (calls > 0) {
      hiddenForCalls.put(d.id, calls);
    }
  }

  /** A write indexes the deposition again, so one that was never indexed now is. */
  synchronized void written(Deposit d) {
    if (d.unindexed) {
      d.unindexed = false;
      added(d, false);
    }
  }

  /** Whether one list or search request sees {@code d}; each call uses up counted lag. */
  synchronized boolean visible(Deposit d) {
    if (d.unindexed) {
      return false;
    }
    Integer calls = hiddenForCalls.get(d.id);
    if (calls != null) {
      if (calls <= 1) {
        hiddenForCalls.remove(d.id);
      } else {
        hiddenForCalls.put(d.id, calls - 1);
      }
      return false;
    }
    Long from = visibleFrom.get(d.id);
    if (from != null) {
      if (options.clock().millis() < from) {
        return false;
      }
      visibleFrom.remove(d.id);
    }
    return true;
  }
}
