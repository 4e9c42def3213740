package org.casepress.localzenodo;

import static org.casepress.localzenodo.Api.metadata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.casepress.localzenodo.Api.Answer;
import org.casepress.localzenodo.Options.Community;
import org.casepress.localzenodo.Options.ReviewPolicy;
import org.casepress.localzenodo.Options.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Communities and inclusion requests as zenodo.org handles them (docs/local-zenodo.md): the legacy
 * {@code communities} field, the native endpoints, review policies and roles.
 */
@Timeout(30)
class LocalZenodoCommunitiesTest {
  static final String HUB = Options.DEFAULT_COMMUNITY;
  @TempDir Path dir;

  private static ObjectNode submittedTo(String title, String... slugs) {
    ObjectNode m = metadata(title);
    for (String slug : slugs) {
      m.withArray("communities").addObject().put("identifier", slug);
    }
    return m;
  }

  private static JsonNode requests(Api api, long id) throws Exception {
    Answer a = api.get("/records/" + id + "/requests");
    assertEquals(200, a.status(), a.text());
    return a.json().path("hits").path("hits");
  }

  private static JsonNode communities(Api api, long id) throws Exception {
    return api.get("/records/" + id).json().path("metadata").path("communities");
  }

  @Test
  void byDefaultALegacyPublishLeavesARequestThatWaitsForACurator() throws Exception {
    try (LocalZenodo server = LocalZenodo.start(dir, 0)) {
      Api api = new Api(server);
      JsonNode published = api.publish(submittedTo("Waits", HUB));
      long id = published.path("id").asLong();
      assertTrue(published.path("metadata").path("communities").isMissingNode());
      assertTrue(communities(api, id).isMissingNode(), "not in the community yet");

      JsonNode list = requests(api, id);
      assertEquals(1, list.size());
      JsonNode request = list.get(0);
      assertEquals("community-inclusion", request.path("type").asText());
      assertEquals("submitted", request.path("status").asText());
      assertTrue(request.path("is_open").asBoolean());
      assertEquals(Long.toString(id), request.path("topic").path("record").asText());
      String communityId = api.get("/communities/" + HUB).json().path("id").asText();
      assertEquals(communityId, request.path("receiver").path("community").asText());

      // The default account curates the default community: it can accept at the event.
      Answer accepted =
          api.post(
              "/requests/" + request.path("id").asText() + "/actions/accept",
              Store.MAPPER.readTree("{\"payload\":{\"content\":\"Welcome\"}}"));
      assertEquals(200, accepted.status(), accepted.text());
      assertEquals("accepted", accepted.json().path("status").asText());
      assertFalse(accepted.json().path("is_open").asBoolean());
      assertEquals(HUB, communities(api, id).get(0).path("id").asText());
      assertEquals(
          400,
          api.post("/requests/" + request.path("id").asText() + "/actions/decline").status(),
          "a closed request cannot be decided again");
    }
  }

  @Test
  void anUnknownCommunityLeavesNoRequestAtAll() throws Exception {
    try (LocalZenodo server = LocalZenodo.start(dir, 0)) {
      Api api = new Api(server);
      long id = api.publish(submittedTo("Nowhere", "no-such-community")).path("id").asLong();
      assertEquals(0, requests(api, id).size());
      assertEquals(404, api.get("/communities/no-such-community").status());
    }
  }

  @Test
  void whoIncludesDirectlyDependsOnThePolicyAndTheRole() throws Exception {
    Options options =
        Options.defaults()
            .withCommunity(
                new Community("open-curated", ReviewPolicy.OPEN, Map.of("local", Role.CURATOR)))
            .withCommunity(
                new Community("open-reader", ReviewPolicy.OPEN, Map.of("local", Role.READER)))
            .withCommunity(
                new Community("members", ReviewPolicy.MEMBERS, Map.of("local", Role.READER)))
            .withCommunity(
                new Community("closed-owned", ReviewPolicy.CLOSED, Map.of("local", Role.OWNER)));
    try (LocalZenodo server = LocalZenodo.start(dir, 0, options)) {
      Api api = new Api(server);
      long id =
          api.publish(
                  submittedTo("Policies", "open-curated", "open-reader", "members", "closed-owned"))
              .path("id")
              .asLong();
      JsonNode in = communities(api, id);
      assertEquals(2, in.size(), in.toString());
      assertEquals("open-curated", in.get(0).path("id").asText());
      assertEquals("members", in.get(1).path("id").asText());
      int open = 0;
      for (JsonNode r : requests(api, id)) {
        open += r.path("is_open").asBoolean() ? 1 : 0;
      }
      assertEquals(2, open, "open-reader and closed-owned wait for review");
      assertEquals(
          "closed",
          api.get("/communities/closed-owned")
              .json()
              .path("access")
              .path("review_policy")
              .asText());
    }
  }

