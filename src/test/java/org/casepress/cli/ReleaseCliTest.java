package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casepress.source.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, in-process on a copy of the example workspace: {@code release} on the
 * local target publishes the approved examples with real PDFs and prints their DOIs; run again, it
 * publishes nothing new and says so.
 */
@Timeout(180)
class ReleaseCliTest {

  @Test
  void releaseOnTheLocalTargetPublishesTheApprovedExamplesOnce(@TempDir Path tmp) throws Exception {
    TestWorkspaces.copy(Path.of("case-studies"), tmp.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), tmp.resolve("metadata"));

    CliRun plan = CliRun.in(tmp, "plan", "--json");
    assertEquals(0, plan.exitCode(), plan.err());
    JsonNode planned = new ObjectMapper().readTree(plan.out());
    assertEquals("local", planned.get("target").asText());
    assertEquals(
        10, planned.get("requests").asInt(), "5 requests for each of the two approved examples");
    assertTrue(
        Files.notExists(tmp.resolve(".casepress/ledgers")), "planning sends and records nothing");

    CliRun first = CliRun.in(tmp, "release");
    assertEquals(0, first.exitCode(), first.out() + first.err());
    List<String> lines = first.out().lines().toList();
    assertTrue(lines.size() <= 24, "fits an 80x24 terminal: " + first.out());
    lines.forEach(l -> assertTrue(l.length() <= 80, "fits 80 columns: " + l));
    List<String> tail = lines.subList(lines.size() - 4, lines.size());
    assertEquals("Published on local:", tail.get(0), first.out());
    assertTrue(
        tail.get(1)
            .matches(
                "  https://doi.org/10\\.5072/zenodo\\.\\d+  fernbank-reproducible-forecasting"),
        "the DOIs come last: " + first.out());
    assertTrue(tail.get(2).endsWith("  northmoor-code-review-tre"), first.out());
    assertTrue(
        tail.get(3).matches("Community: 2 (in the community|pending: awaiting the curators)\\."),
        "as the records say: " + tail.get(3));
    assertTrue(first.out().contains("/announcement.html\n"), "names the file: " + first.out());
    assertTrue(
        first
            .out()
            .contains(
                "To browse the local records, run ./casepress serve and open\n"
                    + "  http://127.0.0.1:4680/\n"),
        "says how to browse the records, with the address: " + first.out());
    String doi = tail.get(1).replaceAll(".*https://doi.org/(\\S+) .*", "$1");
    try (PDDocument pdf =
        Loader.loadPDF(
            tmp.resolve("build/stage/local/fernbank-reproducible-forecasting-v1.pdf").toFile())) {
      assertTrue(
          new PDFTextStripper().getText(pdf).contains(doi),
          "the staged PDF carries the DOI Zenodo minted");
    }
    Path announcement = tmp.resolve("build/launch/local").toFile().listFiles()[0].toPath();
    assertTrue(
        Files.readString(announcement.resolve("announcement.md"))
            .contains("https://doi.org/" + doi));
    assertTrue(Files.isRegularFile(announcement.resolve("citations.bib")));

    CliRun again = CliRun.in(tmp, "release");
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().startsWith("Nothing new to publish on local"), again.out());
    assertTrue(again.err().isEmpty(), "nothing to stage, so no progress lines: " + again.err());

    CliRun status = CliRun.in(tmp, "status");
    assertTrue(status.out().contains("local: published " + doi), status.out());

    assertTrue(
        status
            .out()
            .matches(
                "(?s).*\n  local record: http://127\\.0\\.0\\.1:4680/records/\\d+ \\(./casepress serve\\)\n.*"),
        "the record's address on the board: " + status.out());
    assertTrue(
        status.out().matches("(?s).*\n  local community: pending, request [0-9a-f-]{36}\n.*"),
        "the request, whole, in 80 columns: " + status.out());

    CliRun verify = CliRun.in(tmp, "verify");
    assertEquals(0, verify.exitCode(), verify.out());

    CliRun accept = CliRun.in(tmp, "community", "accept");
    assertEquals(0, accept.exitCode(), accept.out() + accept.err());
    assertTrue(accept.out().contains("Accepted 2 community requests on local"), accept.out());
    CliRun included = CliRun.in(tmp, "status");
    assertEquals(
        2,
        included.out().lines().filter(l -> l.equals("  local community: in the community")).count(),
        "as Zenodo says after community accept: " + included.out());

    CliRun metadata = CliRun.in(tmp, "metadata", "fernbank-reproducible-forecasting");
    assertEquals(0, metadata.exitCode(), metadata.err());
    JsonNode deposited = new ObjectMapper().readTree(metadata.out());
    assertEquals(doi, deposited.get("doi").asText(), "once published, what was deposited");
    assertTrue(metadata.err().contains("is published on local as " + doi + " ("), metadata.err());
    assertTrue(
        deposited.get("related_identifiers").toString().contains("isAlternateIdentifier"),
        deposited.toString());
  }

  @Test
  void productionWithoutATokenStopsBeforeSendingAnything(@TempDir Path tmp) {
    TestWorkspaces.copy(Path.of("case-studies"), tmp.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), tmp.resolve("metadata"));
    CliRun run =
        CliRun.in(
            tmp,
            Map.of("CASEPRESS_USER", "marisol-echeverria"),
            "release",
            "--target",
            "production");
    assertEquals(1, run.exitCode());
    assertTrue(
        run.err()
            .contains("No Zenodo token for production: set the environment variable ZENODO_TOKEN"),
        run.err());
  }
}
