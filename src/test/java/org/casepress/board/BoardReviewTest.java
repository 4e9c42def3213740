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
import org.casepress.source.Workspace;
import org.casepress.workflow.Fixtures;
import org.casepress.workflow.ReviewWorkflow;
import org.casepress.workflow.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The board changes nothing unless told, and then only through its own review form. */
@Timeout(120)
class BoardReviewTest {
  private static final String SLUG = "fernbank-flood-models";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void readOnlyBoardRefusesAReviewStep(@TempDir Path tmp) throws Exception {
    Workspace ws = submitted(tmp);
    String before = Files.readString(ws.caseStudyDir(SLUG).resolve("status.json"));
    try (Board board = Board.start(ws, 0, false, Duration.ofSeconds(30))) {
      HttpResponse<String> r = post(board, board.url(), "step=start-review&as=morgan-ellis");
      assertEquals(403, r.statusCode());
      assertTrue(r.body().contains("--allow-review"), r.body());
      assertTrue(
          !get(board, "/studies/" + SLUG).contains("<form"), "a read-only board shows no form");
    }
    assertEquals(before, Files.readString(ws.caseStudyDir(SLUG).resolve("status.json")));
  }

  @Test
  void allowReviewRecordsAStepFromItsOwnPageOnly(@TempDir Path tmp) throws Exception {
    Workspace ws = submitted(tmp);
    try (Board board = Board.start(ws, 0, true, Duration.ofSeconds(30))) {
      assertTrue(get(board, "/studies/" + SLUG).contains("<form class=\"review\""));
      HttpResponse<String> elsewhere =
          post(board, "https://example.org", "step=start-review&as=morgan-ellis");
      assertEquals(403, elsewhere.statusCode(), "a form on another site cannot record a step");

      HttpResponse<String> r =
          post(board, board.url(), "step=start-review&as=morgan-ellis&comment=Looking+now");
      assertEquals(303, r.statusCode(), r.body());
      assertEquals(
          "/studies/" + SLUG + "?done=start-review", r.headers().firstValue("Location").orElse(""));
      assertEquals(
          "in-review", new ReviewWorkflow(ws).status(SLUG).state().id(), "the step is recorded");

      HttpResponse<String> refused = post(board, board.url(), "step=approve&as=priya-nandakumar");
      assertEquals(409, refused.statusCode());
      assertTrue(refused.body().contains("cannot run approve"), refused.body());
    }
  }

  @Test
  void answersOnlyToItsLoopbackName(@TempDir Path tmp) throws Exception {
    Workspace ws = submitted(tmp);
    try (Board board = Board.start(ws, 0, false, Duration.ofSeconds(30))) {
      // What a rebinding attack sends: the attacker's name in Host, for our address.
      java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(board.url()).getPort());
      try (socket) {
        socket
            .getOutputStream()
            .write(
                "GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n".getBytes());
        String answer = new String(socket.getInputStream().readAllBytes());
        assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
      }
    }
  }

  private static Workspace submitted(Path tmp) {
    Workspace ws = new Workspace(Fixtures.copyWorkspace(tmp));
    new ReviewWorkflow(ws).apply(SLUG, Transition.SUBMIT, "priya-nandakumar", null);
    return ws;
  }

  private String get(Board board, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(board.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private HttpResponse<String> post(Board board, String origin, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(board.url() + "/studies/" + SLUG + "/review"))
            .header("Origin", origin)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
