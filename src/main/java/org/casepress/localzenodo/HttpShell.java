package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.casepress.localzenodo.Faults.Rule;
import org.casepress.localzenodo.Faults.When;
import org.casepress.localzenodo.Options.Account;
import org.casepress.localzenodo.Routing.Match;

/**
 * The HTTP side of the server: rate limiting, fault injection, the caller's account, the wire rules
 * for bodies, and handing each request to the resource that owns its route.
 */
final class HttpShell {
  private static final long MAX_JSON = 10L * 1024 * 1024;
  static final String INTERNAL_ERROR =
      "The server encountered an internal error and was unable to complete your request. Either"
          + " the server is overloaded or there is an error in the application.";
  private static final String LEGACY_401 =
      "The server could not verify that you are authorized to access the URL requested. You"
          + " either supplied the wrong credentials (e.g. a bad password), or your browser doesn't"
          + " understand how to supply the credentials required.";

  /** Resources, one per kind of thing Zenodo serves. */
  record Resources(
      Depositions depositions,
      Buckets buckets,
      Records records,
      Communities communities,
      Requests requests,
      LandingPages pages) {}

  private final Options options;
  private final Faults faults;
  private final Resources resources;
  private final ScheduledExecutorService late;
  private final AtomicInteger requests = new AtomicInteger();

  /** Writes answered 504 and not yet carried out: route and deposition id. */
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  private long windowStart;
  private int used;

  HttpShell(Options options, Faults faults, Resources resources, ScheduledExecutorService late) {
    this.options = options;
    this.faults = faults;
    this.resources = resources;
    this.late = late;
    this.windowStart = options.clock().millis();
  }

  int requestCount() {
    return requests.get();
  }

  private record Rate(int limit, int remaining, long resetEpoch, long retryAfter, boolean over) {}

  /** Thrown to make the server drop the connection without answering. */
  static final class Drop extends IOException {
    private static final long serialVersionUID = 1L;

    Drop() {
      super("connection dropped on purpose (fault injection)");
    }
  }

