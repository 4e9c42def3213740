/**
 * What a pull request's check shows: problems as GitHub annotations, the draft PDF of each changed
 * case study, and a job summary. Used by the {@code check --format github} and {@code pr-report}
 * commands that the repository's workflow runs.
 */
package org.casepress.pullrequest;
