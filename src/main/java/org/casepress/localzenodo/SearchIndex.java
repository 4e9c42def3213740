package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
  private final Map<Long, Stale> staleViews = new HashMap<>();

  /** How the index still shows a deposition, until a time on the server's clock. */
  private record Stale(ObjectNode view, long until) {}

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
    if (faults.takeIdentifiersUnindexed()) {
      d.identifiersUnindexed = true;
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
    d.identifiersUnindexed = false;
    if (d.unindexed) {
      d.unindexed = false;
      added(d, false);
    }
  }

  /**
   * A draft is about to be published, and {@code viewNow} is how it looks: with {@link
   * Faults#staleAfterPublish} armed, listings keep showing that for a while.
   */
  synchronized void publishing(Deposit d, Supplier<ObjectNode> viewNow) {
    Duration lag = faults.staleAfterPublish();
    if (!lag.isZero()) {
      staleViews.put(d.id, new Stale(viewNow.get(), options.clock().millis() + lag.toMillis()));
    }
  }

  /** How listings show {@code d} while the index has not caught up, if it has not. */
  synchronized Optional<ObjectNode> staleView(Deposit d) {
    Stale stale = staleViews.get(d.id);
    if (stale == null) {
      return Optional.empty();
    }
    if (options.clock().millis() >= stale.until()) {
      staleViews.remove(d.id);
      return Optional.empty();
    }
    return Optional.of(stale.view().deepCopy());
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
