package org.casepress.zenodo;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * Client of Zenodo's legacy deposit API and the native record, request and community endpoints
 * (docs/zenodo.md). One shared {@link OkHttpClient} per instance.
 *
 * <p>Retries ({@link RetryPolicy}): reads, PUTs (metadata and files), DELETE, edit and discard are
 * retried with exponential backoff and jitter on 5xx and transport failures (a 404 on a retried
 * DELETE or discard means an earlier attempt worked). Writes that must not happen twice (create,
 * publish, newversion, community requests and their accept or decline) are never sent again once
 * they may have reached the server: a 5xx or a lost answer is an {@link OutcomeUnknownException},
 * which the caller resolves by reading. A 4xx is a definite refusal ({@link
 * ZenodoException#refused()}). A 429 is retried for every call, since the server did nothing.
 * Rate-limit headers from every response pace the following requests ({@link Pacer}).
 *
 * <p>Every text that came from the server passes the {@link Redactor} before it reaches an
 * exception or the log: the token never leaves the {@code Authorization} header.
 */
public final class ZenodoClient implements AutoCloseable {
  /** Exactly this, without {@code charset}: Zenodo answers 415 otherwise (docs/zenodo.md#json). */
  static final MediaType JSON = MediaType.get("application/json");

  public static final String DEFAULT_USER_AGENT = "casepress/0.1 (Zenodo deposit client; java)";

  /** Zenodo's largest page of depositions. */
  private static final int PAGE = 100;

  private final Target target;
  private final Optional<Token> token;
  private final Redactor redactor;
  private final OkHttpClient http;
  private final Sleeper sleeper;
  private final RetryPolicy retries;
  private final Pacer pacer;
  private final Clock clock;
  private final RequestLog log;
  private final UploadProgress progress;

  private ZenodoClient(Builder b) {
    this.target = b.target;
    this.token = b.token != null ? Optional.of(b.token) : Token.fromEnv(b.target, b.env);
    this.redactor = new Redactor(token);
    this.sleeper = b.sleeper;
    this.retries =
        new RetryPolicy(
            b.maxAttempts, b.baseBackoff, b.maxBackoff, b.maxRetryAfter, b.random, b.clock);
    this.clock = b.clock;
    this.pacer = new Pacer(b.clock, b.lowWater, b.maxRetryAfter);
    this.log = new RequestLog(b.log, redactor);
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

  /**
   * {@code text} with this client's token (and any bearer credential) replaced: for text from the
   * server or the environment that a caller prints, logs or stores.
   */
  public String redact(String text) {
    return redactor.redact(text);
  }

  /** The rate-limit headers of the last response, if any came. */
  public Optional<RateLimit> lastRateLimit() {
    return Optional.ofNullable(pacer.last());
  }

  // ---- depositions

  /**
   * {@code POST /deposit/depositions}; {@code metadata} may be null for an empty deposition. A 5xx
   * or lost answer is an {@link OutcomeUnknownException}: look for the deposition before creating
   * another ({@link #depositionsWithAlternateIdentifier}).
   */
  public Deposition create(JsonNode metadata) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    if (metadata != null) {
      body.set("metadata", metadata);
    }
    return send(
        Call.of("create", 0, Idempotence.ONE_SHOT)
            .sending(post(url("deposit", "depositions"), oneShotJson(body))),
        r -> read(r, Deposition.class));
  }

  public Deposition get(long id) throws IOException {
    return send(
        Call.of("read deposition " + id, id, Idempotence.SAFE)
            .aboutOwnDeposition()
            .sending(new Request.Builder().url(deposition(id)).get()),
        r -> read(r, Deposition.class));
  }

  /** Replaces all metadata: keys missing from {@code metadata} are removed on Zenodo. */
  public Deposition update(long id, JsonNode metadata) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("metadata", Objects.requireNonNull(metadata, "metadata"));
    return send(
        Call.of("update deposition " + id, id, Idempotence.SAFE)
            .aboutOwnDeposition()
            .sending(new Request.Builder().url(deposition(id)).put(json(body))),
        r -> read(r, Deposition.class));
  }

  /** Deletes an unpublished deposition (or the edits of a published one). */
  public void delete(long id) throws IOException {
    send(
        Call.of("delete deposition " + id, id, Idempotence.DELETE)
            .aboutOwnDeposition()
            .sending(new Request.Builder().url(deposition(id)).delete()),
        r -> null);
  }

  /**
   * {@code GET /deposit/depositions}. Search is eventually consistent: something just created may
   * be missing, so never use this to find what you just made (docs/zenodo.md#search).
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
        Call.of("list depositions", 0, Idempotence.SAFE)
            .sending(new Request.Builder().url(u.build()).get()),
        r -> Json.MAPPER.readValue(r.byteStream(), new TypeReference<List<Deposition>>() {}));
  }

  /**
   * The depositions (drafts and published, all versions) that carry {@code identifier} as an
   * alternate identifier. The search is field-scoped and quoted ({@code
   * alternate.identifier:"..."}), but Zenodo's match is tokenised, so every hit is re-checked
   * exactly here ({@link Deposition#carriesAlternateIdentifier}); all pages are read. A deposition
   * created a moment ago, or never indexed after a 5xx, may be missing (docs/zenodo.md#search).
   */
  public List<Deposition> depositionsWithAlternateIdentifier(String identifier) throws IOException {
    DepositionQuery query =
        DepositionQuery.of(DepositionQuery.field("alternate.identifier", identifier))
            .withAllVersions();
    List<Deposition> found = new ArrayList<>();
    for (int page = 1; ; page++) {
      List<Deposition> hits = list(query.page(page, PAGE));
      for (Deposition d : hits) {
        if (d.carriesAlternateIdentifier(identifier)) {
          found.add(d);
        }
      }
      if (hits.size() < PAGE) {
        return found;
      }
    }
  }

  // ---- files

  public List<DepositFile> files(long id) throws IOException {
    return send(
        Call.of("list files of deposition " + id, id, Idempotence.SAFE)
            .aboutOwnDeposition()
            .sending(new Request.Builder().url(deposition(id, "files")).get()),
        r -> Json.MAPPER.readValue(r.byteStream(), new TypeReference<List<DepositFile>>() {}));
  }

  public void deleteFile(long id, String fileId) throws IOException {
    send(
        Call.of("delete file " + fileId + " of deposition " + id, id, Idempotence.DELETE)
            .aboutOwnDeposition()
            .sending(new Request.Builder().url(deposition(id, "files", fileId)).delete()),
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
            Call.of("upload " + key, 0, Idempotence.SAFE)
                .sending(new Request.Builder().url(url).put(body)),
            r -> read(r, BucketObject.class));
    String local = body.md5();
    if (!local.equals(stored.md5()) || stored.size() != body.contentLength()) {
      throw new ChecksumMismatchException(key, local, stored.md5());
    }
    return stored;
  }

  // ---- actions

  /**
   * Publishes. A 5xx (504 included) or lost answer is an {@link OutcomeUnknownException}: Zenodo
   * may still be applying it, so read the deposition (over a bounded time) before ever sending it
   * again; this client never does (docs/zenodo.md#timeouts).
   */
  public Deposition publish(long id) throws IOException {
    return action(id, "publish", Idempotence.ONE_SHOT);
  }

  /** Opens a published deposition for editing; returns the existing draft if there is one. */
  public Deposition edit(long id) throws IOException {
    return action(id, "edit", Idempotence.SAFE);
  }

  /**
   * Drops the edits of a published deposition. On a never-published one this deletes it
   * (docs/zenodo.md#depositions).
   */
  public void discard(long id) throws IOException {
    send(
        Call.of("discard deposition " + id, id, Idempotence.DELETE)
            .aboutOwnDeposition()
            .sending(post(deposition(id, "actions", "discard"), emptyBody())),
        r -> null);
  }

  /**
   * Returns the new version's draft (not the original, whatever the docs say). A 5xx or lost answer
   * is an {@link OutcomeUnknownException}.
   */
  public Deposition newVersion(long id) throws IOException {
    return action(id, "newversion", Idempotence.ONE_SHOT);
  }

  private Deposition action(long id, String action, Idempotence idempotence) throws IOException {
    return send(
        Call.of(action, id, idempotence)
            .aboutOwnDeposition()
            .sending(post(deposition(id, "actions", action), emptyBody())),
        r -> read(r, Deposition.class));
  }

  // ---- published records

  public PublishedRecord record(long id) throws IOException {
    return send(
        Call.of("read record " + id, id, Idempotence.SAFE)
            .publicRead()
            .sending(new Request.Builder().url(url("records", Long.toString(id))).get()),
        r -> read(r, PublishedRecord.class));
  }

  public RecordFiles recordFiles(long id) throws IOException {
    return send(
        Call.of("list files of record " + id, id, Idempotence.SAFE)
            .publicRead()
            .sending(new Request.Builder().url(url("records", Long.toString(id), "files")).get()),
        r -> read(r, RecordFiles.class));
  }

  public RecordSearch searchRecords(String q, int page, int size) throws IOException {
    HttpUrl.Builder u = url("records").newBuilder();
    if (q != null && !q.isBlank()) {
      u.addQueryParameter("q", q);
    }
    u.addQueryParameter("page", Integer.toString(page));
    u.addQueryParameter("size", Integer.toString(size));
    return send(
        Call.of("search records", 0, Idempotence.SAFE)
            .publicRead()
            .sending(new Request.Builder().url(u.build()).get()),
        r -> RecordSearch.parse(Json.MAPPER.readTree(r.byteStream())));
  }

  // ---- communities and their requests (native API, docs/zenodo.md#communities)

  public Community community(String slug) throws IOException {
    return send(
        Call.of("read community " + slug, 0, Idempotence.SAFE)
            .publicRead()
            .sending(new Request.Builder().url(url("communities", slug)).get()),
        r -> read(r, Community.class));
  }

  /**
   * The communities the token's account is a member of ({@code GET /api/user/communities}), all
   * pages.
   */
  public List<Community> myCommunities() throws IOException {
    List<Community> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      HttpUrl u =
          url("user", "communities")
              .newBuilder()
              .addQueryParameter("page", Integer.toString(page))
              .addQueryParameter("size", Integer.toString(PAGE))
              .build();
      JsonNode hits =
          send(
              Call.of("list the account's communities", 0, Idempotence.SAFE)
                  .sending(new Request.Builder().url(u).get()),
              r -> Json.MAPPER.readTree(r.byteStream()).path("hits").path("hits"));
      for (JsonNode hit : hits) {
        all.add(Json.MAPPER.treeToValue(hit, Community.class));
      }
      if (hits.size() < PAGE) {
        return all;
      }
    }
  }

  /**
   * {@code POST /api/records/{id}/communities}: asks for the published record's inclusion in {@code
   * community} (slug or id). Unlike the legacy {@code communities} field, this notifies the
   * curators and reports real errors. Never re-sent: a 5xx or lost answer is an {@link
   * OutcomeUnknownException}; read {@link #recordRequests} to find out.
   */
  public InclusionAnswer requestInclusion(long recordId, String community) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putArray("communities").addObject().put("id", community);
    return send(
        Call.of(
                "ask community " + community + " to include record " + recordId,
                recordId,
                Idempotence.ONE_SHOT)
            .sending(
                post(url("records", Long.toString(recordId), "communities"), oneShotJson(body))),
        r -> InclusionAnswer.parse(Json.MAPPER.readTree(r.byteStream()), redactor));
  }

  /** {@code GET /api/records/{id}/requests}: the record's community requests, open or not. */
  public List<CommunityRequest> recordRequests(long recordId) throws IOException {
    return send(
        Call.of("list requests of record " + recordId, recordId, Idempotence.SAFE)
            .sending(
                new Request.Builder()
                    .url(url("records", Long.toString(recordId), "requests"))
                    .get()),
        r -> {
          List<CommunityRequest> requests = new ArrayList<>();
          for (JsonNode hit : Json.MAPPER.readTree(r.byteStream()).path("hits").path("hits")) {
            requests.add(CommunityRequest.parse(hit));
          }
          return requests;
        });
  }

  /**
   * {@code POST /api/requests/{id}/actions/accept}, as a curator of the receiving community, with
   * an optional comment. Never re-sent; after a lost answer read {@link #recordRequests}.
   */
  public CommunityRequest acceptRequest(String requestId, String comment) throws IOException {
    return requestAction(requestId, "accept", comment);
  }

  /** {@code POST /api/requests/{id}/actions/decline}; see {@link #acceptRequest}. */
  public CommunityRequest declineRequest(String requestId, String comment) throws IOException {
    return requestAction(requestId, "decline", comment);
  }

  private CommunityRequest requestAction(String requestId, String action, String comment)
      throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    if (comment != null && !comment.isBlank()) {
      body.putObject("payload").put("content", comment);
    }
    return send(
        Call.of(action + " request " + requestId, 0, Idempotence.ONE_SHOT)
            .sending(post(url("requests", requestId, "actions", action), oneShotJson(body))),
        r -> CommunityRequest.parse(Json.MAPPER.readTree(r.byteStream())));
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  // ---- one call, and the loop that sends it

  @FunctionalInterface
  private interface Reader<T> {
    T read(ResponseBody body) throws IOException;
  }

  /**
   * What is being done, for messages; the deposition it concerns (0 if none); whether it may be
   * repeated; whether it works without a token (published records, communities); and whether a 403
   * means the deposition belongs to another account.
   */
  private record Call(
      String what,
      long id,
      Idempotence idempotence,
      boolean needsToken,
      boolean ownDeposition,
      Request.Builder request) {
    static Call of(String what, long id, Idempotence idempotence) {
      return new Call(what, id, idempotence, true, false, null);
    }

    Call publicRead() {
      return new Call(what, id, idempotence, false, ownDeposition, request);
    }

    Call aboutOwnDeposition() {
      return new Call(what, id, idempotence, needsToken, true, request);
    }

    Call sending(Request.Builder builder) {
      return new Call(what, id, idempotence, needsToken, ownDeposition, builder);
    }
  }

  /** A 2xx whose body broke off while being read: the action itself was done. */
  private static final class BodyCutOff extends IOException {
    private static final long serialVersionUID = 1L;

    BodyCutOff(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private <T> T send(Call call, Reader<T> reader) throws IOException {
    requireToken(call);
    Request request = call.request().header("Accept", "application/json").build();
    boolean sentBefore = false;
    for (int attempt = 1; ; attempt++) {
      pace();
      long started = System.nanoTime();
      Response response;
      try {
        response = http.newCall(request).execute();
      } catch (IOException e) {
        recover(call, request, e, attempt, "no answer");
        sentBefore = true;
        continue;
      }
      try (response) {
        RateLimit limit = RateLimit.parse(response::header, clock.instant());
        pacer.observe(limit);
        int status = response.code();
        log.answered(request, status, started);
        if (response.isSuccessful()) {
          try {
            return readAnswer(call, response, reader);
          } catch (BodyCutOff e) {
            recover(call, request, (IOException) e.getCause(), attempt, "answer cut off");
            sentBefore = true;
            continue;
          }
        }
        if (RetryPolicy.alreadyDeleted(status, call.idempotence(), sentBefore)) {
          return reader.read(null);
        }
        ZenodoException error =
            ErrorBodies.from(response, target, call.what(), call.ownDeposition(), limit, redactor);
        if (RetryPolicy.outcomeUnknown(status, call.idempotence())) {
          throw new OutcomeUnknownException(call.what(), call.id(), "HTTP " + status, error);
        }
        if (!retries.isRetryable(status, call.idempotence(), attempt)) {
          throw error;
        }
        Duration wait = retries.waitAfter(status, limit, attempt);
        log.retrying(request, status, wait);
        sleeper.sleep(wait);
        if (status == 429) {
          // That wait ran to the window's reset: the old budget no longer applies.
          pacer.forget();
        } else {
          sentBefore = true;
        }
      }
    }
  }

  /** Refuses, before anything is sent, a call that needs a token when none is configured. */
  private void requireToken(Call call) throws ZenodoException {
    if (call.needsToken() && target.needsToken() && token.isEmpty()) {
      throw new ZenodoException(
          0,
          "",
          List.of(),
          target.name()
              + ": "
              + call.what()
              + " not attempted: "
              + target.tokenVariable()
              + " is not set. "
              + ErrorBodies.tokenAdvice(target));
    }
  }

  /** Waits while the rate-limit budget is low, then counts the coming request against it. */
  private void pace() throws IOException {
    Duration pause = pacer.delay();
    if (!pause.isZero()) {
      log.pacing(pause);
      sleeper.sleep(pause);
    }
    pacer.spend();
  }

  /**
   * After a transport failure: throws when the request must not be sent again (its outcome is then
   * unknown) or no attempt is left; otherwise waits the backoff and returns.
   */
  private void recover(Call call, Request request, IOException failure, int attempt, String what)
      throws IOException {
    IOException clean = redactor.redact(failure);
    if (failure instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      throw clean;
    }
    if (RetryPolicy.requestIsOneShot(call.idempotence())) {
      throw new OutcomeUnknownException(
          call.what(), call.id(), what + ": " + clean.getMessage(), clean);
    }
    if (!retries.isRecoverable(failure, call.idempotence(), attempt)) {
      throw clean;
    }
    log.retrying(request, failure);
    sleeper.sleep(retries.backoff(attempt));
  }

  /**
   * The body of a 2xx; a body that broke off is a {@link BodyCutOff}, one that is not JSON is
   * final.
   */
  private <T> T readAnswer(Call call, Response response, Reader<T> reader) throws IOException {
    if (response.code() == 204) {
      return reader.read(null);
    }
    try {
      return reader.read(response.body());
    } catch (JsonProcessingException e) {
      // The whole body arrived and is not what Zenodo sends: retrying will not help. Jackson's
      // message quotes the body, so only the position is kept.
      throw new IOException(
          call.what()
              + ": unreadable answer from "
              + target.name()
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    } catch (IOException e) {
      throw new BodyCutOff(e);
    }
  }

  /** Exponential backoff with jitter; see {@link RetryPolicy#backoff}. */
  Duration backoff(int attempt) {
    return retries.backoff(attempt);
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
