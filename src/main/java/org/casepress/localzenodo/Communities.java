package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casepress.localzenodo.Options.Account;
import org.casepress.localzenodo.Options.Community;
import org.casepress.localzenodo.Store.Concept;
import org.casepress.localzenodo.Store.Deposit;
import org.casepress.localzenodo.Store.InclusionRequest;

/**
 * Communities and how a record gets into one (docs/local-zenodo.md, "Communities"). Legacy publish
 * with {@code metadata.communities} files a request without telling the curators and swallows every
 * error, an unknown community leaving no trace; the native {@code POST
 * /api/records/{id}/communities} files it, tells the curators and reports each error. Either way
 * the record is included at once only when the account may include directly (the community's review
 * policy and the account's role) or the server is configured to auto-accept; otherwise the request
 * waits for a curator.
 */
final class Communities {
  private final Store store;
  private final Views views;
  private final Options options;
  private final Requests requests;

  Communities(Store store, Views views, Options options, Requests requests) {
    this.store = store;
    this.views = views;
    this.options = options;
    this.requests = requests;
  }

  /** The community's UUID: derived from the slug, so it is the same on every run. */
  static String id(String slug) {
    return UUID.nameUUIDFromBytes(slug.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** By slug or by UUID, as Zenodo accepts either. */
  Optional<Community> find(String slugOrId) {
    Community bySlug = options.communities().get(slugOrId);
    if (bySlug != null) {
      return Optional.of(bySlug);
    }
    return options.communities().values().stream()
        .filter(c -> id(c.slug()).equals(slugOrId))
        .findFirst();
  }

  Reply get(Call call) {
    Community c = find(call.param(0)).orElseThrow(ApiError::notFound);
    return Reply.json(200, views.community(c, id(c.slug())));
  }

  /** Legacy publish: one request per known community, errors swallowed, nobody notified. */
  void includeOnLegacyPublish(Deposit d, List<String> slugs, Account account) {
    for (String slug : slugs) {
      Optional<Community> community = find(slug);
      if (community.isEmpty()) {
        continue;
      }
      try {
        submit(d, community.get(), account, false);
      } catch (ApiError e) {
        // Swallowed by Zenodo's legacy layer: already included, or a request already open.
      }
    }
  }

  /** Files the request and, when allowed, accepts it at once; caller holds the store lock. */
  private InclusionRequest submit(Deposit d, Community community, Account account, boolean notify) {
    Concept c = store.concept(d);
    if (c.communities.contains(community.slug())) {
      throw ApiError.of(400, "The record is already included in this community.");
    }
    if (requests.openFor(c, community.slug()).isPresent()) {
      throw ApiError.of(400, "There is already an open inclusion request for this community.");
    }
    InclusionRequest r = requests.submit(d, community.slug(), account, notify);
    if (options.autoAccept() || community.includesDirectly(account.name())) {
      requests.close(r, "accepted");
    }
    return r;
  }

  /** {@code POST /api/records/{id}/communities} with {@code {"communities":[{"id":...}]}}. */
  Reply add(Call call) {
    JsonNode list = call.jsonBody().path("communities");
    if (!list.isArray() || list.isEmpty()) {
      throw ApiError.validation(Map.of("communities", List.of("Missing data for required field.")));
    }
    synchronized (store) {
      Deposit d = Records.published(store, call.param(0));
      if (!d.owner.equals(call.account().name())) {
        throw ApiError.denied();
      }
      ObjectNode out = Store.MAPPER.createObjectNode();
      ArrayNode processed = Store.MAPPER.createArrayNode();
      ArrayNode errors = Store.MAPPER.createArrayNode();
      for (JsonNode entry : list) {
        String given = entry.path("id").asText("");
        Optional<Community> community = find(given);
        if (community.isEmpty()) {
          errors.addObject().put("community_id", given).put("message", "Community not found.");
          continue;
        }
        try {
          InclusionRequest r = submit(d, community.get(), call.account(), true);
          ObjectNode p = processed.addObject();
          p.put("community_id", given);
          p.put("request_id", r.id);
          p.set("request", views.request(r, id(r.community)));
        } catch (ApiError e) {
          errors
              .addObject()
              .put("community_id", given)
              .put("message", e.reply.json().path("message").asText());
        }
      }
      store.save();
      if (!processed.isEmpty()) {
        out.set("processed", processed);
      }
      if (!errors.isEmpty()) {
        out.set("errors", errors);
      }
      return Reply.json(processed.isEmpty() ? 400 : 200, out);
    }
  }

  /** {@code GET /api/records/{id}/communities}: the communities the record is in. */
  Reply ofRecord(Call call) {
    synchronized (store) {
      Deposit d = Records.published(store, call.param(0));
      ArrayNode list = Store.MAPPER.createArrayNode();
      for (String slug : store.concept(d).communities) {
        find(slug).ifPresent(c -> list.add(views.community(c, id(slug))));
      }
      return Reply.json(200, Views.hits(list, list.size()));
    }
  }
}
