package org.casepress.publish;

/** What a stage run did to one case study, and the DOI its PDF carries. */
public record Staged(String slug, StageOutcome outcome, String reservedDoi) {}
