package org.casepress.localzenodo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which route a method and path name, with the path's parameters. Paths are Zenodo's, without a
 * trailing slash (one is a 404 there too). A known path with another method gives a null route,
 * answered 405.
 */
final class Routing {
  private Routing() {}

  record Match(Route route, List<String> params) {}

  static Match match(String method, String rawPath) {
    if (!rawPath.startsWith("/api/") && LandingPages.handles(rawPath)) {
      // The pages a browser opens from a record's links (links.html, self_html), as on
      // zenodo.org: HTML here, JSON under /api.
      return new Match(method.equals("GET") ? Route.LANDING_PAGE : null, List.of(rawPath));
    }
    if (!rawPath.startsWith("/api/") || rawPath.endsWith("/")) {
      return new Match(Route.UNKNOWN, List.of());
    }
    String[] raw = rawPath.substring(5).split("/", -1);
    List<String> s = new ArrayList<>();
    for (String part : raw) {
      s.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    int n = s.size();
    String head = s.get(0);
    if (n >= 2 && head.equals("deposit") && s.get(1).equals("depositions")) {
      return depositions(method, s);
    }
    List<String> p = s.subList(1, n);
    Route r = Route.UNKNOWN;
    if (n >= 2 && head.equals("files")) {
      if (n == 2) {
        r = pick(method, Map.of("GET", Route.BUCKET_GET));
      } else if (n == 3) {
        r =
            pick(
                method,
                Map.of(
                    "PUT", Route.UPLOAD, "GET", Route.BUCKET_GET, "DELETE", Route.BUCKET_DELETE));
      }
    } else if (head.equals("records")) {
      r = records(method, s);
    } else if (n == 2 && head.equals("communities")) {
      r = pick(method, Map.of("GET", Route.COMMUNITY_GET));
    } else if (n >= 2 && head.equals("requests")) {
      if (n == 2) {
        r = pick(method, Map.of("GET", Route.REQUEST_GET));
      } else if (n == 4 && s.get(2).equals("actions") && s.get(3).equals("accept")) {
        r = pick(method, Map.of("POST", Route.REQUEST_ACCEPT));
      } else if (n == 4 && s.get(2).equals("actions") && s.get(3).equals("decline")) {
        r = pick(method, Map.of("POST", Route.REQUEST_DECLINE));
      }
    }
    return new Match(r, List.copyOf(p));
  }

  private static Match depositions(String method, List<String> s) {
    int n = s.size();
    if (n == 2) {
      return new Match(pick(method, Map.of("GET", Route.LIST, "POST", Route.CREATE)), List.of());
    }
    Route r = Route.UNKNOWN;
    if (n == 3) {
      r = pick(method, Map.of("GET", Route.GET, "PUT", Route.UPDATE, "DELETE", Route.DELETE));
    } else if (n == 4 && s.get(3).equals("files")) {
      r = pick(method, Map.of("GET", Route.FILE_LIST, "POST", Route.MULTIPART_UPLOAD));
    } else if (n == 5 && s.get(3).equals("files")) {
      r = pick(method, Map.of("GET", Route.FILE_GET, "DELETE", Route.FILE_DELETE));
    } else if (n == 5 && s.get(3).equals("actions") && method.equals("POST")) {
      r = action(s.get(4));
    }
    return new Match(r, List.copyOf(s.subList(2, n)));
  }

  private static Route records(String method, List<String> s) {
    int n = s.size();
    if (n == 1) {
      return pick(method, Map.of("GET", Route.RECORD_SEARCH));
    }
    if (n == 2 || (n == 4 && s.get(2).equals("versions") && s.get(3).equals("latest"))) {
      return pick(method, Map.of("GET", Route.RECORD_GET));
    }
    if ((n == 3 && s.get(2).equals("files"))
        || (n == 5 && s.get(2).equals("files") && s.get(4).equals("content"))) {
      return pick(method, Map.of("GET", Route.RECORD_FILES));
    }
    if (n == 3 && s.get(2).equals("communities")) {
      return pick(
          method, Map.of("GET", Route.RECORD_COMMUNITIES, "POST", Route.RECORD_COMMUNITIES_ADD));
    }
    if (n == 3 && s.get(2).equals("requests")) {
      return pick(method, Map.of("GET", Route.RECORD_REQUESTS));
    }
    return Route.UNKNOWN;
  }

  private static Route pick(String method, Map<String, Route> byMethod) {
    return byMethod.get(method);
  }

  private static Route action(String name) {
    return switch (name) {
      case "publish" -> Route.PUBLISH;
      case "edit" -> Route.EDIT;
      case "discard" -> Route.DISCARD;
      case "newversion" -> Route.NEWVERSION;
      default -> Route.UNKNOWN;
    };
  }

  static Map<String, String> query(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return m;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      m.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return m;
  }
}
