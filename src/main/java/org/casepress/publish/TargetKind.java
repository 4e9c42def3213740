package org.casepress.publish;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The three places casepress publishes to. Each keeps its own ledger: {@code local} beside the
 * embedded server's storage under .casepress/, the other two in each case study's status.json.
 */
public enum TargetKind {
  /** The embedded Zenodo-compatible server: rehearsals on one machine, no token. */
  LOCAL,
  /** sandbox.zenodo.org: test DOIs (10.5072), a token of its own. */
  SANDBOX,
  /** zenodo.org: real DOIs, for ever. */
  PRODUCTION;

  /** As written on the command line and in status.json: {@code local}, {@code sandbox}... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TargetKind> parse(String id) {
    return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
  }

  /**
   * Whether publishing here is for real: only what was staged is released, after confirmation, by a
   * coordinator; and the PDF carries Zenodo's pre-reserved DOI.
   */
  public boolean isProduction() {
    return this == PRODUCTION;
  }

  /** A rehearsal stages what is approved and publishes it in the same run. */
  boolean rehearses() {
    return this != PRODUCTION;
  }

  @Override
  public String toString() {
    return id();
  }
}
