package org.casepress.model;

/** Who funded the work a case study describes. */
public record Funding(String funder, String award) {}
