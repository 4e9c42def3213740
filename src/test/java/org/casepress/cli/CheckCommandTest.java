package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.casepress.source.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath();

  @Test
  void exampleWorkspaceOfTheRepositoryIsClean() {
    CliRun run = CliRun.in(REPOSITORY, "check");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    // One warning, by design: northmoor's (fictional) funder has no Funder Registry DOI, so check
    // says its funding goes to the record's notes.
    assertTrue(
        run.out().endsWith("OK: 4 case studies and the metadata check out, with 1 warning.\n"),
        run.out());
  }

  @Test
  void cleanWorkspaceExitsZero(@TempDir Path tmp) {
    Path ws = TestWorkspaces.copy(TestWorkspaces.BASE, tmp);
    CliRun run = CliRun.in(ws.resolve("case-studies/base-study"), "check");
    assertEquals(0, run.exitCode());
    assertEquals("OK: 1 case study and the metadata check out.\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void problemsAreGroupedByFileAndExitOne(@TempDir Path tmp) throws Exception {
    Path ws = TestWorkspaces.copy(TestWorkspaces.BASE, tmp);
    replace(
        ws.resolve("case-studies/base-study/case-study.md"), "language: en", "language: english");
    replace(ws.resolve("metadata/people.yaml"), "0000-0002-1825-0097", "0000-0002-1825-0098");
    Map<String, String> before = TestWorkspaces.snapshot(ws);

    CliRun run = CliRun.in(ws, "check");

    assertEquals(1, run.exitCode());
    assertEquals(
        List.of(
            "case-studies/base-study/case-study.md",
            "  13:1    error   language: 'english' is not an ISO 639-1 language code; write 'en' instead.",
            "",
            "metadata/people.yaml",
            "  5:5     error   people[0].orcid: The ORCID iD '0000-0002-1825-0098' fails its checksum (the last character should be '7'): a digit was probably mistyped; copy it from the person's ORCID record.",
            "",
            "2 errors in 2 files. Fix the errors and run ./casepress check again."),
        run.out().lines().toList());
    assertEquals(before, TestWorkspaces.snapshot(ws), "check writes nothing");
  }

  @Test
  void jsonOutputHasTheDocumentedShape(@TempDir Path tmp) throws Exception {
    Path ws = TestWorkspaces.copy(TestWorkspaces.BASE, tmp);
    replace(
        ws.resolve("case-studies/base-study/case-study.md"), "language: en", "language: english");

    CliRun run = CliRun.in(ws, "check", "--json");

    assertEquals(1, run.exitCode());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(List.of("ok", "errors", "warnings", "case_studies", "problems"), fieldNames(json));
    assertEquals(false, json.get("ok").asBoolean());
    assertEquals(1, json.get("errors").asInt());
    assertEquals("base-study", json.get("case_studies").get(0).asText());
    JsonNode problem = json.get("problems").get(0);
    assertEquals(
        List.of("file", "line", "column", "field", "severity", "message"), fieldNames(problem));
    assertEquals("case-studies/base-study/case-study.md", problem.get("file").asText());
    assertEquals(13, problem.get("line").asInt());
    assertEquals("language", problem.get("field").asText());
    assertEquals("error", problem.get("severity").asText());
  }

  @Test
  void namedSlugsOnlyAndUnknownSlugIsAProblem(@TempDir Path tmp) {
    Path ws = TestWorkspaces.copy(TestWorkspaces.BASE, tmp);
    assertEquals(0, CliRun.in(ws, "check", "base-study").exitCode());
    CliRun run = CliRun.in(ws, "check", "no-such-study");
    assertEquals(1, run.exitCode());
    assertTrue(
        run.out().contains("There is no case study 'no-such-study'. Known: base-study."),
        run.out());
  }

  @Test
  void usageErrorsExitTwo(@TempDir Path tmp) {
    Path ws = TestWorkspaces.copy(TestWorkspaces.BASE, tmp);
    CliRun badOption = CliRun.in(ws, "check", "--frobnicate");
    assertEquals(2, badOption.exitCode());
    assertTrue(badOption.err().contains("Unrecognized option: --frobnicate"), badOption.err());

    CliRun noWorkspace = CliRun.in(tmp.getParent(), "check");
    assertEquals(2, noWorkspace.exitCode());
    assertTrue(noWorkspace.err().contains("No casepress workspace here"), noWorkspace.err());

    assertEquals(2, CliRun.in(ws, "frobnicate").exitCode());
    assertEquals(2, CliRun.in(ws).exitCode());
  }

  @Test
  void workspaceOptionPointsAtAnotherFolder(@TempDir Path tmp) {
    Path ws = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws"));
    assertEquals(0, CliRun.in(tmp, "check", "--workspace", "ws").exitCode());
    CliRun wrong = CliRun.in(tmp, "check", "--workspace", ".");
    assertEquals(2, wrong.exitCode());
    assertTrue(wrong.err().contains("is not a casepress workspace"), wrong.err());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void replace(Path file, String find, String replacement) throws Exception {
    Files.writeString(file, Files.readString(file).replace(find, replacement));
  }
}
