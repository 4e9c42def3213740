package org.casepress.localzenodo;

/** Every kind of request the embedded server answers, for aiming fault injection. */
public enum Route {
  CREATE(true),
  GET(false),
  UPDATE(true),
  DELETE(false),
  LIST(false),
  UPLOAD(false),
  MULTIPART_UPLOAD(false),
  FILE_LIST(false),
  FILE_GET(false),
  FILE_DELETE(false),
  BUCKET_GET(false),
  BUCKET_DELETE(false),
  PUBLISH(false),
  EDIT(false),
  DISCARD(false),
  NEWVERSION(false),
  RECORD_GET(false),
  RECORD_FILES(false),
  RECORD_SEARCH(false),
  /** {@code GET /api/records/{id}/communities} */
  RECORD_COMMUNITIES(false),
  /** {@code POST /api/records/{id}/communities}: ask for inclusion, notifying the curators. */
  RECORD_COMMUNITIES_ADD(true),
  /** {@code GET /api/records/{id}/requests} */
  RECORD_REQUESTS(false),
  REQUEST_GET(false),
  /** {@code POST /api/requests/{id}/actions/accept} (a curator's decision). */
  REQUEST_ACCEPT(true),
  REQUEST_DECLINE(true),
  COMMUNITY_GET(false),
  /** {@code GET /records/{id}}, {@code /deposit/{id}}, {@code /requests/{id}}: web pages. */
  LANDING_PAGE(false),
  /** No route matched. */
  UNKNOWN(false),
  /** Matches every route in fault rules. */
  ANY(false);

  /** Whether the request carries a JSON body, read in full before the request is carried out. */
  final boolean jsonBody;

  Route(boolean jsonBody) {
    this.jsonBody = jsonBody;
  }

  boolean matches(Route actual) {
    return this == ANY || this == actual;
  }
}
