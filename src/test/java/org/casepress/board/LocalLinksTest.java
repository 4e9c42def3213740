package org.casepress.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.casepress.cli.Cli;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.localzenodo.Options;
import org.casepress.publish.Destination;
import org.casepress.publish.LocalRecords;
import org.casepress.publish.ReleaseOutcome;
import org.casepress.publish.Released;
import org.casepress.publish.Session;
import org.casepress.publish.TargetKind;
import org.casepress.source.TestWorkspaces;
import org.casepress.source.Workspace;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a local release through {@link Session}, every local record and request link casepress
 * wrote (the ledgers, announcement.md and .html, {@code status --json}) opens, with the case
 * study's title, on the board started on any port and on the standalone {@code local-zenodo}: the
 * links hold no port of the run that made them, or the board's default one, which the test maps
 * onto the port each server was given.
 */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalLinksTest {
  private static final Pattern WRITTEN =
      Pattern.compile(Pattern.quote(LocalRecords.BOARD_URL) + "(/(?:records|requests)/[0-9a-f-]+)");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Path ws;
  private Workspace workspace;
  private ReleaseOutcome released;

  /** Title of each published case study, by its record id. */
  private final Map<String, String> titles = new LinkedHashMap<>();

  @BeforeAll
  void releaseTheLaunchOnLocal(@TempDir Path tmp) {
    ws = tmp.resolve("ws");
    TestWorkspaces.copy(Path.of("case-studies"), ws.resolve("case-studies"));
    TestWorkspaces.copy(Path.of("metadata"), ws.resolve("metadata"));
    workspace = new Workspace(ws);
    try (Session session =
        Session.open(
            workspace,
            Destination.of(TargetKind.LOCAL, Map.of()),
            null,
            (index, total, slug, step) -> {})) {
      released = session.release(List.of(), "winter-2026", batch -> true);
    }
    assertEquals(2, released.published().size());
    for (Released r : released.published()) {
      titles.put(r.recordUrl().replaceAll(".*/records/", ""), r.caseStudy().title());
    }
  }

  /**
   * The path of every local link casepress wrote, each with the title its page must show: the
   * ledgers name them; the announcement and {@code status --json} must name the same ones.
   */
  private Map<String, String> writtenLinks() throws Exception {
    Map<String, String> links = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> ledgers = Files.list(ws.resolve(".casepress/ledgers/local"))) {
      for (Path ledger : ledgers.toList()) {
        for (JsonNode v : json.readTree(ledger.toFile()).path("versions")) {
          String url = v.path("record_url").asText();
          assertTrue(url.startsWith("/records/"), "the ledger keeps no port: " + url);
          String title = titles.get(v.path("deposit_id").asText());
          links.put(url, title);
          links.put("/requests/" + v.path("community_request_id").asText(), title);
        }
      }
    }
    assertEquals(4, links.size(), "a record and a request per case study: " + links);
    List<String> elsewhere = new ArrayList<>();
    Path folder = released.announcement();
    String md = Files.readString(folder.resolve("announcement.md"));
    assertTrue(md.contains("./casepress serve, " + LocalRecords.BOARD_URL), md);
    Matcher m = WRITTEN.matcher(md);
    while (m.find()) {
      elsewhere.add(m.group(1));
    }
    for (var a : Jsoup.parse(folder.resolve("announcement.html").toFile()).select("a[href]")) {
      Matcher h = WRITTEN.matcher(a.attr("href"));
      if (h.matches()) {
        elsewhere.add(h.group(1));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertEquals(0, Cli.run(print, print, Map.of(), ws, "status", "--json"));
    for (JsonNode cs : json.readTree(out.toByteArray()).path("case_studies")) {
      JsonNode local = cs.path("deposits").path("local");
      if (local.has("record_url")) {
        elsewhere.add(local.path("record_url").asText());
      }
    }
    assertEquals(
        java.util.Set.copyOf(links.keySet()),
        java.util.Set.copyOf(elsewhere),
        "the announcement and status name the ledger's links, no other");
    assertEquals(4 + 4 + 2, elsewhere.size(), "each in Markdown, HTML and status: " + elsewhere);
    return links;
  }

  private void allOpen(String base, Map<String, String> links) throws Exception {
    List<String> broken = new ArrayList<>();
    for (Map.Entry<String, String> link : links.entrySet()) {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(base + link.getKey()))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (page.statusCode() != 200
          || !page.body().contains(org.jsoup.nodes.Entities.escape(link.getValue()))) {
        broken.add(link.getKey() + " answered " + page.statusCode() + " without its title");
      }
    }
    assertTrue(broken.isEmpty(), base + ": " + broken);
  }

  @Test
  void everyWrittenLinkOpensOnTheBoardOnAnyPort() throws Exception {
    Map<String, String> links = writtenLinks();
    try (Board board = Board.start(workspace, 0, false, Duration.ofSeconds(30))) {
      allOpen(board.url(), links);
    }
  }

  @Test
  void everyWrittenLinkOpensOnTheStandaloneLocalZenodo() throws Exception {
    Map<String, String> links = writtenLinks();
    try (LocalZenodo server =
        LocalZenodo.start(LocalRecords.storage(workspace), 0, Options.defaults())) {
      allOpen(server.baseUrl(), links);
    }
  }
}
