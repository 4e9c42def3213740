package org.casepress.zenodo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.casepress.localzenodo.LocalZenodo;
import org.casepress.localzenodo.Options;
import org.casepress.localzenodo.Options.ReviewPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client against the embedded server: whole flows, the state machine and the wire rules. */
@Timeout(60)
class LocalZenodoFlowTest {

  /** Zenodo's one-second index refresh off: these tests list right after writing. */
  static Options instantIndex() {
    return Options.defaults().withIndexLag(Duration.ZERO);
  }

  @TempDir Path dir;
  @TempDir Path files;
  LocalZenodo server;
  ZenodoClient client;
  final RecordingSleeper sleeper = new RecordingSleeper();
  final OkHttpClient raw = new OkHttpClient();

  @BeforeEach
  void start() throws Exception {
    server = LocalZenodo.start(dir.resolve("zenodo"), 0, instantIndex());
    client = clientFor(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ZenodoClient clientFor(LocalZenodo s) {
    return ZenodoClient.builder(Target.local(s.apiUrl()))
        .sleeper(sleeper)
        .random(new Random(7))
        .build();
  }

  static ObjectNode metadata(String title) {
    ObjectNode m = Json.MAPPER.createObjectNode();
    m.put("title", title);
    m.put("upload_type", "publication");
    m.put("publication_type", "report");
    m.put("description", "<p>What we learned.</p>");
    m.put("version", "1.0");
    m.put("license", "CC-BY-4.0");
    m.put("language", "en");
    m.putArray("keywords").add("data").add("ethics");
    ObjectNode author = m.putArray("creators").addObject();
    author.put("name", "Doe, Jane");
    author.put("affiliation", "The Alan Turing Institute");
    author.put("orcid", "0000-0002-1825-0097");
    m.putArray("communities").addObject().put("identifier", Options.DEFAULT_COMMUNITY);
    m.put("prereserve_doi", true);
    m.put("no_such_field", "dropped");
    return m;
  }

  Path file(String name, int size, long seed) throws Exception {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    Path p = files.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void createUploadPublishEditNewVersion() throws Exception {
    Deposition created = client.create(metadata("Data ethics in practice"));
    assertEquals(DepositionState.UNSUBMITTED, created.state());
    assertEquals(Long.toString(created.id() - 1), created.conceptrecid());
    assertEquals("10.5281/zenodo." + created.id(), created.prereservedDoi().orElseThrow());
    assertFalse(created.metadata().has("no_such_field"));
    assertEquals("cc-by-4.0", created.metadata().path("license").asText());
    assertEquals("eng", created.metadata().path("language").asText());

    Path pdf = file("case-study.pdf", 200_000, 1);
    BucketObject stored = client.upload(created, "case-study.pdf", pdf);
    assertEquals(200_000, stored.size());
    assertEquals("application/pdf", stored.mimetype());
    List<DepositFile> listed = client.files(created.id());
    assertEquals(1, listed.size());
    assertEquals(stored.md5(), listed.get(0).checksum());

    Deposition published = client.publish(created.id());
    assertEquals(DepositionState.DONE, published.state());
    assertTrue(published.submitted());
    assertEquals("10.5072/zenodo." + created.id(), published.doi());
    assertEquals("10.5072/zenodo." + created.conceptrecid(), published.conceptdoi());
    assertEquals("10.5281/zenodo." + created.id(), published.prereservedDoi().orElseThrow());
    assertTrue(published.link("self").orElseThrow().endsWith("/api/records/" + created.id()));

    PublishedRecord record = client.record(created.id());
    assertEquals(Long.toString(created.id()), record.recid());
    assertEquals(List.of(), record.communities(), "waits for a curator of the closed community");
    assertEquals("md5:" + stored.md5(), record.files().get(0).checksum());
    assertEquals(1, client.recordFiles(created.id()).entries().size());
    byte[] downloaded = get(record.files().get(0).link("self").orElseThrow());
    assertArrayEquals(Files.readAllBytes(pdf), downloaded);

    // Editing a published record: metadata only, files locked.
    Deposition editing = client.edit(created.id());
    assertEquals(DepositionState.INPROGRESS, editing.state());
    assertTrue(editing.submitted());
    ObjectNode changed = metadata("Data ethics in practice (revised)");
    client.update(created.id(), changed);
    ZenodoException locked =
        assertThrows(ZenodoException.class, () -> client.upload(editing, "more.pdf", pdf));
    assertEquals(403, locked.status());
    Deposition republished = client.publish(created.id());
    assertEquals("Data ethics in practice (revised)", republished.title());
    assertEquals(published.doi(), republished.doi());

    // New version: a new draft of the same concept with the old files imported.
    Deposition v2 = client.newVersion(created.id());
    assertNotEquals(created.id(), v2.id());
    assertEquals(created.conceptrecid(), v2.conceptrecid());
    assertEquals(DepositionState.UNSUBMITTED, v2.state());
    assertTrue(v2.doiIfAny().isEmpty());
    assertEquals(published.conceptdoi(), v2.conceptdoi());
    assertFalse(v2.metadata().has("version"), "version is dropped on newversion");
    assertEquals(listed.get(0).id(), v2.files().get(0).id(), "imported files keep their ids");
    // The published one's latest_draft does not point at the new draft (zenodo/zenodo-rdm#858).
    assertTrue(
        client.get(created.id()).link("latest_draft").orElseThrow().endsWith("/" + created.id()));

    ZenodoException again =
        assertThrows(ZenodoException.class, () -> client.newVersion(created.id()));
    assertEquals("files.enabled", again.fieldErrors().get(0).zenodoField());

    client.deleteFile(v2.id(), v2.files().get(0).id());
    client.upload(client.get(v2.id()), "case-study.pdf", file("v2.pdf", 1000, 2));
    ObjectNode v2meta = metadata("Data ethics in practice");
    v2meta.put("version", "2.0");
    client.update(v2.id(), v2meta);
    Deposition v2published = client.publish(v2.id());
    assertEquals("10.5072/zenodo." + v2.id(), v2published.doi());
    assertEquals(published.conceptdoi(), v2published.conceptdoi());
    assertEquals(
        v2.id(),
        client.record(Long.parseLong(created.conceptrecid())).id(),
        "concept id resolves to latest");
    // The first version's blob is still served after the second replaced the file.
    assertArrayEquals(
        Files.readAllBytes(pdf), get(record.files().get(0).link("self").orElseThrow()));
  }

  @Test
  void discardOnUnsubmittedDeletesAndOnInprogressDropsEdits() throws Exception {
    Deposition d = client.create(metadata("To be dropped"));
    client.discard(d.id());
    assertEquals(404, assertThrows(ZenodoException.class, () -> client.get(d.id())).status());

    Deposition p = publishable("Kept");
    client.edit(p.id());
    client.update(p.id(), metadata("Changed but discarded"));
    client.discard(p.id());
    Deposition after = client.get(p.id());
    assertEquals(DepositionState.DONE, after.state());
    assertEquals("Kept", after.title());
  }

  @Test
  void stateMachineRefusesWhatZenodoRefuses() throws Exception {
    Deposition draft = client.create(metadata("Draft"));
    assertEquals(404, statusOf(() -> client.newVersion(draft.id())), "newversion of unpublished");
    assertEquals(draft.id(), client.edit(draft.id()).id(), "edit on a draft returns it unchanged");

    Deposition done = publishable("Published");
    assertEquals(404, statusOf(() -> client.update(done.id(), metadata("x"))));
    assertEquals(404, statusOf(() -> client.delete(done.id())));
    assertEquals(404, statusOf(() -> client.publish(done.id())));
    assertEquals(404, statusOf(() -> client.discard(done.id())));
    assertEquals(403, statusOf(() -> client.deleteFile(done.id(), done.files().get(0).id())));
    assertEquals(404, statusOf(() -> client.get(123456)));
    assertEquals(404, statusOf(() -> client.record(draft.id())));
  }

  @Test
  void publishValidationReportsFieldsMappedToFrontMatter() throws Exception {
    ObjectNode bad = metadata("ab");
    bad.remove("creators");
    Deposition d = client.create(bad);
    ZenodoException e = assertThrows(ZenodoException.class, () -> client.publish(d.id()));
    assertEquals(ZenodoException.Kind.VALIDATION, e.kind());
    List<String> fields = e.fieldErrors().stream().map(FieldError::field).toList();
    assertTrue(fields.contains("files.enabled"), fields.toString());
    assertTrue(fields.contains("title"), fields.toString());
    assertTrue(fields.contains("authors"), fields.toString());
    assertEquals(DepositionState.UNSUBMITTED, client.get(d.id()).state());
  }

  @Test
  void deserializerErrorsOnCreate() throws Exception {
    ObjectNode m = metadata("Bad licence");
    m.put("license", "no-such-licence");
    m.put("language", "english");
    m.putArray("related_identifiers").addObject().put("identifier", "10.1234/x");
    ZenodoException e = assertThrows(ZenodoException.class, () -> client.create(m));
    List<String> fields = e.fieldErrors().stream().map(FieldError::field).toList();
    assertEquals(List.of("licence", "related[0]", "language"), fields);
    assertEquals(
        "Invalid license provided: no-such-licence", e.fieldErrors().get(0).messages().get(0));
  }

  @Test
  void putReplacesAllMetadata() throws Exception {
    Deposition d = client.create(metadata("Full"));
    ObjectNode less = Json.MAPPER.createObjectNode();
    less.put("title", "Only a title");
    Deposition updated = client.update(d.id(), less);
    assertFalse(updated.metadata().has("keywords"));
    assertFalse(updated.metadata().has("creators"));
    assertEquals("Only a title", updated.title());
  }

  @Test
  void stateSurvivesRestart() throws Exception {
    Deposition d = client.create(metadata("Persistent"));
    Path pdf = file("p.pdf", 5000, 3);
    client.upload(d, "p.pdf", pdf);
    Deposition p = client.publish(d.id());
    Deposition draft = client.create(metadata("Second"));
    server.close();

    server = LocalZenodo.start(dir.resolve("zenodo"), 0, instantIndex());
    ZenodoClient again = clientFor(server);
    Deposition reread = again.get(d.id());
    assertEquals(DepositionState.DONE, reread.state());
    assertEquals(p.doi(), reread.doi());
    assertEquals(1, reread.files().size());
    assertArrayEquals(
        Files.readAllBytes(pdf),
        get(again.record(d.id()).files().get(0).link("self").orElseThrow()));
    assertEquals("Second", again.get(draft.id()).title());
    assertTrue(again.create(null).id() > draft.id(), "ids are not reused");
  }

  @Test
  void listSearchesAndPages() throws Exception {
    Deposition a = client.create(metadata("Alpha study"));
    Deposition b = client.create(metadata("Beta study"));
    assertEquals(2, client.list(DepositionQuery.all()).size());
    List<Deposition> alpha = client.list(DepositionQuery.of("title:alpha"));
    assertEquals(List.of(a.id()), alpha.stream().map(Deposition::id).toList());
    List<Deposition> byConcept =
        client.list(DepositionQuery.of("conceptrecid:" + b.conceptrecid()));
    assertEquals(List.of(b.id()), byConcept.stream().map(Deposition::id).toList());
    assertEquals(1, client.list(DepositionQuery.all().page(2, 1)).size());
    assertEquals(
        400,
        rawStatus(new Request.Builder().url(server.apiUrl() + "/deposit/depositions?size=101")));
  }

  @Test
  void communitiesIncludeDirectlyWaitForACuratorOrAreIgnoredWhenUnknown() throws Exception {
    server.close();
    server =
        LocalZenodo.start(
            dir.resolve("zenodo"),
            0,
            instantIndex().withCommunity("open-to-us", ReviewPolicy.OPEN));
    client = clientFor(server);
    ObjectNode m = metadata("Communities");
    m.withArray("communities").addObject().put("identifier", "open-to-us");
    m.withArray("communities").addObject().put("identifier", "no-such-community");
    Deposition d = client.create(m);
    assertEquals(3, d.metadata().path("communities").size(), "echoed while a draft");
    client.upload(d, "f.pdf", file("f.pdf", 10, 4));
    Deposition p = client.publish(d.id());
    // The curator of an open community includes directly; the closed default waits for review;
    // the unknown one is dropped without a trace.
    assertEquals(1, p.metadata().path("communities").size());
    assertEquals(List.of("open-to-us"), client.record(d.id()).communities());
    assertEquals(
        "the turing way practitioners", client.community(Options.DEFAULT_COMMUNITY).title());
    assertEquals(404, statusOf(() -> client.community("no-such-community")));
  }

  @Test
  void wireRulesAreEnforced() throws Exception {
    String api = server.apiUrl();
    byte[] json = "{}".getBytes();
    // A charset parameter is refused, like flask-resources does.
    Request withCharset =
        new Request.Builder()
            .url(api + "/deposit/depositions")
            .post(RequestBody.create("{}", MediaType.get("application/json; charset=utf-8")))
            .build();
    try (Response r = raw.newCall(withCharset).execute()) {
      assertEquals(415, r.code());
      assertTrue(r.body().string().contains("Expected one of: application/json"));
    }
    assertEquals(
        201,
        rawStatus(
            new Request.Builder()
                .url(api + "/deposit/depositions")
                .post(RequestBody.create(json, MediaType.get("application/json")))));
    assertEquals(404, rawStatus(new Request.Builder().url(api + "/deposit/depositions/")));
    assertEquals(404, rawStatus(new Request.Builder().url(api + "/no/such/route")));
    assertEquals(
        400,
        rawStatus(
            new Request.Builder()
                .url(api + "/deposit/depositions")
                .post(
                    RequestBody.create(
                        "{\"unknownkey\": 1, \"metadata\": {}}".getBytes(),
                        MediaType.get("application/json")))));
    assertEquals(
        400,
        rawStatus(
            new Request.Builder()
                .url(api + "/deposit/depositions")
                .post(
                    RequestBody.create(
                        "{not json".getBytes(), MediaType.get("application/json")))));

    Deposition d = client.create(null);
    String bucket = d.bucketUrl().orElseThrow();
    assertEquals(
        415,
        rawStatus(
            new Request.Builder()
                .url(bucket + "/a.txt")
                .put(RequestBody.create("x".getBytes(), MediaType.get("text/plain")))));
    RequestBody chunked =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("application/octet-stream");
          }

          @Override
          public void writeTo(BufferedSink sink) throws java.io.IOException {
            sink.writeUtf8("chunked");
          }
        };
    assertEquals(411, rawStatus(new Request.Builder().url(bucket + "/a.txt").put(chunked)));
    assertEquals(
        405,
        rawStatus(
            new Request.Builder()
                .url(api + "/deposit/depositions/" + d.id() + "/files")
                .put(RequestBody.create(json, MediaType.get("application/json")))));

    try (Response r =
        raw.newCall(new Request.Builder().url(api + "/deposit/depositions/" + d.id()).build())
            .execute()) {
      assertEquals("application/json", r.header("Content-Type"));
      assertEquals("1000", r.header("X-RateLimit-Limit"));
      assertTrue(
          r.header("X-RateLimit-Remaining") != null && r.header("X-RateLimit-Reset") != null);
      assertTrue(r.header("Retry-After") != null);
      String etag = r.header("ETag");
      assertTrue(etag.matches("\"\\d+\""), etag);
      Request stale =
          new Request.Builder()
              .url(api + "/deposit/depositions/" + d.id())
              .header("If-Match", "\"999\"")
              .put(
                  RequestBody.create(
                      "{\"metadata\":{}}".getBytes(), MediaType.get("application/json")))
              .build();
      assertEquals(412, rawStatus(stale.newBuilder()));
    }
  }

  @Test
  void multipartUploadRewritesTheFilename() throws Exception {
    Deposition d = client.create(null);
    MultipartBody body =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("name", "my file (1).csv")
            .addFormDataPart(
                "file",
                "ignored.csv",
                RequestBody.create("a,b\n".getBytes(), MediaType.get("text/csv")))
            .build();
    Request r =
        new Request.Builder()
            .url(server.apiUrl() + "/deposit/depositions/" + d.id() + "/files")
            .post(body)
            .build();
    try (Response response = raw.newCall(r).execute()) {
      assertEquals(201, response.code());
      DepositFile f = Json.MAPPER.readValue(response.body().string(), DepositFile.class);
      assertEquals("my_file_1.csv", f.filename());
      assertEquals(4, f.filesize());
    }
  }

  @Test
  void limitsGive413And400() throws Exception {
    server.close();
    server =
        LocalZenodo.start(
            dir.resolve("zenodo"), 0, instantIndex().withMaxFileSize(1000).withMaxFiles(1));
    client = clientFor(server);
    Deposition d = client.create(null);
    ZenodoException big =
        assertThrows(
            ZenodoException.class, () -> client.upload(d, "big.bin", file("big.bin", 5000, 5)));
    assertEquals(ZenodoException.Kind.TOO_LARGE, big.kind());
    client.upload(d, "one.bin", file("one.bin", 10, 6));
    client.upload(d, "one.bin", file("one.bin", 20, 7));
    assertEquals(1, client.files(d.id()).size(), "same key replaces");
    ZenodoException many =
        assertThrows(
            ZenodoException.class, () -> client.upload(d, "two.bin", file("two.bin", 10, 8)));
    assertEquals(400, many.status());
    assertTrue(many.serverMessage().contains("max amount per record"));
  }

  @Test
  void requiredTokenAnswers403OtherwiseAndAcceptsQueryToken() throws Exception {
    server.close();
    server = LocalZenodo.start(dir.resolve("zenodo"), 0, instantIndex().withRequiredToken("right"));
    ZenodoClient wrong =
        ZenodoClient.builder(Target.local(server.apiUrl()))
            .token(Token.of("wrong"))
            .sleeper(sleeper)
            .build();
    ZenodoException e = assertThrows(ZenodoException.class, () -> wrong.create(null));
    assertEquals(ZenodoException.Kind.AUTH, e.kind());
    assertEquals("Permission denied.", e.serverMessage());
    ZenodoClient right =
        ZenodoClient.builder(Target.local(server.apiUrl()))
            .token(Token.of("right"))
            .sleeper(sleeper)
            .build();
    long id = right.create(null).id();
    assertEquals(
        200,
        rawStatus(
            new Request.Builder()
                .url(server.apiUrl() + "/deposit/depositions/" + id + "?access_token=right")));
  }

  @Test
  void imageFilesAddAThumbsObjectThatTheClientTolerates() throws Exception {
    Deposition d = client.create(null);
    client.upload(d, "figure.png", file("figure.png", 100, 11));
    Deposition withImage = client.get(d.id());
    assertTrue(withImage.links().get("thumbs").isObject());
    assertTrue(withImage.link("thumbs").isEmpty(), "only textual links are returned as URLs");
    assertTrue(withImage.link("thumb250").isPresent());
  }

  @Test
  void recordsSearchAndLatestVersion() throws Exception {
    Deposition p = publishable("Searchable record");
    RecordSearch found = client.searchRecords("title:searchable", 1, 10);
    assertEquals(1, found.total());
    assertEquals(p.id(), found.hits().get(0).id());
    assertEquals(0, client.searchRecords("title:absent", 1, 10).total());
    assertEquals(400, rawStatus(new Request.Builder().url(server.apiUrl() + "/records?size=26")));
    Deposition v2 = client.newVersion(p.id());
    client.deleteFile(v2.id(), v2.files().get(0).id());
    client.upload(client.get(v2.id()), "cs.pdf", file("v2.pdf", 10, 12));
    client.publish(v2.id());
    try (Response r =
        raw.newCall(new Request.Builder().url(p.link("latest").orElseThrow()).build()).execute()) {
      assertEquals(v2.id(), Json.MAPPER.readTree(r.body().string()).path("id").asLong());
    }
  }

  private Deposition publishable(String title) throws Exception {
    Deposition d = client.create(metadata(title));
    client.upload(d, "cs.pdf", file(title.hashCode() + ".pdf", 100, title.hashCode()));
    return client.publish(d.id());
  }

  private byte[] get(String url) throws Exception {
    try (Response r = raw.newCall(new Request.Builder().url(url).build()).execute()) {
      assertEquals(200, r.code());
      return r.body().bytes();
    }
  }

  private int rawStatus(Request.Builder request) throws Exception {
    try (Response r = raw.newCall(request.build()).execute()) {
      JsonNode body = r.code() == 204 ? null : Json.MAPPER.readTree(r.body().string());
      if (r.code() >= 400) {
        assertEquals(r.code(), body.path("status").asInt(), "JSON error body with status");
      }
      return r.code();
    }
  }

  interface Call {
    void run() throws Exception;
  }

  private static int statusOf(Call call) {
    return assertThrows(ZenodoException.class, call::run).status();
  }
}
