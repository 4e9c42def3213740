package org.casepress.publish;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a release run.
 *
 * @param announcement the folder of the launch announcement, or null when nothing is published
 * @param warnings differences found after publishing (recorded in the ledger; the batch went on)
 * @param failed case studies that could not be published, each with the reason and the fix; the
 *     others were published and announced
 */
public record ReleaseOutcome(
    List<Released> published,
    List<Released> alreadyPublished,
    Path announcement,
    List<String> warnings,
    List<String> failed) {

  public ReleaseOutcome {
    published = List.copyOf(published);
    alreadyPublished = List.copyOf(alreadyPublished);
    warnings = List.copyOf(warnings);
    failed = List.copyOf(failed);
  }
}
