package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.casepress.localzenodo.Store.Concept;
import org.casepress.localzenodo.Store.Deposit;
import org.casepress.localzenodo.Store.FileEntry;

/**
 * Renders stored state the way Zenodo's serializers do. Every link is built here, from the base URL
 * the server has now, at the moment of answering: nothing stored names a host or port.
 */
final class Views {
  private final String base;
  private final String api;
  private final Options options;

  Views(String base, Options options) {
    this.base = base;
    this.api = base + "/api";
    this.options = options;
  }

  String api() {
    return api;
  }

  ObjectNode deposition(Deposit d, Concept c) {
    String state = d.state();
    boolean draftView = d.draft != null;
    ObjectNode metadata = (draftView ? d.draft : d.published).deepCopy();
    String doi = d.doi != null ? d.doi : metadata.path("doi").asText(null);
    if (doi != null && doi.isEmpty()) {
      doi = null;
    }
    ObjectNode o = Store.MAPPER.createObjectNode();
    o.put("created", d.created);
    o.put("modified", d.modified);
    o.put("id", d.id);
    o.put("conceptrecid", d.conceptrecid);
    if (doi != null) {
      o.put("doi", doi);
    }
    if (c != null && c.conceptdoi != null) {
      o.put("conceptdoi", c.conceptdoi);
    }
    if (doi != null) {
      o.put("doi_url", "https://doi.org/" + doi);
    }
    if (!draftView || d.published != null) {
      communities(metadata, c);
    }
    ObjectNode prereserve = metadata.putObject("prereserve_doi");
    // Hard-coded 10.5281 like the real serializer, whatever prefix is minted: a prediction only.
    prereserve.put("doi", "10.5281/zenodo." + d.id);
    prereserve.put("recid", d.id);
    o.set("metadata", metadata);
    o.put("title", metadata.path("title").asText(""));
    o.set("links", links(d, c, state, doi));
    o.put("record_id", d.id);
    o.put("owner", options.accountId(d.owner));
    ArrayNode files = o.putArray("files");
    List<FileEntry> list = draftView ? d.draftFiles : d.publishedFiles;
    for (FileEntry f : list) {
      files.add(file(d, f, state.equals("done")));
    }
    o.put("state", state);
    o.put("submitted", d.published != null);
    return o;
  }

  /** After publish, only communities the record is in (its request accepted) are listed. */
  private static void communities(ObjectNode metadata, Concept c) {
    metadata.remove("communities");
    if (c != null && !c.communities.isEmpty()) {
      ArrayNode list = metadata.putArray("communities");
      c.communities.forEach(slug -> list.addObject().put("identifier", slug));
    }
  }

  private ObjectNode links(Deposit d, Concept c, String state, String doi) {
    ObjectNode l = Store.MAPPER.createObjectNode();
    String self = api + "/deposit/depositions/" + d.id;
    boolean done = state.equals("done");
    String record = api + "/records/" + d.id;
    l.put("self", done ? record : self);
    l.put("html", done ? base + "/records/" + d.id : base + "/deposit/" + d.id);
    if (doi != null) {
      l.put("doi", "https://doi.org/" + doi);
    }
    if (done && c != null && c.conceptdoi != null) {
      l.put("parent_doi", "https://doi.org/" + c.conceptdoi);
    }
    l.put("badge", base + "/badge/doi/" + (doi == null ? "" : encode(doi)) + ".svg");
    if (done && c != null && c.conceptdoi != null) {
      l.put("conceptbadge", base + "/badge/doi/" + encode(c.conceptdoi) + ".svg");
    }
    l.put("files", done ? record + "/files" : self + "/files");
    String bucket = d.draft != null ? d.draftBucket : d.recordBucket;
    if (bucket != null) {
      l.put("bucket", api + "/files/" + bucket);
    }
    l.put("latest_draft", self);
    l.put("latest_draft_html", base + "/deposit/" + d.id);
    for (String action : List.of("publish", "edit", "discard", "newversion")) {
      l.put(action, self + "/actions/" + action);
    }
    if (d.published != null) {
      l.put("record", record);
      l.put("record_html", base + "/records/" + d.id);
      l.put("latest", record + "/versions/latest");
      l.put("latest_html", base + "/records/" + d.id + "/latest");
    }
    List<FileEntry> files = d.draft != null ? d.draftFiles : d.publishedFiles;
    FileEntry image = files.stream().filter(f -> isImage(f.key)).findFirst().orElse(null);
    if (image != null) {
      String thumb =
          base + "/api/iiif/record:" + d.id + ":" + encode(image.key) + "/full/^250,/0/default.png";
      l.putObject("thumbs").put("250", thumb);
      l.put("thumb250", thumb);
    }
    return l;
  }

