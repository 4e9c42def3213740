package org.casepress.zenodo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;

/**
 * Client of Zenodo's legacy deposit API (API.md). One shared {@link OkHttpClient} per instance.
 *
 * <p>Retries: GET, PUT (metadata and files), DELETE, edit and discard are retried with exponential
 * backoff and jitter on 5xx and transport failures (a 404 on a retried DELETE or discard means an
 * earlier attempt worked). Create, publish and newversion are never retried after the request may
 * have reached the server; they throw {@link OutcomeUnknownException} instead. A 429 is retried for
 * every call, since the server did nothing. Rate-limit headers from every response pace the
 * following requests.
 */
public final class ZenodoClient implements AutoCloseable {
  /** Exactly this, without {@code charset}: Zenodo answers 415 otherwise (API.md §2). */
  static final MediaType JSON = MediaType.get("application/json");

  public static final String DEFAULT_USER_AGENT = "casepress/0.1 (Zenodo deposit client; java)";

  private enum Safety {
    /** Repeating it changes nothing. */
    SAFE,
    /** Repeating it after it worked gives 404, which then means success. */
    DELETE,
    /** Repeating it could do it twice. */
    UNSAFE
  }

  private final Target target;
  private final Optional<Token> token;
  private final OkHttpClient http;
  private final Sleeper sleeper;
  private final Random random;
  private final int maxAttempts;
  private final Duration baseBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Pacer pacer;
  private final Clock clock;
  private final Consumer<String> log;
  private final UploadProgress progress;

  private ZenodoClient(Builder b) {
    this.target = b.target;
    this.token = b.token != null ? Optional.of(b.token) : Token.fromEnv(b.target, b.env);
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.maxAttempts = b.maxAttempts;
    this.baseBackoff = b.baseBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.clock = b.clock;
    this.pacer = new Pacer(b.clock, b.lowWater, b.maxRetryAfter);
    this.log = b.log;
    this.progress = b.progress;
    HttpUrl base = target.apiBase();
    String userAgent = b.userAgent;
    Optional<Token> bearer = token;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(b.connectTimeout)
            .readTimeout(b.readTimeout)
            .writeTimeout(b.writeTimeout)
            .followRedirects(false)
            .addInterceptor(
                chain -> {
                  Request.Builder r = chain.request().newBuilder().header("User-Agent", userAgent);
                  // Only to the target's own origin: a link from a response must never carry the
                  // token elsewhere.
                  HttpUrl url = chain.request().url();
                  if (bearer.isPresent()
                      && url.scheme().equals(base.scheme())
                      && url.host().equals(base.host())
                      && url.port() == base.port()) {
                    r.header("Authorization", "Bearer " + bearer.get().reveal());
                  }
                  return chain.proceed(r.build());
                })
            .build();
  }

  public static Builder builder(Target target) {
    return new Builder(target);
  }

  public Target target() {
    return target;
  }

  /** Whether a token was found (always false for {@code local}, which needs none). */
  public boolean hasToken() {
    return token.isPresent();
  }

  /** The rate-limit headers of the last response, if any came. */
  public Optional<RateLimit> lastRateLimit() {
    return Optional.ofNullable(pacer.last());
  }

  // ---- depositions

