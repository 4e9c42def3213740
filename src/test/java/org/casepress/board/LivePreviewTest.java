package org.casepress.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casepress.source.Workspace;
import org.casepress.workflow.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The board's draft PDF follows an edit to a case study while it runs, within two seconds. */
@Timeout(300)
class LivePreviewTest {
  private static final String SLUG = "fernbank-flood-models";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theDraftPdfFollowsAnEditWithinTwoSeconds(@TempDir Path tmp) throws Exception {
    Workspace ws = new Workspace(Fixtures.copyWorkspace(tmp));
    try (Board board = Board.start(ws, 0, false, Duration.ofMillis(250))) {
      // The first rendering warms the renderer (fonts, classes); the promise is about edits after.
      Instant warm = Instant.now().plusSeconds(240);
      while (generation(board) < 1) {
        assertTrue(Instant.now().isBefore(warm), "the first preview appears");
        Thread.sleep(100);
      }
      Path md = ws.caseStudyDir(SLUG).resolve("case-study.md");
      edit(board, md, "An otter was seen at the weir.");
      assertTrue(!pdfText(board).contains("Kingfisher"), "the phrase is new");

      int before = generation(board);
      Instant edited = Instant.now();
      Files.writeString(md, Files.readString(md) + "\nA Kingfisher was seen at the weir.\n");
      // Polling the cheap generation number, not the PDF, leaves the CPU to the board.
      while (generation(board) == before
          && Duration.between(edited, Instant.now()).toMillis() < 10_000) {
        Thread.sleep(20);
      }
      long millis = Duration.between(edited, Instant.now()).toMillis();
      assertTrue(pdfText(board).contains("Kingfisher"), "the new preview shows the edit");
      assertTrue(millis <= 2000, "the preview followed the edit in " + millis + " ms");

      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(board.url() + "/studies/" + SLUG)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("rendering " + generation(board) + ";"), page.body());
    }
  }

  /** An edit like any other, untimed: the board has started and rendered everything once. */
  private void edit(Board board, Path md, String sentence) throws Exception {
    Files.writeString(md, Files.readString(md) + "\n" + sentence + "\n");
    Instant until = Instant.now().plusSeconds(120);
    while (!pdfText(board).contains(sentence)) {
      assertTrue(Instant.now().isBefore(until), "the preview follows the first edit");
      Thread.sleep(100);
    }
  }

  private int generation(Board board) throws Exception {
    return Integer.parseInt(
        http.send(
                HttpRequest.newBuilder(
                        URI.create(board.url() + "/studies/" + SLUG + "/preview-generation"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body()
            .strip());
  }

  private String pdfText(Board board) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(board.url() + "/studies/" + SLUG + "/preview.pdf"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      return "";
    }
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }
}