  @Test
  void autoAcceptIncludesAtOnceWhateverThePolicy() throws Exception {
    try (LocalZenodo server = LocalZenodo.start(dir, 0, Options.defaults().withAutoAccept())) {
      Api api = new Api(server);
      long id = api.publish(submittedTo("Best case", HUB)).path("id").asLong();
      assertEquals(HUB, communities(api, id).get(0).path("id").asText());
      assertEquals("accepted", requests(api, id).get(0).path("status").asText());
    }
  }

  @Test
  void nativeInclusionReportsProcessedAndErrorsPerCommunity() throws Exception {
    try (LocalZenodo server = LocalZenodo.start(dir, 0)) {
      Api api = new Api(server);
      long id = api.publish(metadata("Native")).path("id").asLong();
      String hubId = api.get("/communities/" + HUB).json().path("id").asText();

      Answer first =
          api.post(
              "/records/" + id + "/communities",
              Store.MAPPER.readTree(
                  "{\"communities\":[{\"id\":\"" + hubId + "\"},{\"id\":\"no-such-community\"}]}"));
      assertEquals(200, first.status(), first.text());
      JsonNode processed = first.json().path("processed");
      assertEquals(1, processed.size());
      assertEquals(hubId, processed.get(0).path("community_id").asText());
      String requestId = processed.get(0).path("request_id").asText();
      assertEquals(requestId, requests(api, id).get(0).path("id").asText());
      assertEquals(
          "Community not found.", first.json().path("errors").get(0).path("message").asText());

      Answer again =
          api.post(
              "/records/" + id + "/communities",
              Store.MAPPER.readTree("{\"communities\":[{\"id\":\"" + HUB + "\"}]}"));
      assertEquals(400, again.status(), "nothing processed");
      assertFalse(again.json().has("processed"));
      assertEquals(
          "There is already an open inclusion request for this community.",
          again.json().path("errors").get(0).path("message").asText());

      api.post("/requests/" + requestId + "/actions/accept");
      Answer included =
          api.post(
              "/records/" + id + "/communities",
              Store.MAPPER.readTree("{\"communities\":[{\"id\":\"" + HUB + "\"}]}"));
      assertEquals(
          "The record is already included in this community.",
          included.json().path("errors").get(0).path("message").asText());
    }
  }

  @Test
  void onlyTheCommunitysCuratorsDecideAndOnlyTheOwnerAsksForInclusion() throws Exception {
    Options options =
        Options.defaults()
            .withAccount("writer", "tw")
            .withAccount("curator", "tc")
            .withCommunity(
                new Community(
                    HUB,
                    ReviewPolicy.OPEN,
                    Map.of("curator", Role.CURATOR, "writer", Role.READER)));
    try (LocalZenodo server = LocalZenodo.start(dir, 0, options)) {
      Api writer = new Api(server, "tw");
      Api curator = new Api(server, "tc");
      long id = writer.publish(submittedTo("Reviewed", HUB)).path("id").asLong();
      String requestId = requests(writer, id).get(0).path("id").asText();
      assertEquals(403, writer.post("/requests/" + requestId + "/actions/accept").status());
      assertEquals(
          403,
          curator
              .post(
                  "/records/" + id + "/communities",
                  Store.MAPPER.readTree("{\"communities\":[{\"id\":\"" + HUB + "\"}]}"))
              .status(),
          "only the record's owner asks for inclusion");
      assertEquals(200, curator.post("/requests/" + requestId + "/actions/accept").status());
      assertEquals(HUB, communities(writer, id).get(0).path("id").asText());
    }
  }
}
