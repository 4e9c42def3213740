package org.casepress.model;

/** Something a case study relates to, e.g. the code repository it describes (DataCite relation). */
public record RelatedIdentifier(String identifier, String relation) {}
