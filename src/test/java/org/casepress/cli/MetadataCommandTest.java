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
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.source.Loaded;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.zenodo.DepositMetadata;
import org.casepress.zenodo.DepositMetadata.Edition;
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
  void printsTheFirstEditionsMetadataAsJson() throws IOException {
    Result r = run(FIXTURE, "metadata", "afon-flood-data");
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertEquals("", r.err());
    Loaded loaded = WorkspaceLoader.load(new Workspace(FIXTURE));
    JsonNode expected =
        DepositMetadata.build(
            loaded.caseStudy("afon-flood-data").orElseThrow(), loaded.metadata(), Edition.FIRST);
    assertEquals(expected, JSON.readTree(r.out()));
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
  void editionComesFromTheSuppliedSource() throws Exception {
    Edition v3 = new Edition(3, LocalDate.of(2027, 3, 1));
    MetadataCommand command = new MetadataCommand((workspace, caseStudy) -> v3);
    Options options = new Options().addOption(Option.builder().longOpt("workspace").hasArg().get());
    CommandLine line =
        DefaultParser.builder().build().parse(options, new String[] {"station-sensors"});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        command.run(
            new Invocation(
                line,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err,
                Map.of(),
                FIXTURE));
    assertEquals(ExitCode.OK, code);
    JsonNode printed = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    assertEquals("3", printed.get("version").asText());
    assertEquals("2027-03-01", printed.get("publication_date").asText());
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
