package org.casepress.zenodo.server;

/** Every kind of request the embedded server answers, for aiming fault injection. */
public enum Route {
  CREATE,
  GET,
  UPDATE,
  DELETE,
  LIST,
  UPLOAD,
  MULTIPART_UPLOAD,
  FILE_LIST,
  FILE_GET,
  FILE_DELETE,
  BUCKET_GET,
  BUCKET_DELETE,
  PUBLISH,
  EDIT,
  DISCARD,
  NEWVERSION,
  RECORD_GET,
  RECORD_FILES,
  RECORD_SEARCH,
  COMMUNITY_GET,
  /** No route matched. */
  UNKNOWN,
  /** Matches every route in fault rules. */
  ANY;

  boolean matches(Route actual) {
    return this == ANY || this == actual;
  }
}
