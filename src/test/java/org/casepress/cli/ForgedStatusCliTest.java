package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casepress.source.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forgery of issue 14: a status.json whose history is one entry, draft to approved by someone
 * not in people.yaml, version 7. status, plan and history accepted it and release published it as
 * v7; now every command names the file and the first bad entry, and nothing is published.
 */
@Timeout(120)
class ForgedStatusCliTest {
  private static final String SLUG = "fernbank-reproducible-forecasting";

  @Test
  void noCommandActsOnAForgedHistory(@TempDir Path tmp) throws IOException {
    TestWorkspaces.copy(Path.of("case-studies"), tmp.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), tmp.resolve("metadata"));
    Path status = tmp.resolve("case-studies/" + SLUG + "/status.json");
    String real = Files.readString(status);
    String digest = real.replaceAll("(?s).*\"approved_digest\": \"([^\"]+)\".*", "$1");
    Files.writeString(
        status,
        "{\n  \"schema\": 1,\n  \"slug\": \""
            + SLUG
            + "\",\n  \"state\": \"approved\",\n  \"version\": 7,\n  \"approved_digest\": \""
            + digest
            + "\",\n  \"history\": [\n    {\n      \"time\": \"2026-11-25T16:59:48Z\",\n"
            + "      \"actor\": \"mallory\",\n      \"action\": \"approve\",\n"
            + "      \"from\": \"draft\",\n      \"to\": \"approved\",\n      \"version\": 7,\n"
            + "      \"comment\": null,\n      \"digest\": \""
            + digest
            + "\"\n    }\n  ],\n  \"targets\": {}\n}\n");
    byte[] forged = Files.readAllBytes(status);
    String where =
        "case-studies/"
            + SLUG
            + "/status.json:11: history[0]: 'approve' cannot be taken from 'draft'";

    for (String[] args :
        new String[][] {
          {"status"}, {"history", SLUG}, {"plan", SLUG}, {"release", SLUG}, {"stage", SLUG}
        }) {
      CliRun run = CliRun.in(tmp, args);
      assertEquals(1, run.exitCode(), String.join(" ", args) + ": " + run.out() + run.err());
      assertTrue(
          (run.out() + run.err()).contains(where), String.join(" ", args) + ": " + run.err());
    }
    assertArrayEquals(forged, Files.readAllBytes(status), "the file is left as it is");
    assertFalse(Files.exists(tmp.resolve(".casepress/ledgers")), "nothing was staged");
  }
}
