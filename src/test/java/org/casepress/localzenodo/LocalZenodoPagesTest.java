package org.casepress.localzenodo;

import static org.casepress.localzenodo.Api.metadata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web pages a record's links lead to, as on zenodo.org: {@code /records/ID} (and its files),
 * {@code /deposit/ID} and {@code /requests/ID} are HTML for a browser without a token, while the
 * same record stays JSON under {@code /api/records/ID}.
 */
@Timeout(30)
class LocalZenodoPagesTest {
  @TempDir Path dir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> open(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void recordDraftAndRequestLinksOpenAsWebPages() throws Exception {
    try (LocalZenodo server = LocalZenodo.start(dir, 0)) {
      Api api = new Api(server);
      JsonNode published = api.publish(metadata("Opening the flood model"));
      long id = published.path("id").asLong();
      JsonNode draft = api.create(metadata("A draft still being written"));
      JsonNode asked =
          api.post(
                  "/records/" + id + "/communities",
                  Store.MAPPER.readTree(
                      "{\"communities\":[{\"id\":\"" + Options.DEFAULT_COMMUNITY + "\"}]}"))
              .json();
      String request = asked.path("processed").get(0).path("request_id").asText();

      String html = published.path("links").path("html").asText();
      assertEquals(server.baseUrl() + "/records/" + id, html);
      HttpResponse<String> record = open(html);
      assertEquals(200, record.statusCode(), record.body());
      assertTrue(record.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      assertTrue(record.body().contains("<h1>Opening the flood model</h1>"), record.body());
      assertTrue(record.body().contains("href=\"/requests/" + request + "\""), record.body());

      HttpResponse<String> file = open(html + "/files/case-study.pdf");
      assertEquals(200, file.statusCode());
      assertEquals("%PDF-1.7", file.body());

      HttpResponse<String> deposit = open(draft.path("links").path("html").asText());
      assertEquals(200, deposit.statusCode(), deposit.body());
      assertTrue(deposit.body().contains("A draft still being written"), deposit.body());

      HttpResponse<String> page = open(server.baseUrl() + "/requests/" + request);
      assertEquals(200, page.statusCode(), page.body());
      assertTrue(page.body().contains("submitted (awaiting the community"), page.body());
      assertTrue(page.body().contains("href=\"/records/" + id + "\""), page.body());

      HttpResponse<String> json = open(server.apiUrl() + "/records/" + id);
      assertEquals(200, json.statusCode());
      assertEquals("application/json", json.headers().firstValue("Content-Type").orElse(""));
      assertEquals(404, open(server.baseUrl() + "/records/999").statusCode());
    }
  }

  @Test
  void aDraftPageIsItsAccountsAlone() throws Exception {
    Options accounts = Options.defaults().withAccount("alice", "token-a");
    try (LocalZenodo server = LocalZenodo.start(dir, 0, accounts)) {
      JsonNode draft = new Api(server, "token-a").create(metadata("Alice's draft"));
      HttpResponse<String> page = open(server.baseUrl() + "/deposit/" + draft.path("id").asLong());
      assertEquals(403, page.statusCode(), page.body());
    }
  }
}
