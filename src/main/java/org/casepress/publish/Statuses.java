package org.casepress.publish;

import java.util.HashMap;
import java.util.Map;
import org.casepress.source.Workspace;
import org.casepress.workflow.ContentDigest;
import org.casepress.workflow.StatusFile;
import org.casepress.workflow.StatusStore;

/**
 * The status.json and content digest of each case study, read once per session and carried: the
 * session holds the workspace lock, so nobody else writes them meanwhile. Writes go to the file at
 * once (atomically) and replace what is carried.
 */
final class Statuses {
  private final Workspace workspace;
  private final StatusStore store;
  private final Map<String, StatusFile> read = new HashMap<>();
  private final Map<String, String> digests = new HashMap<>();

  Statuses(Workspace workspace) {
    this.workspace = workspace;
    this.store = new StatusStore(workspace);
  }

  /** Statuses that already carry {@code status}, read by someone else. */
  static Statuses carrying(Workspace workspace, StatusFile status) {
    Statuses statuses = new Statuses(workspace);
    statuses.replaced(status);
    return statuses;
  }

  /** Where the case study's status.json is, relative to the workspace, for messages. */
  String file(String slug) {
    return workspace.relative(store.file(slug));
  }

  StatusFile of(String slug) {
    return read.computeIfAbsent(slug, store::read);
  }

  void write(StatusFile status) {
    store.write(status);
    read.put(status.slug(), status);
  }

  /** A status written by someone else in this session (the review workflow): carry it on. */
  void replaced(StatusFile status) {
    read.put(status.slug(), status);
  }

  /** The content digest of the case study's folder, as an approval pins it. */
  String digest(String slug) {
    return digests.computeIfAbsent(
        slug, s -> ContentDigest.of(workspace, workspace.caseStudyDir(s)));
  }

  /** Approved, and the files are exactly those approved: the only thing publishing stages. */
  boolean approvedAndUnchanged(String slug) {
    return of(slug).approvedAs(digest(slug));
  }
}
