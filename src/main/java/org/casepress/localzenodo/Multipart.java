package org.casepress.localzenodo;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough multipart/form-data for the legacy {@code POST .../files} (at most 100 MB). */
final class Multipart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  private Multipart() {}

  record Form(byte[] file, String filename, String name) {}

  static Form parse(String contentType, byte[] body) {
    Matcher b = contentType == null ? null : BOUNDARY.matcher(contentType);
    if (b == null || !contentType.startsWith("multipart/form-data") || !b.find()) {
      throw ApiError.of(400, "Expected multipart/form-data with a boundary.");
    }
    byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    byte[] file = null;
    String filename = null;
    String name = null;
    int pos = indexOf(body, delimiter, 0);
    while (pos >= 0) {
      int start = pos + delimiter.length;
      if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
        break;
      }
      start += 2; // CRLF after the delimiter
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      int next = indexOf(body, delimiter, start);
      if (headersEnd < 0 || next < 0) {
        break;
      }
      String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int contentEnd = next - 2; // CRLF before the next delimiter
      byte[] content = new byte[Math.max(0, contentEnd - contentStart)];
      System.arraycopy(body, contentStart, content, 0, content.length);
      Matcher n = NAME.matcher(headers);
      String field = n.find() ? n.group(1) : "";
      if (field.equals("file")) {
        file = content;
        Matcher f = FILENAME.matcher(headers);
        filename = f.find() ? f.group(1) : "file";
      } else if (field.equals("name")) {
        name = new String(content, StandardCharsets.UTF_8);
      }
      pos = next;
    }
    return new Form(file, filename, name);
  }

  /** Werkzeug's {@code secure_filename}, which the legacy multipart endpoint applies. */
  static String secureFilename(String filename) {
    String ascii =
        Normalizer.normalize(filename, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
    ascii = ascii.replace('/', ' ').replace('\\', ' ');
    String joined = String.join("_", ascii.strip().split("\\s+"));
    String cleaned = joined.replaceAll("[^A-Za-z0-9_.-]", "");
    return cleaned.replaceAll("^[._]+", "").replaceAll("[._]+$", "");
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
