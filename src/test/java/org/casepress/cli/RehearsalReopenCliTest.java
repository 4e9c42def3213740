package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casepress.source.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reopen SLUG --target local}, in-process on a copy of the example workspace: refused until
 * something is released there, then a new version released there, with status.json untouched.
 */
@Timeout(180)
class RehearsalReopenCliTest {
  private static final String SLUG = "fernbank-reproducible-forecasting";

  @Test
  void aCorrectionIsRehearsedOnLocalWithoutTouchingStatusJson(@TempDir Path tmp) throws Exception {
    TestWorkspaces.copy(Path.of("case-studies"), tmp.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), tmp.resolve("metadata"));
    Path status = tmp.resolve("case-studies/" + SLUG + "/status.json");

    CliRun early = CliRun.in(tmp, "reopen", SLUG, "--target", "local");
    assertEquals(1, early.exitCode(), early.out() + early.err());
    assertTrue(early.err().contains("nothing of it is published on local"), early.err());
    assertTrue(early.err().contains("./casepress release " + SLUG + " --target local"));

    CliRun v1 = CliRun.in(tmp, "release", SLUG);
    assertEquals(0, v1.exitCode(), v1.out() + v1.err());
    byte[] statusBefore = Files.readAllBytes(status);

    CliRun reopen =
        CliRun.in(tmp, "reopen", SLUG, "--target", "local", "--comment", "a figure was wrong");
    assertEquals(0, reopen.exitCode(), reopen.out() + reopen.err());
    assertTrue(reopen.out().contains("version 2 is open on local"), reopen.out());
    assertTrue(reopen.out().contains("status.json is unchanged"), reopen.out());

    Path md = tmp.resolve("case-studies/" + SLUG + "/case-study.md");
    Files.writeString(md, Files.readString(md) + "\nA correction made after the launch.\n");
    CliRun v2 = CliRun.in(tmp, "release", SLUG);
    assertEquals(0, v2.exitCode(), v2.out() + v2.err());
    assertTrue(v2.out().contains("https://doi.org/10.5072/zenodo."), v2.out());

    assertArrayEquals(statusBefore, Files.readAllBytes(status), "status.json is as it was");
    JsonNode ledger =
        new ObjectMapper()
            .readTree(tmp.resolve(".casepress/ledgers/local/" + SLUG + ".json").toFile());
    JsonNode first = ledger.path("versions").path("1");
    JsonNode second = ledger.path("versions").path("2");
    assertEquals("VERIFIED", second.path("phase").asText(), ledger.toString());
    assertTrue(first.path("deposit_id").asLong() != second.path("deposit_id").asLong());
    assertTrue(!first.path("doi").asText().equals(second.path("doi").asText()));
    assertEquals(first.path("concept_doi").asText(), second.path("concept_doi").asText());
    assertEquals(2, ledger.path("reopened").path("version").asInt());
    assertEquals("a figure was wrong", ledger.path("reopened").path("comment").asText());

    CliRun help = CliRun.in(tmp, "reopen", "--help");
    assertTrue(help.out().contains("status.json (the review state"), help.out());
  }
}