  /** {@code POST /deposit/depositions}; {@code metadata} may be null for an empty deposition. */
  public Deposition create(JsonNode metadata) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    if (metadata != null) {
      body.set("metadata", metadata);
    }
    return send(
        "create",
        0,
        Safety.UNSAFE,
        post(url("deposit", "depositions"), oneShotJson(body)),
        r -> read(r, Deposition.class));
  }

  public Deposition get(long id) throws IOException {
    return send(
        "read deposition " + id,
        id,
        Safety.SAFE,
        new Request.Builder().url(deposition(id)).get(),
        r -> read(r, Deposition.class));
  }

  /** Replaces all metadata: keys missing from {@code metadata} are removed on Zenodo. */
  public Deposition update(long id, JsonNode metadata) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("metadata", Objects.requireNonNull(metadata, "metadata"));
    return send(
        "update deposition " + id,
        id,
        Safety.SAFE,
        new Request.Builder().url(deposition(id)).put(json(body)),
        r -> read(r, Deposition.class));
  }

  /** Deletes an unpublished deposition (or the edits of a published one). */
  public void delete(long id) throws IOException {
    send(
        "delete deposition " + id,
        id,
        Safety.DELETE,
        new Request.Builder().url(deposition(id)).delete(),
        r -> null);
  }

  /**
   * {@code GET /deposit/depositions}. Search is eventually consistent: something just created may
   * be missing, so never use this to find what you just made (API.md §10 item 15).
   */
  public List<Deposition> list(DepositionQuery query) throws IOException {
    HttpUrl.Builder u = url("deposit", "depositions").newBuilder();
    if (query.q() != null && !query.q().isBlank()) {
      u.addQueryParameter("q", query.q());
    }
    if (query.sort() != null) {
      u.addQueryParameter("sort", query.sort());
    }
    u.addQueryParameter("page", Integer.toString(query.page()));
    u.addQueryParameter("size", Integer.toString(query.size()));
    if (query.allVersions()) {
      u.addQueryParameter("all_versions", "true");
    }
    return send(
        "list depositions",
        0,
        Safety.SAFE,
        new Request.Builder().url(u.build()).get(),
        r -> Json.MAPPER.readValue(r.byteStream(), new TypeReference<List<Deposition>>() {}));
  }

  // ---- files

  public List<DepositFile> files(long id) throws IOException {
    return send(
        "list files of deposition " + id,
        id,
        Safety.SAFE,
        new Request.Builder().url(deposition(id, "files")).get(),
        r -> Json.MAPPER.readValue(r.byteStream(), new TypeReference<List<DepositFile>>() {}));
  }

  public void deleteFile(long id, String fileId) throws IOException {
    send(
        "delete file " + fileId + " of deposition " + id,
        id,
        Safety.DELETE,
        new Request.Builder().url(deposition(id, "files", fileId)).delete(),
        r -> null);
  }

  /** Uploads into the deposition's bucket, see {@link #upload(String, String, Path)}. */
  public BucketObject upload(Deposition deposition, String key, Path file) throws IOException {
    String bucket =
        deposition
            .bucketUrl()
            .orElseThrow(
                () ->
                    new IOException(
                        "deposition " + deposition.id() + " has no bucket link; read it again"));
    return upload(bucket, key, file);
  }

  /**
   * {@code PUT {bucket}/{key}}: streams {@code file} with a Content-Length, replaces an existing
   * key, and checks the MD5 Zenodo reports against the one computed while sending.
   *
   * @throws ChecksumMismatchException if Zenodo stored different bytes
   */
  public BucketObject upload(String bucketUrl, String key, Path file) throws IOException {
    HttpUrl bucket = Target.parse(bucketUrl);
    if (bucket.scheme().equals("http") && !Target.isLoopback(bucket.host())) {
      throw new IOException("refusing to upload over plain http to " + bucket.host());
    }
    HttpUrl url = bucket.newBuilder().addPathSegment(key).build();
    FileBody body = new FileBody(file, key, progress);
    BucketObject stored =
        send(
            "upload " + key,
            0,
            Safety.SAFE,
            new Request.Builder().url(url).put(body),
            r -> read(r, BucketObject.class));
    String local = body.md5();
    if (!local.equals(stored.md5()) || stored.size() != body.contentLength()) {
      throw new ChecksumMismatchException(key, local, stored.md5());
    }
    return stored;
  }

  // ---- actions

  /** Publishes. On a 5xx or lost answer: {@link OutcomeUnknownException}; then {@link #get}. */
  public Deposition publish(long id) throws IOException {
    return action(id, "publish", Safety.UNSAFE);
  }

  /** Opens a published deposition for editing; returns the existing draft if there is one. */
  public Deposition edit(long id) throws IOException {
    return action(id, "edit", Safety.SAFE);
  }

  /**
   * Drops the edits of a published deposition. On a never-published one this deletes it (API.md
   * §3.3).
   */
  public void discard(long id) throws IOException {
    send(
        "discard deposition " + id,
        id,
        Safety.DELETE,
        post(deposition(id, "actions", "discard"), emptyBody()),
        r -> null);
  }

  /** Returns the new version's draft (not the original, whatever the docs say). */
  public Deposition newVersion(long id) throws IOException {
    return action(id, "newversion", Safety.UNSAFE);
  }

  private Deposition action(long id, String action, Safety safety) throws IOException {
    return send(
        action,
        id,
        safety,
        post(deposition(id, "actions", action), emptyBody()),
        r -> read(r, Deposition.class));
  }

  // ---- published records and communities

  public PublishedRecord record(long id) throws IOException {
    return send(
        "read record " + id,
        id,
        Safety.SAFE,
        new Request.Builder().url(url("records", Long.toString(id))).get(),
        r -> read(r, PublishedRecord.class),
        false);
  }

  public RecordFiles recordFiles(long id) throws IOException {
    return send(
        "list files of record " + id,
        id,
        Safety.SAFE,
        new Request.Builder().url(url("records", Long.toString(id), "files")).get(),
        r -> read(r, RecordFiles.class),
        false);
  }

  public RecordSearch searchRecords(String q, int page, int size) throws IOException {
    HttpUrl.Builder u = url("records").newBuilder();
    if (q != null && !q.isBlank()) {
      u.addQueryParameter("q", q);
    }
    u.addQueryParameter("page", Integer.toString(page));
    u.addQueryParameter("size", Integer.toString(size));
    return send(
        "search records",
        0,
        Safety.SAFE,
        new Request.Builder().url(u.build()).get(),
        r -> RecordSearch.parse(Json.MAPPER.readTree(r.byteStream())),
        false);
  }

  public Community community(String slug) throws IOException {
    return send(
        "read community " + slug,
        0,
        Safety.SAFE,
        new Request.Builder().url(url("communities", slug)).get(),
        r -> read(r, Community.class),
        false);
  }

  /**
   * {@code POST /api/records/{id}/communities}: asks for the record's inclusion in a community the
   * native way, which notifies its curators (the legacy {@code communities} field does not). The
   * answer lists {@code processed} requests and {@code errors}; a 400 (nothing processed) is
   * returned the same way, with Zenodo's message as the one error. Safe to repeat: a second ask is
   * answered with "already" errors, never a second request.
   */
  public JsonNode requestInclusion(long recordId, String community) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putArray("communities").addObject().put("id", community);
    try {
      return send(
          "ask community " + community + " to include record " + recordId,
          recordId,
          Safety.SAFE,
          post(url("records", Long.toString(recordId), "communities"), oneShotJson(body)),
          r -> Json.MAPPER.readTree(r.byteStream()));
    } catch (ZenodoException e) {
      if (e.status() != 400) {
        throw e;
      }
      // Nothing was processed; keep what Zenodo said as the one error.
      ObjectNode refused = Json.MAPPER.createObjectNode();
      refused.putArray("processed");
      refused
          .putArray("errors")
          .addObject()
          .put("community", community)
          .put("message", e.getMessage());
      return refused;
    }
  }

  /**
   * {@code GET /api/records/{id}/requests}: the record's requests, inclusion requests among them.
   */
  public List<JsonNode> recordRequests(long recordId) throws IOException {
    JsonNode answer =
        send(
            "list requests of record " + recordId,
            recordId,
            Safety.SAFE,
            new Request.Builder().url(url("records", Long.toString(recordId), "requests")).get(),
            r -> Json.MAPPER.readTree(r.byteStream()));
    List<JsonNode> requests = new ArrayList<>();
    answer.path("hits").path("hits").forEach(requests::add);
    return requests;
  }

  /** {@code POST /api/requests/{id}/actions/accept}, as a curator of the receiving community. */
  public JsonNode acceptRequest(String requestId) throws IOException {
    return send(
        "accept request " + requestId,
        0,
        Safety.SAFE,
        post(
            url("requests", requestId, "actions", "accept"),
            oneShotJson(Json.MAPPER.createObjectNode())),
        r -> Json.MAPPER.readTree(r.byteStream()));
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  // ---- the request loop

  @FunctionalInterface
  private interface Reader<T> {
    T read(ResponseBody body) throws IOException;
  }

  private <T> T send(String what, long id, Safety safety, Request.Builder builder, Reader<T> reader)
      throws IOException {
    return send(what, id, safety, builder, reader, true);
  }

  /** {@code needsToken} false for public reads (records, communities), which work without one. */
  private <T> T send(
      String what,
      long id,
      Safety safety,
      Request.Builder builder,
      Reader<T> reader,
      boolean needsToken)
      throws IOException {
    if (needsToken && target.needsToken() && token.isEmpty()) {
      throw new ZenodoException(
          0,
          "",
          List.of(),
          target.name()
              + ": "
              + what
              + " not attempted: "
              + target.tokenVariable()
              + " is not set. "
              + ErrorBodies.tokenAdvice(target));
    }
    Request request = builder.header("Accept", "application/json").build();
    boolean mayHaveWorked = false;
    for (int attempt = 1; ; attempt++) {
      Duration pace = pacer.delay();
      if (!pace.isZero()) {
        log("waiting " + pace.toMillis() + " ms: rate-limit budget low");
        sleeper.sleep(pace);
      }
      pacer.spend();
      long started = System.nanoTime();
      Response response;
      try {
        response = http.newCall(request).execute();
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        if (safety == Safety.UNSAFE) {
          throw new OutcomeUnknownException(what, id, "no answer: " + e.getMessage(), e);
        }
        if (attempt >= maxAttempts) {
          throw e;
        }
        log(request.method() + " " + path(request) + " -> timeout; retrying");
        mayHaveWorked = true;
        sleeper.sleep(backoff(attempt));
        continue;
      } catch (IOException e) {
        if (safety == Safety.UNSAFE) {
          throw new OutcomeUnknownException(what, id, "connection failed: " + e.getMessage(), e);
        }
        if (attempt >= maxAttempts) {
          throw e;
        }
        log(
            request.method()
                + " "
                + path(request)
                + " -> "
                + e.getClass().getSimpleName()
                + "; retrying");
        mayHaveWorked = true;
        sleeper.sleep(backoff(attempt));
        continue;
      }
      try (response) {
        RateLimit limit = RateLimit.parse(response::header, clock.instant());
        pacer.observe(limit);
        int code = response.code();
        log(
            request.method()
                + " "
                + path(request)
                + " -> "
                + code
                + " ("
                + (System.nanoTime() - started) / 1_000_000
                + " ms)");
        if (code >= 200 && code < 300) {
          if (code == 204) {
            return reader.read(null);
          }
          try {
            return reader.read(response.body());
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The whole body arrived and is not what Zenodo sends: retrying will not help.
            throw new IOException(what + ": unreadable answer from " + target.name(), e);
          } catch (IOException e) {
            // The connection broke while the body was being read. The action was done.
            if (safety == Safety.UNSAFE) {
              throw new OutcomeUnknownException(what, id, "answer cut off: " + e.getMessage(), e);
            }
            if (attempt >= maxAttempts) {
              throw e;
            }
            mayHaveWorked = true;
            sleeper.sleep(backoff(attempt));
            continue;
          }
        }
        if (code == 404 && safety == Safety.DELETE && mayHaveWorked) {
          // An earlier attempt did it and only the answer was lost.
          return reader.read(null);
        }
        ZenodoException error = ErrorBodies.from(response, target, what, limit);
        if (code == 429) {
          if (attempt >= maxAttempts) {
            throw error;
          }
          sleeper.sleep(retryAfter(limit, attempt));
          // That wait ran to the window's reset: the old budget no longer applies.
          pacer.forget();
          continue;
        }
        if (code >= 500) {
          if (safety == Safety.UNSAFE) {
            throw new OutcomeUnknownException(what, id, "HTTP " + code, error);
          }
          if (attempt >= maxAttempts) {
            throw error;
          }
          mayHaveWorked = true;
          Duration wait = backoff(attempt);
          if (code == 503 && limit.retryAfter() != null) {
            wait = max(wait, bounded(limit.retryAfter()));
          }
          sleeper.sleep(wait);
          continue;
        }
        throw error;
      }
    }
  }

  /** Exponential, capped, with "equal jitter": half fixed, half random. */
  Duration backoff(int attempt) {
    long base = baseBackoff.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    long half = capped / 2;
    long jitter = half == 0 ? 0 : (long) (random.nextDouble() * (half + 1));
    return Duration.ofMillis(half + jitter);
  }

  private Duration retryAfter(RateLimit limit, int attempt) {
    Optional<java.time.Instant> reset = limit.resetAt();
    if (reset.isPresent()) {
      Duration d = Duration.between(clock.instant(), reset.get());
      if (!d.isNegative() && !d.isZero()) {
        return bounded(d);
      }
    }
    return backoff(attempt);
  }

  private Duration bounded(Duration d) {
    return d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private void log(String line) {
    log.accept(line);
  }

  private static String path(Request request) {
    return request.url().encodedPath();
  }

  private static <T> T read(ResponseBody body, Class<T> type) throws IOException {
    return Json.MAPPER.readValue(body.byteStream(), type);
  }

  private HttpUrl url(String... segments) {
    HttpUrl.Builder b = target.apiBase().newBuilder();
    for (String s : segments) {
      b.addPathSegment(s);
    }
    return b.build();
  }

  private HttpUrl deposition(long id, String... more) {
    HttpUrl.Builder b = url("deposit", "depositions", Long.toString(id)).newBuilder();
    for (String s : more) {
      b.addPathSegment(s);
    }
    return b.build();
  }

  private static Request.Builder post(HttpUrl url, RequestBody body) {
    return new Request.Builder().url(url).post(body);
  }

  static RequestBody json(JsonNode node) throws IOException {
    return RequestBody.create(Json.MAPPER.writeValueAsBytes(node), JSON);
  }

  /**
   * One-shot, so that OkHttp itself never silently re-sends a non-idempotent request once it may
   * have reached the server.
   */
  private static RequestBody oneShotJson(JsonNode node) throws IOException {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(node);
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON;
      }

      @Override
      public long contentLength() {
        return bytes.length;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
      }
    };
  }

  /** Actions take no body; Zenodo treats a missing Content-Type as JSON. */
  private static RequestBody emptyBody() {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return null;
      }

      @Override
      public long contentLength() {
        return 0;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) {}
    };
  }

  /** Configuration; everything has a sensible default except the target. */
  public static final class Builder {
    private final Target target;
    private Function<String, String> env = System::getenv;
    private Token token;
    private String userAgent = DEFAULT_USER_AGENT;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.REAL;
    private Random random = new Random();
    private int maxAttempts = 5;
    private Duration baseBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(60);
    private Duration maxRetryAfter = Duration.ofMinutes(5);
    private int lowWater = 5;
    private Duration connectTimeout = Duration.ofSeconds(15);
    private Duration readTimeout = Duration.ofSeconds(120);
    private Duration writeTimeout = Duration.ofSeconds(120);
    private Consumer<String> log = line -> {};
    private UploadProgress progress = UploadProgress.NONE;

    private Builder(Target target) {
      this.target = Objects.requireNonNull(target, "target");
    }

    /** Where the token variable is read; defaults to {@link System#getenv(String)}. */
    public Builder env(Function<String, String> env) {
      this.env = Objects.requireNonNull(env);
      return this;
    }

    public Builder env(Map<String, String> env) {
      return env(env::get);
    }

    /** A token given directly instead of through the environment. */
    public Builder token(Token token) {
      this.token = token;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public Builder random(Random random) {
      this.random = random;
      return this;
    }

    /** Attempts per call including the first; 1 disables retries. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts < 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder backoff(Duration base, Duration max) {
      this.baseBackoff = base;
      this.maxBackoff = max;
      return this;
    }

    /** Upper bound for any single wait demanded by Retry-After or the pacer. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /** Below this many remaining requests (or 5% of the limit), requests are spaced out. */
    public Builder lowWater(int lowWater) {
      this.lowWater = lowWater;
      return this;
    }

    public Builder timeouts(Duration connect, Duration read, Duration write) {
      this.connectTimeout = connect;
      this.readTimeout = read;
      this.writeTimeout = write;
      return this;
    }

    /** One line per request: method, path, status, time. Never headers or bodies. */
    public Builder log(Consumer<String> log) {
      this.log = Objects.requireNonNull(log);
      return this;
    }

    public Builder progress(UploadProgress progress) {
      this.progress = Objects.requireNonNull(progress);
      return this;
    }

    public ZenodoClient build() {
      return new ZenodoClient(this);
    }
  }
}
