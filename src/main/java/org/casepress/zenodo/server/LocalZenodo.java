package org.casepress.zenodo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.casepress.zenodo.Target;
import org.casepress.zenodo.server.Faults.Rule;
import org.casepress.zenodo.server.Faults.When;
import org.casepress.zenodo.server.Options.ReviewPolicy;
import org.casepress.zenodo.server.Store.Concept;
import org.casepress.zenodo.server.Store.Deposit;
import org.casepress.zenodo.server.Store.FileEntry;

/**
 * A Zenodo-compatible server for the {@code local} target: the legacy deposit API as
 * docs/zenodo.md#the-embedded-server describes it, on 127.0.0.1 only, persisted under a folder,
 * with fault injection for tests.
 */
public final class LocalZenodo implements AutoCloseable {
  static final long OWNER = 1;
  private static final long MAX_JSON = 10L * 1024 * 1024;
  private static final long MAX_MULTIPART = 100L * 1024 * 1024;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

  private static final String LEGACY_401 =
      "The server could not verify that you are authorized to access the URL requested. You"
          + " either supplied the wrong credentials (e.g. a bad password), or your browser doesn't"
          + " understand how to supply the credentials required.";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Store store;
  private final Options options;
  private final Faults faults = new Faults();
  private final Views views;
  private final String baseUrl;
  private final Map<Long, Integer> hiddenFromSearch = new HashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private long windowStart;
  private int used;

  private LocalZenodo(HttpServer server, ExecutorService executor, Store store, Options options) {
    this.server = server;
    this.executor = executor;
    this.store = store;
    this.options = options;
    this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    this.views = new Views(baseUrl);
    this.windowStart = options.clock().millis();
  }

