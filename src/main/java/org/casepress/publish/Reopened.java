package org.casepress.publish;

/**
 * What a rehearsal's reopen did on one target ({@link Session#reopen}).
 *
 * @param version the version now open on that target
 * @param follows the DOI of the version it follows there
 * @param reviewVersion the case study's own version in status.json, which did not change
 */
public record Reopened(
    String slug, TargetKind target, int version, String follows, int reviewVersion) {}
