package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.casepress.localzenodo.Store.Deposit;
import org.casepress.localzenodo.Store.FileEntry;

/**
 * Files: the bucket API ({@code /api/files/<bucket>/<key>}, streamed) and the deposition files API
 * ({@code /api/deposit/depositions/<id>/files}, multipart). Buckets are named by UUIDs that do not
 * depend on the server's port, so a bucket link stays valid for as long as its draft exists.
 */
final class Buckets {
  private static final long MAX_MULTIPART = 100L * 1024 * 1024;

  private final Store store;
  private final Views views;
  private final Options options;
  private final Faults faults;

  Buckets(Store store, Views views, Options options, Faults faults) {
    this.store = store;
    this.views = views;
    this.options = options;
    this.faults = faults;
  }

  Reply fileList(Call call) {
    synchronized (store) {
      Deposit d = store.owned(call.param(0), call);
      ArrayNode out = Store.MAPPER.createArrayNode();
      boolean done = d.draft == null;
      for (FileEntry f : done ? d.publishedFiles : d.draftFiles) {
        out.add(views.file(d, f, done));
      }
      return Reply.json(200, out);
    }
  }

  Reply fileGet(Call call) {
    synchronized (store) {
      Deposit d = store.owned(call.param(0), call);
      boolean done = d.draft == null;
      for (FileEntry f : done ? d.publishedFiles : d.draftFiles) {
        if (f.id.equals(call.param(2))) {
          return Reply.json(200, views.file(d, f, done));
        }
      }
      throw ApiError.notFound();
    }
  }

  Reply fileDelete(Call call) {
    synchronized (store) {
      Deposit d = store.owned(call.param(0), call);
      // Published: 403; editing a published record: its files are locked.
      if (d.published != null) {
        throw ApiError.denied();
      }
      return removeDraftFile(d, e -> e.id.equals(call.param(2)));
    }
  }

  Reply bucketList(Call call) {
    String bucket = call.param(0);
    synchronized (store) {
      ObjectNode o = Store.MAPPER.createObjectNode();
      ArrayNode contents = o.putArray("contents");
      for (FileEntry f : filesOf(bucket, call)) {
        contents.add(views.bucketObject(bucket, f));
      }
      return Reply.json(200, o);
    }
  }

  Reply bucketGet(Call call) {
    String key = call.param(1);
    synchronized (store) {
      for (FileEntry f : filesOf(call.param(0), call)) {
        if (f.key.equals(key)) {
          return Reply.file(store.blob(f.blob), Views.mimetype(key));
        }
      }
      throw ApiError.notFound();
    }
  }

  /** The files in a bucket (a draft's or a published record's), if the caller may read them. */
  private List<FileEntry> filesOf(String bucket, Call call) {
    for (Deposit d : store.state.deposits.values()) {
      boolean draft = bucket.equals(d.draftBucket);
      if (draft || bucket.equals(d.recordBucket)) {
        readable(d, draft, call);
        return draft ? d.draftFiles : d.publishedFiles;
      }
    }
    throw ApiError.notFound();
  }

  /** A draft's files are as private as the draft; a published record's are public. */
  private static void readable(Deposit d, boolean draft, Call call) {
    if (draft && !d.owner.equals(call.account().name())) {
      throw ApiError.denied();
    }
  }

  Reply bucketDelete(Call call) {
    synchronized (store) {
      Deposit d = writableBucket(call.param(0), call);
      return removeDraftFile(d, e -> e.key.equals(call.param(1)));
    }
  }

  /** Removes the draft file that matches, by id (deposit API) or key (bucket API); 404 if none. */
  private Reply removeDraftFile(Deposit d, Predicate<FileEntry> which) {
    FileEntry f = d.draftFiles.stream().filter(which).findFirst().orElseThrow(ApiError::notFound);
    d.draftFiles.remove(f);
    store.touch(d);
    store.save();
    store.dropBlobIfUnused(f.blob);
    return Reply.empty(204);
  }

  /** The draft a bucket belongs to, if the caller may change its files; else 403/404. */
  private Deposit writableBucket(String bucket, Call call) {
    for (Deposit d : store.state.deposits.values()) {
      if (bucket.equals(d.draftBucket) && d.draft != null) {
        if (d.published != null || !d.owner.equals(call.account().name())) {
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

  Reply upload(Call call) throws IOException {
    String bucket = call.param(0);
    String key = call.param(1);
    String type = call.header("Content-Type");
    if (type != null && !type.equals("application/octet-stream")) {
      throw ApiError.of(
          415, "Invalid 'Content-Type' header. Expected one of: application/octet-stream");
    }
    long length = call.contentLength();
    if (length > options.maxFileSize()) {
      throw ApiError.of(413, "The data value transmitted exceeds the capacity limit.");
    }
    synchronized (store) {
      checkFileCount(writableBucket(bucket, call), key);
    }
    Path tmp = store.newUpload();
    String md5;
    try {
      md5 = receive(call.body(), tmp, length, faults.takeDrop());
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    synchronized (store) {
      Deposit d;
      try {
        d = writableBucket(bucket, call);
        checkFileCount(d, key);
      } catch (ApiError e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      FileEntry f = keep(d, key, tmp, length, md5);
      return Reply.json(201, views.bucketObject(bucket, f));
    }
  }

  Reply multipart(Call call) throws IOException {
    long length = call.contentLength();
    if (length > MAX_MULTIPART) {
      throw ApiError.of(413, "The data value transmitted exceeds the capacity limit.");
    }
    synchronized (store) {
      Deposit d = store.owned(call.param(0), call);
      if (d.draft == null) {
        throw ApiError.notFound();
      }
      if (d.published != null) {
        throw ApiError.denied();
      }
    }
    Multipart.Form form =
        Multipart.parse(call.header("Content-Type"), call.body().readNBytes((int) length));
    if (form.file() == null) {
      throw ApiError.validation(Map.of("file", List.of("Missing data for required field.")));
    }
    String key = Multipart.secureFilename(form.name() != null ? form.name() : form.filename());
    Path tmp = store.newUpload();
    Files.write(tmp, form.file());
    String md5 = HexFormat.of().formatHex(md5().digest(form.file()));
    synchronized (store) {
      Deposit d = store.owned(call.param(0), call);
      checkFileCount(d, key);
      FileEntry f = keep(d, key, tmp, form.file().length, md5);
      return Reply.json(201, views.file(d, f, false));
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
    f.created = store.now();
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
    store.touch(d);
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
          throw new HttpShell.Drop();
        }
      }
    }
    if (received != length) {
      throw new IOException("upload ended after " + received + " of " + length + " bytes");
    }
    return HexFormat.of().formatHex(md5.digest());
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
