package org.casepress.publish;

/** Where the ledgers of one target are kept. */
public interface LedgerStore {
  /** The ledger of a case study on this store's target; empty when nothing was done yet. */
  Ledger read(String slug);

  /** Replaces the ledger, atomically: a crash leaves the old or the new one. */
  void write(String slug, Ledger ledger);
}
