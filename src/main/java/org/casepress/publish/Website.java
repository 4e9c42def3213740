package org.casepress.publish;

/**
 * Where a person opens a target's records and community requests in a browser: zenodo.org, the
 * sandbox, or, for the local target, the team's board ({@code ./casepress serve}) at its default
 * address. The board answers the same paths on any port, so {@code new Website("")} gives the
 * board's own pages relative links.
 *
 * @param base scheme, host and port, without a trailing slash; "" for links relative to the site
 */
public record Website(String base) {

  public static Website of(TargetKind target) {
    return switch (target) {
      case LOCAL -> new Website(LocalRecords.BOARD_URL);
      case SANDBOX -> new Website("https://sandbox.zenodo.org");
      case PRODUCTION -> new Website("https://zenodo.org");
    };
  }

  /** {@code BASE/records/ID}: the record's landing page. */
  public String record(long id) {
    return base + LocalRecords.recordPath(id);
  }

  /** {@code BASE/requests/ID}: the community-inclusion request, where curators decide on it. */
  public String request(String id) {
    return base + "/requests/" + id;
  }
}
