package org.casepress.publish;

import java.time.LocalDate;
import org.casepress.model.CaseStudy;
import org.casepress.model.Citation;
import org.casepress.model.Community;

/**
 * A case study version as published: what the launch announcement and citations are made from.
 *
 * @param recordUrl the record's page on Zenodo (or on the local server)
 * @param community whether the community accepted the record or the request awaits a curator
 */
public record Released(
    CaseStudy caseStudy,
    int version,
    LocalDate date,
    String doi,
    String conceptDoi,
    String recordUrl,
    CommunityInclusion community) {

  /** Zenodo includes a record in a community at once only if the publisher may curate it. */
  public enum CommunityInclusion {
    ACCEPTED,
    PENDING,
    /** Zenodo refused the inclusion request (the reason is in the run's warnings). */
    FAILED,
    UNKNOWN;

    public String label() {
      return switch (this) {
        case ACCEPTED -> "in the community";
        case PENDING -> "awaiting the community curators";
        case FAILED -> "not put forward to the community";
        case UNKNOWN -> "community status unknown";
      };
    }
  }

  public Citation citation(Community series) {
    return Citation.of(caseStudy, series, date.getYear(), version, doi);
  }
}