  void handle(HttpExchange ex) throws IOException {
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
      reply = internalError();
    }
    send(ex, options.legacyErrors() ? legacy(reply) : reply, rate);
  }

  private static Reply internalError() {
    ObjectNode body = Store.MAPPER.createObjectNode();
    body.put("status", 500);
    body.put("message", INTERNAL_ERROR);
    body.put("error_id", UUID.randomUUID().toString().replace("-", ""));
    return Reply.json(500, body);
  }

  private Reply answer(HttpExchange ex, Rate rate) throws IOException {
    if (faults.takeRateLimit()) {
      return tooMany(1);
    }
    if (rate.over()) {
      return tooMany(rate.retryAfter());
    }
    Match match = Routing.match(ex.getRequestMethod(), ex.getRequestURI().getRawPath());
    faults.drawAtRandom(match.route());
    Optional<Rule> before = faults.take(match.route(), When.BEFORE);
    if (before.isPresent()) {
      return failure(before.get());
    }
    if (match.route() == Route.LANDING_PAGE) {
      // Published records are public pages, opened without a token as on zenodo.org; a draft is
      // its account's alone, so only a server without accounts shows it to a browser.
      if (match.params().get(0).startsWith("/deposit/") && options.account(token(ex)).isEmpty()) {
        throw ApiError.denied();
      }
      LandingPages.Page page = resources.pages().page(match.params().get(0), null);
      return new Reply(
          page.status(), page.contentType(), page.body(), null, new java.util.LinkedHashMap<>());
    }
    String token = token(ex);
    Optional<Account> account = options.account(token);
    if (account.isEmpty()) {
      throw options.legacyErrors() ? ApiError.of(401, LEGACY_401) : ApiError.denied();
    }
    if (match.route() == null) {
      throw ApiError.of(405, "The method is not allowed for the requested URL.");
    }
    Call call =
        new Call(
            match.route(),
            match.params(),
            Routing.query(ex.getRequestURI().getRawQuery()),
            ex.getRequestHeaders(),
            match.route().jsonBody ? jsonBytes(ex) : null,
            ex.getRequestBody(),
            account.get(),
            token != null,
            false);
    String key = inFlightKey(call);
    if (key != null && inFlight.contains(key)) {
      // The first request still holds the deposition: Zenodo fails the second one.
      return internalError();
    }
    Optional<Rule> after = faults.take(match.route(), When.AFTER_COMMIT);
    if (after.isPresent() && after.get().late() != null) {
      applyLater(call, key, after.get());
      return failure(after.get());
    }
    Reply reply;
    try {
      reply = dispatch(call.unindexed(after.map(Rule::unindexed).orElse(false)));
    } catch (ApiError | IOException e) {
      // Nothing was committed, so the fault has not happened yet: keep it for the next request.
      after.ifPresent(faults::restore);
      throw e;
    }
    return after.isPresent() ? failure(after.get()) : reply;
  }

  private void applyLater(Call call, String key, Rule rule) {
    if (key != null) {
      inFlight.add(key);
    }
    late.schedule(
        () -> {
          try {
            dispatch(call);
          } catch (IOException | RuntimeException e) {
            // Whatever it answered went nowhere: the client already had its 504.
          } finally {
            if (key != null) {
              inFlight.remove(key);
            }
          }
        },
        rule.late().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Writes to one deposition or record conflict with each other while one is being applied. */
  private static String inFlightKey(Call call) {
    return switch (call.route()) {
      case UPDATE, DELETE, PUBLISH, EDIT, DISCARD, NEWVERSION, RECORD_COMMUNITIES_ADD ->
          call.route() + "/" + call.param(0);
      default -> null;
    };
  }

  Reply dispatch(Call c) throws IOException {
    Depositions d = resources.depositions();
    Buckets b = resources.buckets();
    Records r = resources.records();
    return switch (c.route()) {
      case CREATE -> d.create(c);
      case LIST -> d.list(c);
      case GET -> d.read(c);
      case UPDATE -> d.update(c);
      case DELETE, DISCARD -> d.delete(c);
      case PUBLISH -> d.publish(c);
      case EDIT -> d.edit(c);
      case NEWVERSION -> d.newVersion(c);
      case FILE_LIST -> b.fileList(c);
      case FILE_GET -> b.fileGet(c);
      case FILE_DELETE -> b.fileDelete(c);
      case MULTIPART_UPLOAD -> b.multipart(c);
      case UPLOAD -> b.upload(c);
      case BUCKET_GET -> c.params().size() == 1 ? b.bucketList(c) : b.bucketGet(c);
      case BUCKET_DELETE -> b.bucketDelete(c);
      case RECORD_GET -> c.params().size() == 1 ? r.get(c) : r.latest(c);
      case RECORD_FILES -> c.params().size() == 2 ? r.files(c) : r.content(c);
      case RECORD_SEARCH -> r.search(c);
      case RECORD_COMMUNITIES -> resources.communities().ofRecord(c);
      case RECORD_COMMUNITIES_ADD -> resources.communities().add(c);
      case COMMUNITY_GET -> resources.communities().get(c);
      case RECORD_REQUESTS -> resources.requests().ofRecord(c);
      case REQUEST_GET -> resources.requests().get(c);
      case REQUEST_ACCEPT -> resources.requests().accept(c);
      case REQUEST_DECLINE -> resources.requests().decline(c);
      default -> throw ApiError.of(404, ApiError.NO_ROUTE);
    };
  }

  /** A JSON body, read in full: exact content type (API rule), bounded size. */
  private static byte[] jsonBytes(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    // Compared as a whole string, parameters included, like flask-resources does.
    if (type != null && !type.equals("application/json")) {
      throw ApiError.of(415, "Invalid 'Content-Type' header. Expected one of: application/json");
    }
    String method = ex.getRequestMethod();
    if (method.equals("POST")
        && ex.getRequestHeaders().getFirst("Content-Length") == null
        && ex.getRequestHeaders().getFirst("Transfer-Encoding") == null) {
      // An action without a body (accept, decline) may come without a Content-Length.
      return new byte[0];
    }
    long length = Call.contentLength(ex.getRequestHeaders());
    if (length > MAX_JSON) {
      throw ApiError.of(413, "The data value transmitted exceeds the capacity limit.");
    }
    return ex.getRequestBody().readNBytes((int) length);
  }

  /** Rewrites a current-shape error body into the old one ({@code message} per field error). */
  private static Reply legacy(Reply reply) {
    if (reply.status() < 400 || !"application/json".equals(reply.contentType())) {
      return reply;
    }
    try {
      JsonNode body = Store.MAPPER.readTree(reply.body());
      if (!body.has("errors") || !body.path("errors").isArray()) {
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

  private Reply failure(Rule rule) {
    if (rule.html()) {
      return Reply.html(rule.status(), reason(rule.status()));
    }
    throw ApiError.of(rule.status(), rule.status() >= 500 ? INTERNAL_ERROR : reason(rule.status()));
  }

  private static String reason(int status) {
    return switch (status) {
      case 502 -> "Bad Gateway";
      case 503 -> "Service Temporarily Unavailable";
      case 504 -> "Gateway Time-out";
      case 500 -> "Internal Server Error";
      case 403 -> "Permission denied.";
      default -> "Error";
    };
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
    return q == null ? null : Routing.query(q).get("access_token");
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
}
