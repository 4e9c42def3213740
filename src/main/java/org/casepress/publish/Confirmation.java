package org.casepress.publish;

import java.util.List;

/** Asked once, after the preflight, before anything is published on production. */
@FunctionalInterface
public interface Confirmation {
  boolean confirm(List<ReadyToPublish> batch);
}
