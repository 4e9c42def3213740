package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casepress.localzenodo.Store.Concept;
import org.casepress.localzenodo.Store.Deposit;
import org.casepress.localzenodo.Store.FileEntry;

/**
 * {@code /api/deposit/depositions}: create, search, read, update, delete and the actions publish,
 * edit, discard and newversion. Drafts are private to the account that created them and stored
 * leniently; publish applies {@link PublishRules} and files the communities' inclusion requests.
 */
final class Depositions {
  private final Store store;
  private final Views views;
  private final Options options;
  private final SearchIndex index;
  private final Communities communities;

  Depositions(
      Store store, Views views, Options options, SearchIndex index, Communities communities) {
    this.store = store;
    this.views = views;
    this.options = options;
    this.index = index;
    this.communities = communities;
  }

  Reply create(Call call) {
    ObjectNode metadata = checkTopLevel(call.jsonBody());
    synchronized (store) {
      Concept c = new Concept();
      c.conceptrecid = Long.toString(store.state.nextId++);
      Deposit d = new Deposit();
      d.id = store.state.nextId++;
      d.conceptrecid = c.conceptrecid;
      d.owner = call.account().name();
      d.created = store.now();
      d.modified = d.created;
      d.draft = metadata;
      d.draftBucket = UUID.randomUUID().toString();
      c.draftId = d.id;
      store.state.concepts.put(c.conceptrecid, c);
      store.state.deposits.put(d.id, d);
      index.added(d, call.unindexed());
      store.save();
      return withEtag(Reply.json(201, view(d)), d);
    }
  }