  ObjectNode file(Deposit d, FileEntry f, boolean done) {
    ObjectNode o = Store.MAPPER.createObjectNode();
    o.put("id", f.id);
    o.put("filename", f.key);
    o.put("filesize", f.size);
    o.put("checksum", f.md5);
    ObjectNode l = o.putObject("links");
    l.put(
        "self",
        (done ? api + "/records/" + d.id : api + "/deposit/depositions/" + d.id)
            + "/files/"
            + f.id);
    // Broken for published records on the real server too (zenodo/zenodo-rdm#1196).
    l.put("download", api + "/records/" + d.id + "/draft/files/" + encode(f.key) + "/content");
    return o;
  }

  ObjectNode bucketObject(String bucket, FileEntry f) {
    ObjectNode o = Store.MAPPER.createObjectNode();
    o.put("created", f.created);
    o.put("updated", f.created);
    o.put("version_id", f.versionId);
    o.put("key", f.key);
    o.put("size", f.size);
    o.put("mimetype", mimetype(f.key));
    o.put("checksum", "md5:" + f.md5);
    o.put("is_head", true);
    o.put("delete_marker", false);
    ObjectNode l = o.putObject("links");
    String self = api + "/files/" + bucket + "/" + encode(f.key);
    l.put("self", self);
    l.put("version", self + "?version_id=" + f.versionId);
    l.put("uploads", self + "?uploads=1");
    return o;
  }

