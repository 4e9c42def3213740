package org.casepress.publish;

import java.util.List;

/** Asked once, after the preflight, before anything is published on production. */
@FunctionalInterface
public interface Confirmation {
  boolean confirm(List<ReadyToPublish> batch);

  /**
   * Asked when the preflight blocked some case studies of the batch: whether to publish only the
   * ready ones now. Unless a front-end asks the coordinator, nothing is published.
   *
   * @param blocked one line per blocked case study, with its fix
   */
  default boolean publishReadySubset(List<String> blocked, List<ReadyToPublish> ready) {
    return false;
  }
}
