package org.casepress.localzenodo;

import static org.casepress.localzenodo.Api.metadata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links stay valid across restarts: nothing stored names a port, links are built from the current
 * base URL, and a restart takes the previous port again when it is free.
 */
@Timeout(30)
class LocalZenodoRestartTest {
  @TempDir Path dir;

  @Test
  void aBucketLinkFromAnEarlierRunStillTakesTheUpload() throws Exception {
    String bucket;
    long id;
    int port;
    try (LocalZenodo first = LocalZenodo.start(dir, 0)) {
      JsonNode d = new Api(first).create(metadata("Interrupted"));
      bucket = d.path("links").path("bucket").asText();
      id = d.path("id").asLong();
      port = first.port();
    }
    // Killed between create and upload; the rerun starts the server again.
    try (LocalZenodo again = LocalZenodo.start(dir, 0)) {
      assertEquals(port, again.port(), "the previous run's port, which is free");
      assertEquals(201, new Api(again).upload(bucket, "f.pdf", new byte[] {1, 2}).status());
      assertEquals(1, new Api(again).get("/deposit/depositions/" + id + "/files").json().size());
    }
    assertTrue(!Files.readString(dir.resolve("state.json")).contains("127.0.0.1"), "no address");
  }

  @Test
  void onAnotherPortTheLinksAreRebuiltAndTheBucketIsTheSame() throws Exception {
    String bucket;
    long id;
    try (LocalZenodo first = LocalZenodo.start(dir, 0)) {
      JsonNode d = new Api(first).create(metadata("Moved"));
      bucket = d.path("links").path("bucket").asText();
      id = d.path("id").asLong();
    }
    int other;
    try (ServerSocket taken = new ServerSocket(0)) {
      other = taken.getLocalPort();
    }
    try (LocalZenodo again = LocalZenodo.start(dir, other)) {
      JsonNode d = new Api(again).get("/deposit/depositions/" + id).json();
      String link = d.path("links").path("bucket").asText();
      assertTrue(link.startsWith(again.apiUrl() + "/files/"), link);
      assertEquals(
          bucket.substring(bucket.lastIndexOf('/')), link.substring(link.lastIndexOf('/')));
      assertEquals(201, new Api(again).upload(link, "f.pdf", new byte[] {1}).status());
      assertTrue(d.path("links").path("self").asText().startsWith(again.apiUrl()));
    }
  }

  @Test
  void aRecordsHtmlLinkOpensItsWebPageAfterARestartOnAnotherPort() throws Exception {
    String html;
    try (LocalZenodo server = LocalZenodo.start(dir, 0)) {
      JsonNode published = new Api(server).publish(metadata("Linked"));
      html = published.path("links").path("html").asText();
      assertEquals(server.baseUrl() + "/records/" + published.path("id").asLong(), html);
    }
    try (LocalZenodo again = LocalZenodo.start(dir, 0)) {
      String path = html.substring(html.indexOf("/records/"));
      okhttp3.Request request = new okhttp3.Request.Builder().url(again.baseUrl() + path).build();
      try (okhttp3.Response r = new okhttp3.OkHttpClient().newCall(request).execute()) {
        assertEquals(200, r.code());
        assertTrue(r.header("Content-Type").startsWith("text/html"));
        assertTrue(r.body().string().contains("<h1>Linked</h1>"));
      }
    }
  }
}