  /** Unknown top-level keys are an error; unknown metadata keys are dropped. */
  private ObjectNode checkTopLevel(JsonNode body) {
    if (!body.isObject()) {
      throw ApiError.of(400, "Unable to decode JSON data in request body.");
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    body.fieldNames()
        .forEachRemaining(
            k -> {
              if (!k.equals("metadata")) {
                errors.put(k, List.of("Unknown field name."));
              }
            });
    if (!errors.isEmpty()) {
      throw ApiError.validation(errors);
    }
    return Metadata.normalize(body.get("metadata"), store.today());
  }

  /** The caller's own depositions the index shows, newest first, matching {@code q}. */
  Reply list(Call call) {
    int size = call.intParam("size", 25);
    int page = call.intParam("page", 1);
    if (size > 100) {
      throw ApiError.of(400, "Page size cannot be greater than 100.");
    }
    if (size < 1 || page < 1) {
      throw ApiError.of(400, "Invalid querystring parameters.");
    }
    boolean all = Boolean.parseBoolean(call.query().getOrDefault("all_versions", "false"));
    DepositionSearch search = DepositionSearch.parse(call.query().get("q"));
    ArrayNode out = Store.MAPPER.createArrayNode();
    synchronized (store) {
      List<Deposit> matches = new ArrayList<>();
      for (Deposit d : store.state.deposits.values()) {
        if (!d.owner.equals(call.account().name()) || !index.visible(d)) {
          continue;
        }
        if (!all && d.published != null && d.id != store.latestVersion(d.conceptrecid)) {
          continue;
        }
        if (search.matches(d, store.concept(d))) {
          matches.add(d);
        }
      }
      matches.sort(Comparator.comparingLong((Deposit d) -> d.id).reversed());
      int from = (page - 1) * size;
      for (int i = from; i < Math.min(matches.size(), from + size); i++) {
        Deposit d = matches.get(i);
        out.add(index.staleView(d).orElseGet(() -> view(d)));
      }
    }
    return Reply.json(200, out);
  }

  Reply read(Call call) {
    synchronized (store) {
      Deposit d = store.owned(call.param(0), call);
      return withEtag(Reply.json(200, view(d)), d);
    }
  }

  Reply update(Call call) {
    JsonNode body = call.jsonBody();
    synchronized (store) {
      Deposit d = store.owned(call.param(0), call);
      if (d.draft == null) {
        throw ApiError.notFound();
      }
      String ifMatch = call.header("If-Match");
      if (ifMatch != null
          && !ifMatch.replace("\"", "").strip().equals(Integer.toString(d.revision))) {
        throw ApiError.of(412, "The provided revision ID doesn't match the latest one.");
      }
      d.draft = checkTopLevel(body);
      store.touch(d);
      index.written(d);
      store.save();
      return withEtag(Reply.json(200, view(d)), d);
    }
  }

  /** DELETE, and discard, which Zenodo routes to the same draft deletion. */
  Reply delete(Call call) {
    synchronized (store) {
      Deposit d = store.owned(call.param(0), call);
      if (d.draft == null) {
        throw ApiError.notFound();
      }
      dropDraft(d);
      store.save();
      return Reply.empty(204);
    }
  }

  /** Unpublished: the deposition goes away. Published: only the edits do. */
  private void dropDraft(Deposit d) {
    Concept c = store.concept(d);
    List<FileEntry> files = d.draftFiles;
    if (d.published == null) {
      store.state.deposits.remove(d.id);
      if (c != null) {
        if (c.draftId != null && c.draftId == d.id) {
          c.draftId = null;
        }
        if (c.versions.isEmpty()) {
          store.state.concepts.remove(c.conceptrecid);
        }
      }
    } else {
      d.draft = null;
      d.draftFiles = new ArrayList<>();
      d.draftBucket = null;
      store.touch(d);
    }
    files.forEach(f -> store.dropBlobIfUnused(f.blob));
  }

  Reply publish(Call call) {
    synchronized (store) {
      Deposit d = store.owned(call.param(0), call);
      if (d.draft == null) {
        throw ApiError.notFound();
      }
      Map<String, List<String>> errors =
          PublishRules.errors(d.draft, d.draftFiles.size(), options.doiPrefix());
      if (!errors.isEmpty()) {
        throw ApiError.validation(errors);
      }
      index.publishing(d, () -> view(d));
      Concept c = store.concept(d);
      ObjectNode metadata = d.draft.deepCopy();
      String given = metadata.path("doi").asText("");
      if (d.doi == null) {
        boolean external =
            !given.isEmpty()
                && !given.startsWith(options.doiPrefix() + "/")
                && !given.startsWith("10.5281/");
        d.externalDoi = external;
        d.doi = external ? given : options.doiPrefix() + "/zenodo." + d.id;
      }
      metadata.put("doi", d.doi);
      if (c.conceptdoi == null && !d.externalDoi) {
        c.conceptdoi = options.doiPrefix() + "/zenodo." + c.conceptrecid;
      }
      List<String> slugs = Metadata.communitySlugs(metadata);
      metadata.remove("communities");
      d.published = metadata;
      d.publishedFiles = d.draftFiles;
      if (d.recordBucket == null) {
        d.recordBucket = UUID.randomUUID().toString();
      }
      d.draft = null;
      d.draftFiles = new ArrayList<>();
      d.draftBucket = null;
      if (!c.versions.contains(d.id)) {
        c.versions.add(d.id);
      }
      if (c.draftId != null && c.draftId == d.id) {
        c.draftId = null;
      }
      communities.includeOnLegacyPublish(d, slugs, call.account());
      store.touch(d);
      index.written(d);
      store.save();
      return withEtag(Reply.json(202, view(d)), d);
    }
  }

  Reply edit(Call call) {
    synchronized (store) {
      Deposit d = store.owned(call.param(0), call);
      if (d.draft == null) {
        d.draft = d.published.deepCopy();
        listCommunities(d.draft, store.concept(d));
        d.draftFiles = new ArrayList<>();
        d.publishedFiles.forEach(f -> d.draftFiles.add(f.copy()));
        d.draftBucket = UUID.randomUUID().toString();
        store.touch(d);
        store.save();
      }
      return withEtag(Reply.json(201, view(d)), d);
    }
  }

  Reply newVersion(Call call) {
    synchronized (store) {
      Deposit d = store.owned(call.param(0), call);
      if (d.published == null) {
        throw ApiError.notFound();
      }
      if (d.externalDoi) {
        throw ApiError.denied();
      }
      Concept c = store.concept(d);
      Deposit latest = store.state.deposits.get(store.latestVersion(d.conceptrecid));
      Deposit draft;
      if (c.draftId != null) {
        draft = store.state.deposits.get(c.draftId);
        if (!draft.draftFiles.isEmpty()) {
          throw ApiError.validation(
              Map.of("files.enabled", List.of("Please remove all files first.")));
        }
      } else {
        draft = new Deposit();
        draft.id = store.state.nextId++;
        draft.conceptrecid = c.conceptrecid;
        draft.owner = call.account().name();
        draft.created = store.now();
        draft.draft = latest.published.deepCopy();
        draft.draft.remove("version");
        draft.draft.remove("doi");
        draft.draft.put("publication_date", store.today().toString());
        listCommunities(draft.draft, c);
        draft.draftBucket = UUID.randomUUID().toString();
        c.draftId = draft.id;
        store.state.deposits.put(draft.id, draft);
        index.added(draft, call.unindexed());
      }
      // The legacy endpoint imports the previous version's files (same file ids).
      draft.draftFiles = new ArrayList<>();
      for (FileEntry f : latest.publishedFiles) {
        FileEntry copy = f.copy();
        copy.versionId = UUID.randomUUID().toString();
        draft.draftFiles.add(copy);
      }
      store.touch(draft);
      store.save();
      return withEtag(Reply.json(201, view(draft)), draft);
    }
  }

  /** A draft of a published record names the communities the record is in. */
  private static void listCommunities(ObjectNode draft, Concept c) {
    if (!c.communities.isEmpty()) {
      ArrayNode list = draft.putArray("communities");
      c.communities.forEach(s -> list.addObject().put("identifier", s));
    }
  }

  private ObjectNode view(Deposit d) {
    return views.deposition(d, store.concept(d));
  }

  static Reply withEtag(Reply r, Deposit d) {
    return r.header("ETag", "\"" + d.revision + "\"");
  }
}
