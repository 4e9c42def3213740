package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casepress.localzenodo.Store.Concept;
import org.casepress.localzenodo.Store.Deposit;
import org.casepress.localzenodo.Store.FileEntry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The pages a person opens from a local record's link, as zenodo.org shows them: {@code
 * /records/ID} (the published record: title, creators, DOI, description, communities, files),
 * {@code /records/ID/files/KEY} (a file's bytes) and {@code /deposit/ID} (a draft, as its owner
 * sees it). Read from the storage folder on every request, without changing it, so that what
 * another command published a moment ago shows at once.
 */
public final class LandingPages {
  private static final Pattern RECORD = Pattern.compile("/records/(\\d+)/?");
  private static final Pattern FILE = Pattern.compile("/records/(\\d+)/files/([^/]+)");
  private static final Pattern DEPOSIT = Pattern.compile("/deposit/(\\d+)/?");
  private static final Pattern REQUEST = Pattern.compile("/requests/([0-9a-f-]+)/?");

  private final Path storageDir;

  public LandingPages(Path storageDir) {
    this.storageDir = storageDir;
  }

  /**
   * A page or file.
   *
   * @param contentType e.g. {@code text/html; charset=utf-8}
   */
  public record Page(int status, String contentType, byte[] body) {}

  /** True for the paths these pages answer; everything else belongs to someone else. */
  public static boolean handles(String path) {
    return path.startsWith("/records/")
        || path.startsWith("/deposit/")
        || path.startsWith("/requests/");
  }

  /** The page for {@code path}, or a 404 page naming what is missing. */
  public Page page(String path, String stylesheet) throws IOException {
    Store.State state = Store.read(storageDir);
    Matcher m;
    if ((m = REQUEST.matcher(path)).matches()) {
      Store.InclusionRequest r = state.requests.get(m.group(1));
      if (r == null) {
        return notFound(
            "There is no community request " + m.group(1) + " on the local Zenodo.", stylesheet);
      }
      return new Page(
          200, "text/html; charset=utf-8", request(r, stylesheet).getBytes(StandardCharsets.UTF_8));
    }
    if ((m = FILE.matcher(path)).matches()) {
      Deposit d = state.deposits.get(Long.parseLong(m.group(1)));
      String key = java.net.URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
      if (d != null && d.published != null) {
        for (FileEntry f : d.publishedFiles) {
          if (f.key.equals(key)) {
            return new Page(
                200,
                key.endsWith(".pdf") ? "application/pdf" : "application/octet-stream",
                Files.readAllBytes(storageDir.resolve("blobs").resolve(f.blob)));
          }
        }
      }
      return notFound(
          "There is no file " + key + " in local record " + m.group(1) + ".", stylesheet);
    }
    boolean record = (m = RECORD.matcher(path)).matches();
    if (!record && !(m = DEPOSIT.matcher(path)).matches()) {
      return notFound("Nothing lives at " + path + " on the local Zenodo.", stylesheet);
    }
    Deposit d = state.deposits.get(Long.parseLong(m.group(1)));
    if (d == null || (record && d.published == null)) {
      return notFound(
          "There is no "
              + (record ? "published record" : "deposit")
              + " "
              + m.group(1)
              + " on the local Zenodo (storage "
              + storageDir
              + ").",
          stylesheet);
    }
    Concept c = state.concepts.get(d.conceptrecid);
    return new Page(
        200,
        "text/html; charset=utf-8",
        html(state, d, c, record, stylesheet).getBytes(StandardCharsets.UTF_8));
  }

