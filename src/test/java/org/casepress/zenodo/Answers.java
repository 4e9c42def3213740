package org.casepress.zenodo;

import mockwebserver3.MockResponse;

/** Scripted server answers shared by the client's contract tests. */
final class Answers {
  private Answers() {}

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
