package org.casepress.source;

import java.util.HashSet;
import java.util.Set;

/**
 * People and organisations that metadata lists but could not load, because their entry (or the
 * whole file) has a problem that is already reported. A reference to one of them is not reported
 * again as an unknown id: "Unknown person id 'priya-nandakumar'. Ids are listed in
 * metadata/people.yaml" would be untrue when the id is listed there, and would send the author to
 * the wrong file.
 */
final class Unloaded {
  static final String PERSON = "person";
  static final String ORGANISATION = "organisation";

  private final Set<String> ids = new HashSet<>();
  private final Set<String> wholeFiles = new HashSet<>();

  /** The entry for {@code id} of this kind has a problem of its own. */
  void entry(String kind, String id) {
    ids.add(kind + ":" + id);
  }

  /** The file listing ids of this kind could not be read, so any id may be in it. */
  void wholeFile(String kind) {
    wholeFiles.add(kind);
  }

  boolean excuses(String kind, String id) {
    return wholeFiles.contains(kind) || ids.contains(kind + ":" + id);
  }
}