  private static String html(
      Store.State state, Deposit d, Concept c, boolean record, String stylesheet) {
    JsonNode meta = record || d.draft == null ? d.published : d.draft;
    String title = meta.path("title").asText("(untitled)");
    StringBuilder s = new StringBuilder();
    head(s, title + (record ? "" : " (draft)") + " | local Zenodo", stylesheet);
    s.append("<main>\n<p class=\"kind\">")
        .append(record ? "Published record " : "Draft deposit ")
        .append(d.id)
        .append(" on the local Zenodo (a rehearsal: nothing here is on zenodo.org)</p>\n");
    s.append("<h1>").append(e(title)).append("</h1>\n");
    s.append("<p class=\"creators\">");
    boolean first = true;
    for (JsonNode creator : meta.path("creators")) {
      s.append(first ? "" : "; ").append(e(creator.path("name").asText()));
      first = false;
    }
    s.append("</p>\n<dl class=\"facts\">\n");
    String doi = d.doi != null ? d.doi : meta.path("prereserve_doi").path("doi").asText(null);
    if (doi != null) {
      s.append("<dt>DOI</dt><dd>")
          .append(e(doi))
          .append(record ? "" : " (reserved; minted when published)")
          .append("</dd>\n");
    }
    s.append("<dt>Publication date</dt><dd>")
        .append(e(meta.path("publication_date").asText("-")))
        .append("</dd>\n");
    s.append("<dt>Version</dt><dd>").append(e(meta.path("version").asText("-"))).append("</dd>\n");
    s.append("<dt>Licence</dt><dd>").append(e(meta.path("license").asText("-"))).append("</dd>\n");
    s.append("<dt>Communities</dt><dd>").append(communities(c, state, d.id)).append("</dd>\n");
    s.append("</dl>\n<h2>Description</h2>\n<div class=\"description\">")
        .append(Jsoup.clean(meta.path("description").asText(""), Safelist.basic()))
        .append("</div>\n<h2>Files</h2>\n<ul>\n");
    for (FileEntry f : record ? d.publishedFiles : d.draftFiles) {
      s.append("<li>");
      if (record) {
        s.append("<a href=\"/records/")
            .append(d.id)
            .append("/files/")
            .append(
                e(java.net.URLEncoder.encode(f.key, StandardCharsets.UTF_8).replace("+", "%20")))
            .append("\">")
            .append(e(f.key))
            .append("</a>");
      } else {
        s.append(e(f.key));
      }
      s.append(" (").append(f.size).append(" bytes, md5 ").append(e(f.md5)).append(")</li>\n");
    }
    s.append("</ul>\n</main>\n</body>\n</html>\n");
    return s.toString();
  }

  /** A community-inclusion request, as its curators see it on zenodo.org's request page. */
  private static String request(Store.InclusionRequest r, String stylesheet) {
    StringBuilder s = new StringBuilder();
    String title = "Request to include \"" + r.title + "\" in " + r.community;
    head(s, title + " | local Zenodo", stylesheet);
    s.append("<main>\n<p class=\"kind\">Community request ")
        .append(e(r.id))
        .append(" on the local Zenodo (a rehearsal: nothing here is on zenodo.org)</p>\n<h1>")
        .append(e(title))
        .append("</h1>\n<dl class=\"facts\">\n<dt>Status</dt><dd>")
        .append(e(r.status))
        .append(r.open() ? " (awaiting the community's curators)" : "")
        .append("</dd>\n<dt>Community</dt><dd>")
        .append(e(r.community))
        .append("</dd>\n<dt>Record</dt><dd><a href=\"/records/")
        .append(r.recid)
        .append("\">")
        .append(e(r.title))
        .append("</a></dd>\n<dt>Opened</dt><dd>")
        .append(e(r.created))
        .append("</dd>\n<dt>Last changed</dt><dd>")
        .append(e(r.updated))
        .append("</dd>\n</dl>\n</main>\n</body>\n</html>\n");
    return s.toString();
  }

  private static String communities(Concept c, Store.State state, long recid) {
    List<Store.InclusionRequest> waiting =
        state.requests.values().stream().filter(r -> r.recid == recid && r.open()).toList();
    if ((c == null || c.communities.isEmpty()) && waiting.isEmpty()) {
      return "none requested";
    }
    StringBuilder s = new StringBuilder();
    if (c != null) {
      c.communities.forEach(
          x -> s.append(s.length() > 0 ? "; " : "").append(e(x)).append(" (included)"));
    }
    waiting.forEach(
        r ->
            s.append(s.length() > 0 ? "; " : "")
                .append(e(r.community))
                .append(" (awaiting the curators, request <a href=\"/requests/")
                .append(e(r.id))
                .append("\">")
                .append(e(r.id))
                .append("</a>)"));
    return s.toString();
  }

  private static Page notFound(String message, String stylesheet) {
    StringBuilder s = new StringBuilder();
    head(s, "Not found | local Zenodo", stylesheet);
    s.append("<main>\n<h1>Not found</h1>\n<p>")
        .append(e(message))
        .append("</p>\n</main>\n</body>\n</html>\n");
    return new Page(404, "text/html; charset=utf-8", s.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void head(StringBuilder s, String title, String stylesheet) {
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(e(title))
        .append("</title>\n");
    if (stylesheet != null) {
      s.append("<link rel=\"stylesheet\" href=\"").append(e(stylesheet)).append("\">\n");
    }
    s.append("</head>\n<body>\n");
  }

  private static String e(String s) {
    return Entities.escape(s == null ? "" : s);
  }
}
