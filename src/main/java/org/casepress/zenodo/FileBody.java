package org.casepress.zenodo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Streams a file from disk with a known length (so OkHttp sends Content-Length, never chunks),
 * computing its MD5 on the way: constant memory, one read of the file per attempt.
 */
final class FileBody extends RequestBody {
  static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
  private static final int BUFFER = 64 * 1024;

  private final Path file;
  private final String key;
  private final long length;
  private final UploadProgress progress;
  private volatile String md5;

  FileBody(Path file, String key, UploadProgress progress) throws IOException {
    this.file = file;
    this.key = key;
    this.length = Files.size(file);
    this.progress = progress;
  }

  @Override
  public MediaType contentType() {
    return OCTET_STREAM;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    MessageDigest digest = md5Digest();
    byte[] buffer = new byte[BUFFER];
    long sent = 0;
    progress.update(key, 0, length);
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (sent + n > length) {
          throw new IOException(file + " grew while it was being uploaded");
        }
        digest.update(buffer, 0, n);
        sink.write(buffer, 0, n);
        sent += n;
        progress.update(key, sent, length);
      }
    }
    if (sent != length) {
      throw new IOException(file + " shrank while it was being uploaded");
    }
    md5 = HexFormat.of().formatHex(digest.digest());
  }

  /** MD5 of the bytes sent by the last complete {@link #writeTo}. */
  String md5() {
    return md5;
  }

  static MessageDigest md5Digest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has MD5", e);
    }
  }
}
