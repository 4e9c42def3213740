package org.casepress.publish;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a release run.
 *
 * @param announcement the folder of the launch announcement, or null when nothing is published
 */
public record ReleaseOutcome(
    List<Released> published, List<Released> alreadyPublished, Path announcement) {

  public ReleaseOutcome {
    published = List.copyOf(published);
    alreadyPublished = List.copyOf(alreadyPublished);
  }
}
