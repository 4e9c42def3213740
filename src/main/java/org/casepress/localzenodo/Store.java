package org.casepress.localzenodo;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The server's state: one small JSON document (rewritten atomically after each change) plus one
 * blob file per uploaded file. Never holds credentials.
 */
final class Store {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
          .build();

  /** Everything that survives a restart. Nothing in it depends on the port. */
  static final class State {
    long nextId = 1;
    long nextRequest = 1;
    Map<Long, Deposit> deposits = new TreeMap<>();
    Map<String, Concept> concepts = new TreeMap<>();
    Map<String, InclusionRequest> requests = new TreeMap<>();

    /** The port of the last run, taken again when free so that links it gave out still work. */
    int lastPort;
  }

  /** A record id: its draft (if open) and what was published (if ever). */
  static final class Deposit {
    long id;
    String conceptrecid;

    /** The account that created it: drafts are private to it. */
    String owner = Options.DEFAULT_ACCOUNT;

    /** Committed but never indexed (a 5xx after the commit): search and listings miss it. */
    boolean unindexed;

    /** Indexed without its identifiers: a search by them misses it, listings show it. */
    boolean identifiersUnindexed;

    String created;
    String modified;
    int revision = 1;
    ObjectNode draft;
    List<FileEntry> draftFiles = new ArrayList<>();
    String draftBucket;
    ObjectNode published;
    List<FileEntry> publishedFiles = new ArrayList<>();
    String recordBucket;
    String doi;
    boolean externalDoi;

    String state() {
      if (published == null) {
        return "unsubmitted";
      }
      return draft != null ? "inprogress" : "done";
    }
  }

  /** All versions of one work. */
  static final class Concept {
    String conceptrecid;
    String conceptdoi;
    List<Long> versions = new ArrayList<>();
    Long draftId;

    /** Communities the record is in: those whose inclusion request was accepted. */
    List<String> communities = new ArrayList<>();
  }

  /** A community-inclusion request: a record waiting for (or past) a curator's decision. */
  static final class InclusionRequest {
    String id;
    long number;
    String community;
    long recid;
    String title;
    String status = "submitted";
    String createdBy;

    /**
     * Legacy publish files the request without telling the curators; the native call tells them.
     */
    boolean notified;

    String created;
    String updated;

    boolean open() {
      return status.equals("submitted");
    }
  }

  static final class FileEntry {
    String id;
    String key;
    long size;
    String md5;
    String versionId;
    String blob;
    String created;

    FileEntry copy() {
      FileEntry f = new FileEntry();
      f.id = id;
      f.key = key;
      f.size = size;
      f.md5 = md5;
      f.versionId = versionId;
      f.blob = blob;
      f.created = created;
      return f;
    }
  }

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

  private final Path dir;
  private final Path stateFile;
  private final Path blobs;
  private final Clock clock;
  final State state;

  private Store(Path dir, State state, Clock clock) {
    this.dir = dir;
    this.stateFile = dir.resolve("state.json");
    this.blobs = dir.resolve("blobs");
    this.state = state;
    this.clock = clock;
  }

  /** A deposition by id, or 404. */
  Deposit deposit(String idText) {
    Deposit d = state.deposits.get(parseId(idText));
    if (d == null) {
      throw ApiError.notFound();
    }
    return d;
  }

  /** A deposition the caller owns: 404 if there is none, 403 if it is someone else's. */
  Deposit owned(String idText, Call call) {
    Deposit d = deposit(idText);
    if (!d.owner.equals(call.account().name())) {
      throw ApiError.denied();
    }
    return d;
  }

  Concept concept(Deposit d) {
    return state.concepts.get(d.conceptrecid);
  }

  /** The id of the latest published version of a concept, or -1. */
  long latestVersion(String conceptrecid) {
    Concept c = state.concepts.get(conceptrecid);
    return c == null || c.versions.isEmpty() ? -1 : c.versions.get(c.versions.size() - 1);
  }

  static long parseId(String idText) {
    try {
      return Long.parseLong(idText);
    } catch (NumberFormatException e) {
      throw ApiError.notFound();
    }
  }

  void touch(Deposit d) {
    d.revision++;
    d.modified = now();
  }

  String now() {
    return TIMESTAMP.format(clock.instant().atOffset(ZoneOffset.UTC));
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  static Store open(Path dir, Clock clock) throws IOException {
    Files.createDirectories(dir.resolve("blobs"));
    Path stateFile = dir.resolve("state.json");
    State state =
        Files.exists(stateFile) ? MAPPER.readValue(stateFile.toFile(), State.class) : new State();
    Store store = new Store(dir, state, clock);
    store.removeStaleUploads();
    return store;
  }

  /** The state as last saved, read without touching the folder (for readers beside a server). */
  static State read(Path dir) throws IOException {
    Path stateFile = dir.resolve("state.json");
    return Files.exists(stateFile)
        ? MAPPER.readValue(stateFile.toFile(), State.class)
        : new State();
  }

  Path blob(String name) {
    return blobs.resolve(name);
  }

  /** A fresh temporary file for an upload in progress, in the blob folder so moves are atomic. */
  Path newUpload() throws IOException {
    return Files.createTempFile(blobs, ".upload-", ".tmp");
  }

  String keepBlob(Path upload) throws IOException {
    String name = UUID.randomUUID().toString();
    move(upload, blob(name));
    return name;
  }

  /** Deletes a blob nobody refers to any more (versions share blobs of imported files). */
  void dropBlobIfUnused(String name) {
    for (Deposit d : state.deposits.values()) {
      for (FileEntry f : d.draftFiles) {
        if (f.blob.equals(name)) {
          return;
        }
      }
      for (FileEntry f : d.publishedFiles) {
        if (f.blob.equals(name)) {
          return;
        }
      }
    }
    try {
      Files.deleteIfExists(blob(name));
    } catch (IOException e) {
      // A leftover blob only costs disk space; the state is what matters.
    }
  }

  void save() {
    try {
      Path tmp = Files.createTempFile(dir, ".state-", ".tmp");
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
      move(tmp, stateFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + stateFile, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void removeStaleUploads() throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(blobs, ".upload-*.tmp")) {
      for (Path p : s) {
        Files.deleteIfExists(p);
      }
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".state-*.tmp")) {
      for (Path p : s) {
        Files.deleteIfExists(p);
      }
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
