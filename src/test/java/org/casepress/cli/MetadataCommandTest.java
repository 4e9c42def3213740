package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.casepress.publish.DepositPreview;
import org.casepress.publish.TargetKind;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCommandTest {
  private static final Path FIXTURE =
      Path.of("src/test/resources/depmeta/workspace").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Result(int code, String out, String err) {}

  private static Result run(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Cli.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(),
            cwd,
            args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsWhatTheNextStageWouldSend() throws IOException {
    LocalDate before = LocalDate.now(ZoneOffset.UTC);
    Result r = run(FIXTURE, "metadata", "afon-flood-data");
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertEquals("", r.err());
    JsonNode printed = JSON.readTree(r.out());
    LocalDate date = LocalDate.parse(printed.get("publication_date").asText());
    assertTrue(
        date.equals(before) || date.equals(LocalDate.now(ZoneOffset.UTC)),
        "a stage without a launch is dated today: " + date);
    JsonNode expected =
        DepositPreview.of(new Workspace(FIXTURE), "afon-flood-data", TargetKind.LOCAL, null, date)
            .metadata();
    assertEquals(expected, printed);
    JsonNode ours =
        printed.get("related_identifiers").get(printed.get("related_identifiers").size() - 1);
    assertEquals("isAlternateIdentifier", ours.get("relation").asText());
    assertTrue(ours.get("identifier").asText().endsWith(":afon-flood-data:v1"), ours.toString());
    assertEquals("1", printed.get("version").asText());
  }

  @Test
  void jsonFlagChangesNothing() {
    Path cwd = Path.of("").toAbsolutePath();
    Result plain = run(cwd, "metadata", "station-sensors", "--workspace", FIXTURE.toString());
    Result json =
        run(cwd, "metadata", "station-sensors", "--workspace", FIXTURE.toString(), "--json");
    assertEquals(ExitCode.OK, json.code(), json.err());
    assertEquals(plain.out(), json.out());
  }

  @Test
  void versionComesFromStatusJson(@TempDir Path tmp) throws Exception {
    Path ws = TestWorkspaces.copy(FIXTURE, tmp.resolve("ws"));
    Files.writeString(
        ws.resolve("case-studies/station-sensors/status.json"),
        """
        {
          "schema": 1,
          "slug": "station-sensors",
          "state": "draft",
          "version": 3,
          "approved_digest": null,
          "history": [],
          "targets": {}
        }
        """);
    Result r = run(ws, "metadata", "station-sensors", "--launch", "no-such-launch");
    assertEquals(ExitCode.USAGE, r.code(), r.err());
    assertTrue(r.err().contains("There is no launch 'no-such-launch'"), r.err());

    r = run(ws, "metadata", "station-sensors");
    assertEquals(ExitCode.OK, r.code(), r.err());
    JsonNode printed = JSON.readTree(r.out());
    assertEquals("3", printed.get("version").asText());
    JsonNode related = printed.get("related_identifiers");
    assertTrue(
        related.get(related.size() - 1).get("identifier").asText().endsWith(":station-sensors:v3"),
        related.toString());
  }

  @Test
  void caseStudyWithErrorsPrintsThemAndExitsOne(@TempDir Path tmp) throws IOException {
    Path ws = TestWorkspaces.copy(FIXTURE, tmp.resolve("ws"));
    Path file = ws.resolve("case-studies/station-sensors/case-study.md");
    Files.writeString(file, Files.readString(file).replace("  - jose-nunez", "  - jose-nunes"));
    Result r = run(ws, "metadata", "station-sensors");
    assertEquals(ExitCode.PROBLEM, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("case-studies/station-sensors/case-study.md"), r.err());
    assertTrue(
        r.err().contains("Unknown person id 'jose-nunes'; did you mean 'jose-nunez'?"), r.err());
    assertTrue(r.err().contains("./casepress check station-sensors"), r.err());
  }

  @Test
  void unknownSlugIsAProblem() {
    Result r = run(FIXTURE, "metadata", "no-such-study");
    assertEquals(ExitCode.PROBLEM, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("There is no case study 'no-such-study'"), r.err());
  }

  @Test
  void needsExactlyOneSlug() {
    Result r = run(FIXTURE, "metadata");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("Name exactly one case study"), r.err());
  }

  @Test
  void listedInHelp() {
    Result r = run(FIXTURE, "--help");
    assertTrue(r.out().contains("metadata         the Zenodo deposit metadata"), r.out());
  }
}
