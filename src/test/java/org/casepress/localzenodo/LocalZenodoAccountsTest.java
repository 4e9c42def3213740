package org.casepress.localzenodo;

import static org.casepress.localzenodo.Api.metadata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drafts are private to the account that created them; tokens are never printed. */
@Timeout(30)
class LocalZenodoAccountsTest {
  @TempDir Path dir;

  @Test
  void anotherAccountGets403OnTheFirstReadAndEveryWrite() throws Exception {
    Options options =
        Options.defaults().withAccount("writer", "tw").withAccount("coordinator", "tc");
    try (LocalZenodo server = LocalZenodo.start(dir, 0, options)) {
      Api writer = new Api(server, "tw");
      Api coordinator = new Api(server, "tc");
      JsonNode d = writer.create(metadata("Staged by the writer"));
      String path = "/deposit/depositions/" + d.path("id").asLong();
      assertEquals(200, writer.get(path).status());
      assertEquals(403, coordinator.get(path).status());
      assertEquals("Permission denied.", coordinator.get(path).json().path("message").asText());
      assertEquals(403, coordinator.post(path + "/actions/publish").status());
      assertEquals(403, coordinator.get(path + "/files").status());
      assertEquals(
          403,
          coordinator
              .upload(d.path("links").path("bucket").asText(), "x.pdf", new byte[] {1})
              .status());
      assertEquals(403, new Api(server, "unknown").get(path).status(), "an unknown token");
      assertEquals(403, new Api(server).get(path).status(), "no token");
    }
  }

  @Test
  void publishedRecordsArePublicToEveryone() throws Exception {
    Options options = Options.defaults().withAccount("writer", "tw").withAccount("reader", "tr");
    try (LocalZenodo server = LocalZenodo.start(dir, 0, options)) {
      long id = new Api(server, "tw").publish(metadata("Public")).path("id").asLong();
      assertEquals(200, new Api(server, "tr").get("/records/" + id).status());
    }
  }

  @Test
  void tokensStayOutOfOptionsText() {
    String text = Options.defaults().withAccount("writer", "secret-token-123").toString();
    assertFalse(text.contains("secret-token-123"), text);
  }
}