  /** Starts on 127.0.0.1:{@code port} ({@code 0} picks a free port), state under {@code dir}. */
  public static LocalZenodo start(Path storageDir, int port, Options options) throws IOException {
    Store store = Store.open(storageDir);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            16,
            r -> {
              Thread t = new Thread(r, "local-zenodo");
              t.setDaemon(true);
              return t;
            });
    LocalZenodo zenodo = new LocalZenodo(server, executor, store, options);
    server.createContext("/", zenodo::handle);
    server.setExecutor(executor);
    server.start();
    return zenodo;
  }

  public static LocalZenodo start(Path storageDir, int port) throws IOException {
    return start(storageDir, port, Options.defaults());
  }

  /**
   * {@code casepress local-zenodo}: runs until the process is interrupted, printing the base URL.
   */
  public static void runForeground(Path storageDir, int port, PrintStream out)
      throws IOException, InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    LocalZenodo zenodo = start(storageDir, port, Options.defaults());
    Thread hook =
        new Thread(
            () -> {
              zenodo.close();
              stopped.countDown();
            });
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("Local Zenodo listening on " + zenodo.apiUrl());
      out.println("Storage: " + storageDir.toAbsolutePath());
      out.println("Stop with Ctrl-C.");
      out.flush();
      stopped.await();
    } finally {
      zenodo.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook is running.
      }
    }
  }

  /** {@code http://127.0.0.1:<port>} */
  public String baseUrl() {
    return baseUrl;
  }

  /** {@code http://127.0.0.1:<port>/api}, the base URL for the client. */
  public String apiUrl() {
    return baseUrl + "/api";
  }

  public Target target() {
    return Target.local(apiUrl());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public Faults faults() {
    return faults;
  }

  /** Requests received so far, whatever their outcome. */
  public int requestCount() {
    return requests.get();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  // ---- HTTP plumbing

  private record Match(Route route, List<String> params) {}

  private record Rate(int limit, int remaining, long resetEpoch, long retryAfter, boolean over) {}

  /** Thrown to make the server drop the connection without answering. */
  private static final class Drop extends IOException {
    private static final long serialVersionUID = 1L;

    Drop() {
      super("connection dropped on purpose (fault injection)");
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    Rate rate = tick();
    Reply reply;
    try {
      reply = answer(ex, rate);
    } catch (ApiError e) {
      reply = e.reply;
    } catch (Drop e) {
      throw e;
    } catch (RuntimeException e) {
      ObjectNode body = Store.MAPPER.createObjectNode();
      body.put("status", 500);
      body.put(
          "message",
          "The server encountered an internal error and was unable to complete your request."
              + " Either the server is overloaded or there is an error in the application.");
      body.put("error_id", UUID.randomUUID().toString().replace("-", ""));
      reply = Reply.json(500, body);
    }
    send(ex, options.legacyErrors() ? legacy(reply) : reply, rate);
  }

  /** Rewrites a current-shape error body into the old one ({@code message} per field error). */
  private static Reply legacy(Reply reply) {
    if (reply.status() < 400 || !"application/json".equals(reply.contentType())) {
      return reply;
    }
    try {
      JsonNode body = Store.MAPPER.readTree(reply.body());
      if (!body.has("errors")) {
        return reply;
      }
      ObjectNode old = Store.MAPPER.createObjectNode();
      old.put("status", reply.status());
      old.put("message", "Validation error.");
      ArrayNode errors = old.putArray("errors");
      for (JsonNode e : body.path("errors")) {
        List<String> messages = new ArrayList<>();
        e.path("messages").forEach(m -> messages.add(m.asText()));
        errors
            .addObject()
            .put("field", e.path("field").asText())
            .put("message", String.join(" ", messages));
      }
      Reply rewritten = Reply.json(reply.status(), old);
      rewritten.headers().putAll(reply.headers());
      return rewritten;
    } catch (IOException e) {
      return reply;
    }
  }

  private Reply answer(HttpExchange ex, Rate rate) throws IOException {
    if (faults.takeRateLimit()) {
      return tooMany(1);
    }
    if (rate.over()) {
      return tooMany(rate.retryAfter());
    }
    Match match = match(ex.getRequestMethod(), ex.getRequestURI().getRawPath());
    Optional<Rule> before = faults.take(match.route(), When.BEFORE);
    if (before.isPresent()) {
      return failure(before.get());
    }
    String token = token(ex);
    if (options.requiredToken() != null && !options.requiredToken().equals(token)) {
      throw options.legacyErrors() ? ApiError.of(401, LEGACY_401) : ApiError.denied();
    }
    Reply reply = route(ex, match, token != null);
    Optional<Rule> after = faults.take(match.route(), When.AFTER_COMMIT);
    return after.isPresent() ? failure(after.get()) : reply;
  }

  private Reply failure(Rule rule) {
    if (rule.html()) {
      return Reply.html(rule.status(), reason(rule.status()));
    }
    throw ApiError.of(
        rule.status(),
        rule.status() >= 500
            ? "The server encountered an internal error and was unable to complete your request."
                + " Either the server is overloaded or there is an error in the application."
            : reason(rule.status()));
  }

  private static String reason(int status) {
    switch (status) {
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Temporarily Unavailable";
      case 504:
        return "Gateway Time-out";
      case 500:
        return "Internal Server Error";
      case 403:
        return "Permission denied.";
      default:
        return "Error";
    }
  }

  private Reply tooMany(long retryAfter) {
    ObjectNode body = Store.MAPPER.createObjectNode();
    body.put("status", 429);
    body.put(
        "message", options.rateLimit() + " per " + options.rateWindow().toSeconds() + " second");
    return Reply.json(429, body).header("Retry-After", Long.toString(retryAfter));
  }

  private synchronized Rate tick() {
    long now = options.clock().millis();
    long window = options.rateWindow().toMillis();
    if (now >= windowStart + window) {
      windowStart = now;
      used = 0;
    }
    used++;
    long end = windowStart + window;
    return new Rate(
        options.rateLimit(),
        Math.max(0, options.rateLimit() - used),
        end / 1000,
        Math.max(1, (end - now + 999) / 1000),
        used > options.rateLimit());
  }

  private static String token(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String t = auth.substring(7).strip();
      return t.isEmpty() ? null : t;
    }
    String q = ex.getRequestURI().getRawQuery();
    return q == null ? null : query(q).get("access_token");
  }

  private void send(HttpExchange ex, Reply reply, Rate rate) throws IOException {
    var h = ex.getResponseHeaders();
    if (reply.contentType() != null) {
      h.set("Content-Type", reply.contentType());
    }
    h.set("X-RateLimit-Limit", Integer.toString(rate.limit()));
    h.set("X-RateLimit-Remaining", Integer.toString(rate.remaining()));
    h.set("X-RateLimit-Reset", Long.toString(rate.resetEpoch()));
    h.set("Retry-After", Long.toString(rate.retryAfter()));
    reply.headers().forEach(h::set);
    if (!drained(ex)) {
      // An early answer (403, 413, ...) to a large body: the connection cannot be reused, and a
      // client that tried would see its next request reset.
      h.set("Connection", "close");
    }
    try (ex) {
      if (reply.file() != null) {
        ex.sendResponseHeaders(reply.status(), Files.size(reply.file()));
        try (OutputStream out = ex.getResponseBody()) {
          Files.copy(reply.file(), out);
        }
      } else if (reply.body().length == 0) {
        ex.sendResponseHeaders(reply.status(), -1);
      } else {
        ex.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }

  /** Reads what is left of the request body, up to a limit; true if it was all read. */
  private static boolean drained(HttpExchange ex) {
    byte[] sink = new byte[64 * 1024];
    long budget = 8L * 1024 * 1024;
    try {
      InputStream in = ex.getRequestBody();
      while (budget > 0) {
        int n = in.read(sink, 0, (int) Math.min(sink.length, budget));
        if (n < 0) {
          return true;
        }
        budget -= n;
      }
      return in.read() < 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static Match match(String method, String rawPath) {
    if (!rawPath.startsWith("/api/") || rawPath.endsWith("/")) {
      return new Match(Route.UNKNOWN, List.of());
    }
    String[] raw = rawPath.substring(5).split("/", -1);
    List<String> s = new ArrayList<>();
    for (String part : raw) {
      s.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    int n = s.size();
    Route r = Route.UNKNOWN;
    List<String> p = List.of();
    if (n >= 2 && s.get(0).equals("deposit") && s.get(1).equals("depositions")) {
      if (n == 2) {
        r = pick(method, Map.of("GET", Route.LIST, "POST", Route.CREATE));
      } else {
        p = s.subList(2, n);
        if (n == 3) {
          r = pick(method, Map.of("GET", Route.GET, "PUT", Route.UPDATE, "DELETE", Route.DELETE));
        } else if (n == 4 && s.get(3).equals("files")) {
          r = pick(method, Map.of("GET", Route.FILE_LIST, "POST", Route.MULTIPART_UPLOAD));
        } else if (n == 5 && s.get(3).equals("files")) {
          r = pick(method, Map.of("GET", Route.FILE_GET, "DELETE", Route.FILE_DELETE));
        } else if (n == 5 && s.get(3).equals("actions") && method.equals("POST")) {
          r = action(s.get(4));
        }
      }
    } else if (n >= 2 && s.get(0).equals("files")) {
      p = s.subList(1, n);
      if (n == 2) {
        r = pick(method, Map.of("GET", Route.BUCKET_GET));
      } else if (n == 3) {
        r =
            pick(
                method,
                Map.of(
                    "PUT", Route.UPLOAD, "GET", Route.BUCKET_GET, "DELETE", Route.BUCKET_DELETE));
      }
    } else if (s.get(0).equals("records")) {
      p = s.subList(1, n);
      if (n == 1) {
        r = pick(method, Map.of("GET", Route.RECORD_SEARCH));
      } else if (n == 2 || (n == 4 && s.get(2).equals("versions") && s.get(3).equals("latest"))) {
        r = pick(method, Map.of("GET", Route.RECORD_GET));
      } else if ((n == 3 && s.get(2).equals("files"))
          || (n == 5 && s.get(2).equals("files") && s.get(4).equals("content"))) {
        r = pick(method, Map.of("GET", Route.RECORD_FILES));
      }
    } else if (n == 2 && s.get(0).equals("communities")) {
      p = s.subList(1, n);
      r = pick(method, Map.of("GET", Route.COMMUNITY_GET));
    }
    return new Match(r, List.copyOf(p));
  }

  private static Route pick(String method, Map<String, Route> byMethod) {
    Route r = byMethod.get(method);
    // A known path with another method: 405, signalled by a null route.
    return r;
  }

  private static Route action(String name) {
    switch (name) {
      case "publish":
        return Route.PUBLISH;
      case "edit":
        return Route.EDIT;
      case "discard":
        return Route.DISCARD;
      case "newversion":
        return Route.NEWVERSION;
      default:
        return Route.UNKNOWN;
    }
  }

  // ---- behaviour

  private Reply route(HttpExchange ex, Match m, boolean authenticated) throws IOException {
    if (m.route() == null) {
      throw ApiError.of(405, "The method is not allowed for the requested URL.");
    }
    List<String> p = m.params();
    switch (m.route()) {
      case CREATE:
        return create(ex);
      case LIST:
        return list(ex);
      case GET:
        return read(p.get(0));
      case UPDATE:
        return update(ex, p.get(0));
      case DELETE:
        return delete(p.get(0));
      case FILE_LIST:
        return fileList(p.get(0));
      case FILE_GET:
        return fileGet(p.get(0), p.get(2));
      case FILE_DELETE:
        return fileDelete(p.get(0), p.get(2));
      case MULTIPART_UPLOAD:
        return multipart(ex, p.get(0));
      case UPLOAD:
        return upload(ex, p.get(0), p.get(1));
      case BUCKET_GET:
        return p.size() == 1 ? bucketList(p.get(0)) : bucketGet(p.get(0), p.get(1));
      case BUCKET_DELETE:
        return bucketDelete(p.get(0), p.get(1));
      case PUBLISH:
        return publish(p.get(0));
      case EDIT:
        return edit(p.get(0));
      case DISCARD:
        return discard(p.get(0));
      case NEWVERSION:
        return newVersion(p.get(0));
      case RECORD_GET:
        return p.size() == 1 ? recordGet(p.get(0)) : latestRecord(p.get(0));
      case RECORD_FILES:
        return p.size() == 2 ? recordFiles(p.get(0)) : recordContent(p.get(0), p.get(2));
      case RECORD_SEARCH:
        return recordSearch(ex, authenticated);
      case COMMUNITY_GET:
        return community(p.get(0));
      default:
        throw ApiError.of(404, ApiError.NO_ROUTE);
    }
  }

  private Reply create(HttpExchange ex) throws IOException {
    JsonNode body = jsonBody(ex);
    ObjectNode metadata = checkTopLevel(body);
    synchronized (store) {
      Concept c = new Concept();
      c.conceptrecid = Long.toString(store.state.nextId++);
      Deposit d = new Deposit();
      d.id = store.state.nextId++;
      d.conceptrecid = c.conceptrecid;
      d.created = now();
      d.modified = d.created;
      d.draft = metadata;
      d.draftBucket = UUID.randomUUID().toString();
      c.draftId = d.id;
      store.state.concepts.put(c.conceptrecid, c);
      store.state.deposits.put(d.id, d);
      store.save();
      int lag = faults.searchLagCalls();
      if (lag > 0) {
        hiddenFromSearch.put(d.id, lag);
      }
      return withEtag(Reply.json(201, view(d)), d);
    }
  }

  /**
   * Unknown top-level keys are an error; unknown metadata keys are dropped
   * (docs/zenodo.md#depositions).
   */
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
    return Metadata.normalize(body.get("metadata"), today());
  }

  private Reply read(String idText) {
    synchronized (store) {
      Deposit d = deposit(idText);
      return withEtag(Reply.json(200, view(d)), d);
    }
  }

  private Reply update(HttpExchange ex, String idText) throws IOException {
    JsonNode body = jsonBody(ex);
    synchronized (store) {
      Deposit d = deposit(idText);
      if (d.draft == null) {
        throw ApiError.notFound();
      }
      String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
      if (ifMatch != null
          && !ifMatch.replace("\"", "").strip().equals(Integer.toString(d.revision))) {
        throw ApiError.of(412, "The provided revision ID doesn't match the latest one.");
      }
      d.draft = checkTopLevel(body);
      touch(d);
      store.save();
      return withEtag(Reply.json(200, view(d)), d);
    }
  }

  private Reply delete(String idText) {
    synchronized (store) {
      Deposit d = deposit(idText);
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
    Concept c = store.state.concepts.get(d.conceptrecid);
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
      touch(d);
    }
    files.forEach(f -> store.dropBlobIfUnused(f.blob));
  }

  private Reply list(HttpExchange ex) {
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    int size = intParam(q, "size", 25);
    int page = intParam(q, "page", 1);
    if (size > 100) {
      throw ApiError.of(400, "Page size cannot be greater than 100.");
    }
    if (size < 1 || page < 1) {
      throw ApiError.of(400, "Invalid querystring parameters.");
    }
    boolean all = Boolean.parseBoolean(q.getOrDefault("all_versions", "false"));
    String text = q.getOrDefault("q", "").strip();
    ArrayNode out = Store.MAPPER.createArrayNode();
    synchronized (store) {
      List<Deposit> matches = new ArrayList<>();
      for (Deposit d : store.state.deposits.values()) {
        Integer hidden = hiddenFromSearch.get(d.id);
        if (hidden != null) {
          if (hidden <= 1) {
            hiddenFromSearch.remove(d.id);
          } else {
            hiddenFromSearch.put(d.id, hidden - 1);
          }
          continue;
        }
        if (!all && d.published != null && d.id != latestVersion(d.conceptrecid)) {
          continue;
        }
        if (matchesQuery(d, text)) {
          matches.add(d);
        }
      }
      matches.sort(Comparator.comparingLong((Deposit d) -> d.id).reversed());
      int from = (page - 1) * size;
      for (int i = from; i < Math.min(matches.size(), from + size); i++) {
        out.add(view(matches.get(i)));
      }
    }
    return Reply.json(200, out);
  }

  /** Enough of the query syntax for what clients use: {@code field:value} and free text. */
  private boolean matchesQuery(Deposit d, String q) {
    if (q.isEmpty()) {
      return true;
    }
    ObjectNode m = d.draft != null ? d.draft : d.published;
    if (q.length() > 1 && q.startsWith("\"") && q.endsWith("\"")) {
      // A phrase matches anywhere, identifiers included, as on Zenodo's search engine.
      String phrase = q.substring(1, q.length() - 1).toLowerCase(Locale.ROOT);
      return m.toString().toLowerCase(Locale.ROOT).contains(phrase);
    }
    int colon = q.indexOf(':');
    if (colon > 0) {
      String field = q.substring(0, colon);
      String value = q.substring(colon + 1).replace("\"", "").strip();
      switch (field) {
        case "conceptrecid":
          return d.conceptrecid.equals(value);
        case "recid":
        case "id":
          return Long.toString(d.id).equals(value);
        case "doi":
          return value.equals(d.doi);
        case "conceptdoi":
          Concept c = store.state.concepts.get(d.conceptrecid);
          return c != null && value.equals(c.conceptdoi);
        case "title":
          return m.path("title")
              .asText("")
              .toLowerCase(Locale.ROOT)
              .contains(value.toLowerCase(Locale.ROOT));
        default:
          return false;
      }
    }
    String needle = q.replace("\"", "").toLowerCase(Locale.ROOT);
    return m.path("title").asText("").toLowerCase(Locale.ROOT).contains(needle)
        || m.path("description").asText("").toLowerCase(Locale.ROOT).contains(needle);
  }

  private long latestVersion(String conceptrecid) {
    Concept c = store.state.concepts.get(conceptrecid);
    return c == null || c.versions.isEmpty() ? -1 : c.versions.get(c.versions.size() - 1);
  }

  private Reply fileList(String idText) {
    synchronized (store) {
      Deposit d = deposit(idText);
      ArrayNode out = Store.MAPPER.createArrayNode();
      boolean done = d.draft == null;
      for (FileEntry f : done ? d.publishedFiles : d.draftFiles) {
        out.add(views.file(d, f, done));
      }
      return Reply.json(200, out);
    }
  }

  private Reply fileGet(String idText, String fileId) {
    synchronized (store) {
      Deposit d = deposit(idText);
      boolean done = d.draft == null;
      for (FileEntry f : done ? d.publishedFiles : d.draftFiles) {
        if (f.id.equals(fileId)) {
          return Reply.json(200, views.file(d, f, done));
        }
      }
      throw ApiError.notFound();
    }
  }

  private Reply fileDelete(String idText, String fileId) {
    synchronized (store) {
      Deposit d = deposit(idText);
      // Published: 403; editing a published record: its files are locked.
      if (d.published != null) {
        throw ApiError.denied();
      }
      return removeDraftFile(d, e -> e.id.equals(fileId));
    }
  }

  /** Removes the draft file that matches, by id (deposit API) or key (bucket API); 404 if none. */
  private Reply removeDraftFile(Deposit d, java.util.function.Predicate<FileEntry> which) {
    FileEntry f = d.draftFiles.stream().filter(which).findFirst().orElseThrow(ApiError::notFound);
    d.draftFiles.remove(f);
    touch(d);
    store.save();
    store.dropBlobIfUnused(f.blob);
    return Reply.empty(204);
  }

  /** The draft a bucket belongs to, if files may be changed there; else 403/404. */
  private Deposit writableBucket(String bucket) {
    for (Deposit d : store.state.deposits.values()) {
      if (bucket.equals(d.draftBucket) && d.draft != null) {
        if (d.published != null) {
          throw ApiError.denied();
        }
        return d;
      }
      if (bucket.equals(d.recordBucket)) {
        throw ApiError.denied();
      }
    }
    throw ApiError.notFound();
  }

  private Reply upload(HttpExchange ex, String bucket, String key) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type != null && !type.equals("application/octet-stream")) {
      throw ApiError.of(
          415, "Invalid 'Content-Type' header. Expected one of: application/octet-stream");
    }
    long length = contentLength(ex);
    if (length > options.maxFileSize()) {
      throw ApiError.of(413, "The data value transmitted exceeds the capacity limit.");
    }
    synchronized (store) {
      Deposit d = writableBucket(bucket);
      checkFileCount(d, key);
    }
    Path tmp = store.newUpload();
    String md5;
    try {
      md5 = receive(ex.getRequestBody(), tmp, length, faults.takeDrop());
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    synchronized (store) {
      Deposit d;
      try {
        d = writableBucket(bucket);
        checkFileCount(d, key);
      } catch (ApiError e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      FileEntry f = keep(d, key, tmp, length, md5);
      return Reply.json(201, views.bucketObject(bucket, f));
    }
  }

  private void checkFileCount(Deposit d, String key) {
    boolean replaces = d.draftFiles.stream().anyMatch(f -> f.key.equals(key));
    if (!replaces && d.draftFiles.size() >= options.maxFiles()) {
      throw ApiError.of(
          400, "Uploading selected files will result in exceeding the max amount per record.");
    }
  }

  /** Adds or replaces {@code key} in the draft and saves; caller holds the store lock. */
  private FileEntry keep(Deposit d, String key, Path tmp, long size, String md5)
      throws IOException {
    FileEntry f = new FileEntry();
    f.id = UUID.randomUUID().toString();
    f.key = key;
    f.size = size;
    f.md5 = md5;
    f.versionId = UUID.randomUUID().toString();
    f.created = now();
    f.blob = store.keepBlob(tmp);
    List<FileEntry> replaced = new ArrayList<>();
    d.draftFiles.removeIf(
        e -> {
          if (e.key.equals(key)) {
            replaced.add(e);
            return true;
          }
          return false;
        });
    d.draftFiles.add(f);
    touch(d);
    store.save();
    replaced.forEach(e -> store.dropBlobIfUnused(e.blob));
    return f;
  }

  /** Copies exactly {@code length} bytes to {@code target}, returning their MD5. */
  private static String receive(InputStream in, Path target, long length, boolean drop)
      throws IOException {
    MessageDigest md5 = md5();
    byte[] buffer = new byte[256 * 1024];
    long received = 0;
    long dropAt = drop ? length / 2 : Long.MAX_VALUE;
    try (OutputStream out = Files.newOutputStream(target)) {
      while (received < length) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - received));
        if (n < 0) {
          break;
        }
        md5.update(buffer, 0, n);
        out.write(buffer, 0, n);
        received += n;
        if (received >= dropAt) {
          throw new Drop();
        }
      }
    }
    if (received != length) {
      throw new IOException("upload ended after " + received + " of " + length + " bytes");
    }
    return HexFormat.of().formatHex(md5.digest());
  }

  private Reply multipart(HttpExchange ex, String idText) throws IOException {
    long length = contentLength(ex);
    if (length > MAX_MULTIPART) {
      throw ApiError.of(413, "The data value transmitted exceeds the capacity limit.");
    }
    synchronized (store) {
      Deposit d = deposit(idText);
      if (d.draft == null) {
        throw ApiError.notFound();
      }
      if (d.published != null) {
        throw ApiError.denied();
      }
    }
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    Multipart.Form form = Multipart.parse(type, ex.getRequestBody().readNBytes((int) length));
    if (form.file() == null) {
      throw ApiError.validation(Map.of("file", List.of("Missing data for required field.")));
    }
    String key = Multipart.secureFilename(form.name() != null ? form.name() : form.filename());
    Path tmp = store.newUpload();
    Files.write(tmp, form.file());
    String md5 = HexFormat.of().formatHex(md5().digest(form.file()));
    synchronized (store) {
      Deposit d = deposit(idText);
      checkFileCount(d, key);
      FileEntry f = keep(d, key, tmp, form.file().length, md5);
      return Reply.json(201, views.file(d, f, false));
    }
  }

  private Reply bucketList(String bucket) {
    synchronized (store) {
      for (Deposit d : store.state.deposits.values()) {
        boolean draft = bucket.equals(d.draftBucket);
        if (draft || bucket.equals(d.recordBucket)) {
          ObjectNode o = Store.MAPPER.createObjectNode();
          ArrayNode contents = o.putArray("contents");
          for (FileEntry f : draft ? d.draftFiles : d.publishedFiles) {
            contents.add(views.bucketObject(bucket, f));
          }
          return Reply.json(200, o);
        }
      }
      throw ApiError.notFound();
    }
  }

  private Reply bucketGet(String bucket, String key) {
    synchronized (store) {
      for (Deposit d : store.state.deposits.values()) {
        boolean draft = bucket.equals(d.draftBucket);
        if (draft || bucket.equals(d.recordBucket)) {
          for (FileEntry f : draft ? d.draftFiles : d.publishedFiles) {
            if (f.key.equals(key)) {
              return Reply.file(store.blob(f.blob), Views.mimetype(key));
            }
          }
        }
      }
      throw ApiError.notFound();
    }
  }

  private Reply bucketDelete(String bucket, String key) {
    synchronized (store) {
      Deposit d = writableBucket(bucket);
      return removeDraftFile(d, e -> e.key.equals(key));
    }
  }

  private Reply publish(String idText) {
    synchronized (store) {
      Deposit d = deposit(idText);
      if (d.draft == null) {
        throw ApiError.notFound();
      }
      Map<String, List<String>> errors =
          Metadata.publishErrors(d.draft, d.draftFiles.size(), options.doiPrefix());
      if (!errors.isEmpty()) {
        throw ApiError.validation(errors);
      }
      Concept c = store.state.concepts.get(d.conceptrecid);
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
      for (String slug : Metadata.communitySlugs(metadata)) {
        ReviewPolicy policy = options.communities().get(slug);
        // Unknown communities are silently ignored, like Zenodo swallows the error.
        if (policy == ReviewPolicy.AUTO_ACCEPT && !c.communities.contains(slug)) {
          c.communities.add(slug);
        } else if (policy == ReviewPolicy.PENDING && !c.pendingCommunities.contains(slug)) {
          c.pendingCommunities.add(slug);
        }
      }
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
      touch(d);
      store.save();
      return withEtag(Reply.json(202, view(d)), d);
    }
  }

  private Reply edit(String idText) {
    synchronized (store) {
      Deposit d = deposit(idText);
      if (d.draft == null) {
        d.draft = d.published.deepCopy();
        Concept c = store.state.concepts.get(d.conceptrecid);
        if (!c.communities.isEmpty()) {
          ArrayNode list = d.draft.putArray("communities");
          c.communities.forEach(s -> list.addObject().put("identifier", s));
        }
        d.draftFiles = new ArrayList<>();
        d.publishedFiles.forEach(f -> d.draftFiles.add(f.copy()));
        d.draftBucket = UUID.randomUUID().toString();
        touch(d);
        store.save();
      }
      return withEtag(Reply.json(201, view(d)), d);
    }
  }

  /** Zenodo routes discard to the same draft deletion as DELETE (docs/zenodo.md#actions). */
  private Reply discard(String idText) {
    return delete(idText);
  }

  private Reply newVersion(String idText) {
    synchronized (store) {
      Deposit d = deposit(idText);
      if (d.published == null) {
        throw ApiError.notFound();
      }
      if (d.externalDoi) {
        throw ApiError.denied();
      }
      Concept c = store.state.concepts.get(d.conceptrecid);
      Deposit latest = store.state.deposits.get(latestVersion(d.conceptrecid));
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
        draft.created = now();
        draft.draft = latest.published.deepCopy();
        draft.draft.remove("version");
        draft.draft.remove("doi");
        draft.draft.put("publication_date", today().toString());
        if (!c.communities.isEmpty()) {
          ArrayNode list = draft.draft.putArray("communities");
          c.communities.forEach(s -> list.addObject().put("identifier", s));
        }
        draft.draftBucket = UUID.randomUUID().toString();
        c.draftId = draft.id;
        store.state.deposits.put(draft.id, draft);
      }
      // The legacy endpoint imports the previous version's files (same file ids).
      draft.draftFiles = new ArrayList<>();
      for (FileEntry f : latest.publishedFiles) {
        FileEntry copy = f.copy();
        copy.versionId = UUID.randomUUID().toString();
        draft.draftFiles.add(copy);
      }
      touch(draft);
      store.save();
      return withEtag(Reply.json(201, view(draft)), draft);
    }
  }

  private Reply recordGet(String idText) {
    synchronized (store) {
      Deposit d = published(idText);
      return Reply.json(200, views.record(d, store.state.concepts.get(d.conceptrecid)));
    }
  }

  /** {@code links.latest}: Zenodo redirects; answering with the latest version is enough here. */
  private Reply latestRecord(String idText) {
    synchronized (store) {
      Deposit d = published(idText);
      Deposit latest = store.state.deposits.get(latestVersion(d.conceptrecid));
      return Reply.json(200, views.record(latest, store.state.concepts.get(d.conceptrecid)));
    }
  }

  private Reply recordFiles(String idText) {
    synchronized (store) {
      return Reply.json(200, views.recordFiles(published(idText)));
    }
  }

  private Reply recordContent(String idText, String key) {
    synchronized (store) {
      Deposit d = published(idText);
      for (FileEntry f : d.publishedFiles) {
        if (f.key.equals(key)) {
          return Reply.file(store.blob(f.blob), Views.mimetype(key));
        }
      }
      throw ApiError.notFound();
    }
  }

  /** A published record by id, or the latest version when given a concept id. */
  private Deposit published(String idText) {
    long id = parseId(idText);
    Deposit d = store.state.deposits.get(id);
    if (d == null) {
      Concept c = store.state.concepts.get(idText);
      if (c != null && !c.versions.isEmpty()) {
        d = store.state.deposits.get(c.versions.get(c.versions.size() - 1));
      }
    }
    if (d == null || d.published == null) {
      throw ApiError.notFound();
    }
    return d;
  }

  private Reply recordSearch(HttpExchange ex, boolean authenticated) {
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    int size = intParam(q, "size", 10);
    int page = intParam(q, "page", 1);
    int max = authenticated ? 100 : 25;
    if (size > max) {
      throw ApiError.validation(
          Map.of(
              "size",
              List.of(
                  "Page size cannot be greater than "
                      + max
                      + (authenticated
                          ? "."
                          : ". Please use authenticated requests to increase the limit to 100."))));
    }
    String text = q.getOrDefault("q", "").strip();
    synchronized (store) {
      List<Deposit> hits = new ArrayList<>();
      for (Deposit d : store.state.deposits.values()) {
        if (d.published != null
            && d.id == latestVersion(d.conceptrecid)
            && matchesQuery(publishedOnly(d), text)) {
          hits.add(d);
        }
      }
      ObjectNode o = Store.MAPPER.createObjectNode();
      ObjectNode outer = o.putObject("hits");
      ArrayNode list = outer.putArray("hits");
      int from = Math.max(0, (page - 1) * size);
      for (int i = from; i < Math.min(hits.size(), from + size); i++) {
        Deposit d = hits.get(i);
        list.add(views.record(d, store.state.concepts.get(d.conceptrecid)));
      }
      outer.put("total", hits.size());
      o.putObject("aggregations");
      o.putObject("links").put("self", apiUrl() + "/records?page=" + page + "&size=" + size);
      return Reply.json(200, o);
    }
  }

  private static Deposit publishedOnly(Deposit d) {
    Deposit view = new Deposit();
    view.id = d.id;
    view.conceptrecid = d.conceptrecid;
    view.doi = d.doi;
    view.published = d.published;
    return view;
  }

  private Reply community(String slug) {
    ReviewPolicy policy = options.communities().get(slug);
    if (policy == null) {
      throw ApiError.notFound();
    }
    String id = UUID.nameUUIDFromBytes(slug.getBytes(StandardCharsets.UTF_8)).toString();
    String title = slug.replace('-', ' ');
    return Reply.json(200, views.community(slug, id, title, policy == ReviewPolicy.AUTO_ACCEPT));
  }

  // ---- helpers

  private Deposit deposit(String idText) {
    Deposit d = store.state.deposits.get(parseId(idText));
    if (d == null) {
      throw ApiError.notFound();
    }
    return d;
  }

  private static long parseId(String idText) {
    try {
      return Long.parseLong(idText);
    } catch (NumberFormatException e) {
      throw ApiError.notFound();
    }
  }

  private ObjectNode view(Deposit d) {
    return views.deposition(d, store.state.concepts.get(d.conceptrecid));
  }

  private static Reply withEtag(Reply r, Deposit d) {
    return r.header("ETag", "\"" + d.revision + "\"");
  }

  private void touch(Deposit d) {
    d.revision++;
    d.modified = now();
  }

  private String now() {
    return TIMESTAMP.format(options.clock().instant().atOffset(ZoneOffset.UTC));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(options.clock().instant(), ZoneOffset.UTC);
  }

  private static JsonNode jsonBody(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    // Compared as a whole string, parameters included, like flask-resources does
    // (docs/zenodo.md#json).
    if (type != null && !type.equals("application/json")) {
      throw ApiError.of(415, "Invalid 'Content-Type' header. Expected one of: application/json");
    }
    long length = contentLength(ex);
    if (length > MAX_JSON) {
      throw ApiError.of(413, "The data value transmitted exceeds the capacity limit.");
    }
    byte[] bytes = ex.getRequestBody().readNBytes((int) length);
    if (bytes.length == 0) {
      return Store.MAPPER.createObjectNode();
    }
    try {
      return Store.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw ApiError.of(400, "Unable to decode JSON data in request body.");
    }
  }

  /** Zenodo's proxy refuses chunked bodies; we insist on a Content-Length too. */
  private static long contentLength(HttpExchange ex) {
    String te = ex.getRequestHeaders().getFirst("Transfer-Encoding");
    String cl = ex.getRequestHeaders().getFirst("Content-Length");
    if (te != null || cl == null) {
      throw ApiError.of(411, "Length Required: send a Content-Length, not a chunked body.");
    }
    try {
      return Long.parseLong(cl.strip());
    } catch (NumberFormatException e) {
      throw ApiError.of(400, "Invalid Content-Length.");
    }
  }

  private static int intParam(Map<String, String> q, String name, int fallback) {
    try {
      return q.containsKey(name) ? Integer.parseInt(q.get(name)) : fallback;
    } catch (NumberFormatException e) {
      throw ApiError.of(400, "Invalid querystring parameters.");
    }
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

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
