package org.casepress.publish;

import java.time.LocalDate;
import org.casepress.model.CaseStudy;
import org.casepress.model.Citation;
import org.casepress.model.Community;

/**
 * A case study version as published: what the launch announcement and citations are made from.
 *
 * @param recordUrl the record's page to open: on Zenodo, or for the local target on the team's
 *     board ({@code ./casepress serve}) at its default address
 * @param community whether the community took the record in, as Zenodo last said
 */
public record Released(
    CaseStudy caseStudy,
    int version,
    LocalDate date,
    String doi,
    String conceptDoi,
    String recordUrl,
    CommunityState community) {

  public Citation citation(Community series) {
    return Citation.of(caseStudy, series, date.getYear(), version, doi);
  }
}
