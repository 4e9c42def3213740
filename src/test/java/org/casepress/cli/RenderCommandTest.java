package org.casepress.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casepress.render.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  @TempDir Path ws;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void copyWorkspace() throws IOException {
    Fixtures.copy(Fixtures.WORKSPACE, ws);
  }

  private int run(Map<String, String> env, String... args) {
    out.reset();
    err.reset();
    return Cli.run(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        env,
        ws,
        args);
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rendersADraftToTheBuildFolder() throws Exception {
    assertEquals(0, run("render", "river-sensors", "--date", "2026-12-10"), err());
    Path pdf = ws.resolve("build/pdf/river-sensors.pdf");
    assertTrue(
        out().matches("(?s).*Wrote build/pdf/river-sensors\\.pdf \\(\\d+ pages, draft\\)\\..*"),
        out());
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertEquals(
          2026, doc.getDocumentInformation().getCreationDate().get(java.util.Calendar.YEAR));
      assertEquals(
          10, doc.getDocumentInformation().getCreationDate().get(java.util.Calendar.DAY_OF_MONTH));
    }
  }

  @Test
  void twoRunsWithoutADateGiveTheSameBytes() throws Exception {
    assertEquals(0, run("render", "river-sensors", "--output", "one.pdf"), err());
    assertEquals(0, run("render", "river-sensors", "--output", "two.pdf"), err());
    assertArrayEquals(
        Files.readAllBytes(ws.resolve("one.pdf")), Files.readAllBytes(ws.resolve("two.pdf")));
  }

  @Test
  void sourceDateEpochSetsTheDate() throws Exception {
    assertEquals(
        0,
        run(Map.of("SOURCE_DATE_EPOCH", "1767225600"), "render", "river-sensors", "--final"),
        err());
    try (PDDocument doc = Loader.loadPDF(ws.resolve("build/pdf/river-sensors.pdf").toFile())) {
      assertEquals(
          2026, doc.getDocumentInformation().getCreationDate().get(java.util.Calendar.YEAR));
      assertEquals(0, doc.getDocumentInformation().getCreationDate().get(java.util.Calendar.MONTH));
    }
  }

  @Test
  void refusesACaseStudyWithErrors() throws Exception {
    Path md = ws.resolve("case-studies/river-sensors/case-study.md");
    Files.writeString(
        md, Files.readString(md).replace("(figures/sensor-map.png)", "(figures/nowhere.png)"));
    assertEquals(1, run("render", "river-sensors"));
    assertTrue(err().contains("case-studies/river-sensors/case-study.md"), err());
    assertTrue(err().contains("does not exist"), err());
    assertTrue(err().contains("Not rendering river-sensors"), err());
    assertFalse(Files.exists(ws.resolve("build/pdf/river-sensors.pdf")));
  }

  @Test
  void unknownCaseStudyIsAProblem() {
    assertEquals(1, run("render", "no-such-study"));
    assertTrue(err().contains("There is no case study 'no-such-study'"), err());
  }

  @Test
  void usageErrors() {
    assertEquals(2, run("render"));
    assertEquals(2, run("render", "--all", "river-sensors"));
    assertEquals(2, run("render", "river-sensors", "--date", "10/12/2026"));
    assertTrue(err().contains("YYYY-MM-DD"), err());
  }

  @Test
  void allWithJson() throws Exception {
    assertEquals(0, run("render", "--all", "--json"), err());
    JsonNode json = new ObjectMapper().readTree(out());
    assertTrue(json.get("ok").asBoolean());
    assertEquals("draft", json.get("mode").asText());
    JsonNode river = null;
    for (JsonNode pdf : json.get("pdfs")) {
      river = pdf.get("slug").asText().equals("river-sensors") ? pdf : river;
    }
    assertNotNull(river, out());
    assertEquals("build/pdf/river-sensors.pdf", river.get("output").asText());
    assertEquals(0, river.get("problems").size(), out());
    assertTrue(Files.isRegularFile(ws.resolve("build/pdf/river-sensors.pdf")));
  }

  @Test
  void allRendersInParallelTheSameBytesAsOneAtATime(@TempDir Path examples) throws Exception {
    org.casepress.source.TestWorkspaces.copy(
        Path.of("case-studies"), examples.resolve("case-studies"));
    org.casepress.source.TestWorkspaces.copy(Path.of("metadata"), examples.resolve("metadata"));
    String[] slugs;
    try (var folders = Files.list(examples.resolve("case-studies"))) {
      slugs =
          folders
              .filter(d -> Files.isRegularFile(d.resolve("case-study.md")))
              .map(d -> d.getFileName().toString())
              .sorted()
              .toArray(String[]::new);
    }
    assertTrue(slugs.length >= 2, "the examples give the batch something to share out");
    ws = examples;
    assertEquals(0, run("render", "--all", "--final", "--date", "2026-12-10", "--json"), err());
    JsonNode pdfs = new ObjectMapper().readTree(out()).get("pdfs");
    assertEquals(slugs.length, pdfs.size());
    for (int i = 0; i < slugs.length; i++) {
      assertEquals(slugs[i], pdfs.get(i).get("slug").asText(), "results keep the slugs' order");
      Path single = examples.resolve("single-" + slugs[i] + ".pdf");
      assertEquals(
          0,
          run("render", slugs[i], "--final", "--date", "2026-12-10", "--output", single.toString()),
          err());
      assertArrayEquals(
          Files.readAllBytes(single),
          Files.readAllBytes(examples.resolve("build/pdf/" + slugs[i] + ".pdf")),
          slugs[i] + ": a render in the parallel batch must give the bytes of a render alone");
    }
  }
}