  /**
   * {@code GET /api/records/{id}}: the "Zenodo JSON" serializer, where alternate identifiers have
   * their own list.
   */
  ObjectNode record(Deposit d, Concept c) {
    ObjectNode o = Store.MAPPER.createObjectNode();
    ObjectNode m = d.published.deepCopy();
    o.put("created", d.created);
    o.put("modified", d.modified);
    o.put("id", d.id);
    o.put("conceptrecid", d.conceptrecid);
    o.put("doi", d.doi);
    if (c.conceptdoi != null) {
      o.put("conceptdoi", c.conceptdoi);
    }
    o.put("doi_url", "https://doi.org/" + d.doi);
    m.remove("communities");
    if (!c.communities.isEmpty()) {
      ArrayNode list = m.putArray("communities");
      c.communities.forEach(slug -> list.addObject().put("id", slug));
    }
    splitAlternates(m);
    String type = m.path("upload_type").asText("other");
    m.remove("upload_type");
    ObjectNode rt = m.putObject("resource_type");
    rt.put("title", type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1));
    rt.put("type", type);
    if (m.has("publication_type")) {
      rt.put("subtype", m.path("publication_type").asText());
      m.remove("publication_type");
    }
    if (m.has("license")) {
      String lic = m.path("license").asText();
      m.putObject("license").put("id", lic);
    }
    o.set("metadata", m);
    o.put("title", m.path("title").asText(""));
    ObjectNode l = o.putObject("links");
    String self = api + "/records/" + d.id;
    l.put("self", self);
    l.put("self_html", base + "/records/" + d.id);
    l.put("doi", "https://doi.org/" + d.doi);
    l.put("parent", api + "/records/" + d.conceptrecid);
    l.put("files", self + "/files");
    l.put("latest", self + "/versions/latest");
    l.put("versions", self + "/versions");
    l.put("communities", self + "/communities");
    l.put("requests", self + "/requests");
    o.put("updated", d.modified);
    o.put("recid", Long.toString(d.id));
    o.put("revision", d.revision);
    ArrayNode files = o.putArray("files");
    for (FileEntry f : d.publishedFiles) {
      ObjectNode fo = files.addObject();
      fo.put("id", f.id);
      fo.put("key", f.key);
      fo.put("size", f.size);
      fo.put("checksum", "md5:" + f.md5);
      fo.putObject("links").put("self", self + "/files/" + encode(f.key) + "/content");
    }
    o.putArray("owners").addObject().put("id", options.accountId(d.owner));
    o.put("status", "published");
    ObjectNode stats = o.putObject("stats");
    stats.put("downloads", 0);
    stats.put("views", 0);
    o.put("state", "done");
    o.put("submitted", true);
    return o;
  }

  ObjectNode recordFiles(Deposit d) {
    ObjectNode o = Store.MAPPER.createObjectNode();
    o.put("enabled", true);
    String self = api + "/records/" + d.id + "/files";
    o.putObject("links").put("self", self);
    ArrayNode entries = o.putArray("entries");
    for (FileEntry f : d.publishedFiles) {
      ObjectNode e = entries.addObject();
      e.put("key", f.key);
      e.put("storage_class", "L");
      e.put("checksum", "md5:" + f.md5);
      e.put("size", f.size);
      e.put("created", f.created);
      e.put("updated", f.created);
      e.put("status", "completed");
      e.put("mimetype", mimetype(f.key));
      e.put("version_id", f.versionId);
      e.put("file_id", f.id);
      e.put("bucket_id", d.recordBucket);
      e.putObject("links").put("content", self + "/" + encode(f.key) + "/content");
    }
    return o;
  }

  private static void splitAlternates(ObjectNode m) {
    ArrayNode related = Store.MAPPER.createArrayNode();
    ArrayNode alternate = Store.MAPPER.createArrayNode();
    for (JsonNode r : m.path("related_identifiers")) {
      if (Metadata.ALTERNATE.equals(r.path("relation").asText())) {
        alternate
            .addObject()
            .put("identifier", r.path("identifier").asText())
            .put("scheme", r.path("scheme").asText());
      } else {
        related.add(r);
      }
    }
    m.remove("related_identifiers");
    if (!related.isEmpty()) {
      m.set("related_identifiers", related);
    }
    if (!alternate.isEmpty()) {
      m.set("alternate_identifiers", alternate);
    }
  }

  ObjectNode community(Options.Community c, String id) {
    ObjectNode o = Store.MAPPER.createObjectNode();
    o.put("id", id);
    o.put("slug", c.slug());
    o.putObject("metadata").put("title", c.slug().replace('-', ' '));
    ObjectNode access = o.putObject("access");
    access.put("visibility", "public");
    access.put("member_policy", "open");
    access.put("record_policy", "open");
    access.put("review_policy", c.reviewPolicy().wireName());
    ObjectNode l = o.putObject("links");
    l.put("self", api + "/communities/" + id);
    l.put("self_html", base + "/communities/" + c.slug());
    l.put("records", api + "/communities/" + id + "/records");
    return o;
  }

  /** A search answer: {@code {"hits": {"hits": [...], "total": n}}}. */
  static ObjectNode hits(ArrayNode list, int total) {
    ObjectNode o = Store.MAPPER.createObjectNode();
    ObjectNode hits = o.putObject("hits");
    hits.set("hits", list);
    hits.put("total", total);
    return o;
  }

  /** An invenio-requests request of type {@code community-inclusion}. */
  ObjectNode request(Store.InclusionRequest r, String communityId) {
    ObjectNode o = Store.MAPPER.createObjectNode();
    o.put("id", r.id);
    o.put("number", Long.toString(r.number));
    o.put("type", "community-inclusion");
    o.put("title", r.title);
    o.put("status", r.status);
    o.put("is_open", r.open());
    o.put("is_closed", !r.open());
    o.put("is_expired", false);
    o.put("created", r.created);
    o.put("updated", r.updated);
    o.putObject("receiver").put("community", communityId);
    o.putObject("topic").put("record", Long.toString(r.recid));
    o.putObject("created_by").put("user", Long.toString(options.accountId(r.createdBy)));
    ObjectNode l = o.putObject("links");
    String self = api + "/requests/" + r.id;
    l.put("self", self);
    l.put("self_html", base + "/me/requests/" + r.id);
    l.put("comments", self + "/comments");
    l.put("timeline", self + "/timeline");
    if (r.open()) {
      ObjectNode actions = l.putObject("actions");
      actions.put("accept", self + "/actions/accept");
      actions.put("decline", self + "/actions/decline");
      actions.put("cancel", self + "/actions/cancel");
    }
    return o;
  }

  static String mimetype(String key) {
    String guess = URLConnection.guessContentTypeFromName(key);
    if (guess != null) {
      return guess;
    }
    String k = key.toLowerCase(Locale.ROOT);
    if (k.endsWith(".csv")) {
      return "text/csv";
    }
    if (k.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (k.endsWith(".zip")) {
      return "application/zip";
    }
    if (k.endsWith(".json")) {
      return "application/json";
    }
    return "application/octet-stream";
  }

  private static boolean isImage(String key) {
    return mimetype(key).startsWith("image/");
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
