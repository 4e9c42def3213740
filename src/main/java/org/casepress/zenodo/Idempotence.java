package org.casepress.zenodo;

/** What sending a request a second time could do; decides whether a failed attempt is retried. */
enum Idempotence {
  /** Repeating it changes nothing (reads, full-metadata PUT, bucket PUT, edit). */
  SAFE,
  /** Repeating it after it worked answers 404, which then means success (DELETE, discard). */
  DELETE,
  /**
   * Repeating it could do it twice (create, publish, newversion, a community request): once the
   * request may have reached the server, it is never sent again by this client.
   */
  ONE_SHOT
}
