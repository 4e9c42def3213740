package org.casepress.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for which images a case study may use: a PNG, JPEG or GIF file inside the case
 * study's own folder, named by a relative path. {@code check} reports a refusal to the author; the
 * renderer refuses to read anything else. Keeping the rule in one place keeps the two in step.
 */
public final class ImagePath {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[a-zA-Z]:[\\\\/].*");

  private ImagePath() {}

  /** Why an image address cannot be used. */
  public enum Refusal {
    EMPTY,
    /** An http(s) address: published PDFs must not depend on other sites. */
    REMOTE,
    /** Another scheme, such as file: or data:. */
    OTHER_SCHEME,
    ABSOLUTE,
    INVALID_NAME,
    OUTSIDE_FOLDER,
    MISSING,
    UNREADABLE,
    /** A symbolic link whose target is outside the folder. */
    LINK_OUTSIDE,
    NOT_A_FILE,
    /**
     * The name differs from the file's only in capitals: it would work on macOS and Windows and
     * fail on Linux, so it is refused everywhere.
     */
    WRONG_CASE,
    /** Not PNG, JPEG or GIF (SVG included: the renderer has no SVG support). */
    NOT_AN_IMAGE
  }

  /**
   * The outcome for one address.
   *
   * @param file the real path of the image when it may be used, else null
   * @param refusal why not, else null
   * @param scheme the scheme of a REMOTE or OTHER_SCHEME address
   * @param path the address decoded, as a path relative to the folder
   * @param actual for WRONG_CASE, the path as the files are really named
   */
  public record Result(Path file, Refusal refusal, String scheme, String path, String actual) {
    public boolean ok() {
      return refusal == null;
    }
  }

  /** Resolves {@code address}, as written in Markdown or HTML, against the case study folder. */
  public static Result resolve(Path folder, String address) {
    String src = address == null ? "" : address.strip();
    if (src.isEmpty()) {
      return refused(Refusal.EMPTY, null, src);
    }
    if (SCHEME.matcher(src).find() && !WINDOWS_DRIVE.matcher(src).matches()) {
      String scheme = src.substring(0, src.indexOf(':')).toLowerCase(Locale.ROOT);
      return refused(
          scheme.startsWith("http") ? Refusal.REMOTE : Refusal.OTHER_SCHEME, scheme, src);
    }
    if (src.startsWith("/") || src.startsWith("\\") || WINDOWS_DRIVE.matcher(src).matches()) {
      return refused(Refusal.ABSOLUTE, null, src);
    }
    String decoded = URLDecoder.decode(src.replace("+", "%2B"), StandardCharsets.UTF_8);
    int cut = indexOfAny(decoded, '?', '#');
    if (cut >= 0) {
      decoded = decoded.substring(0, cut);
    }
    Path base = folder.toAbsolutePath().normalize();
    Path target;
    try {
      target = base.resolve(decoded).normalize();
    } catch (InvalidPathException e) {
      return refused(Refusal.INVALID_NAME, null, decoded);
    }
    if (!target.startsWith(base)) {
      return refused(Refusal.OUTSIDE_FOLDER, null, decoded);
    }
    String actual = asNamed(base, target);
    if (actual != null && !actual.equals(base.relativize(target).toString().replace('\\', '/'))) {
      return new Result(null, Refusal.WRONG_CASE, null, decoded, actual);
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return refused(Refusal.MISSING, null, decoded);
    }
    Path real;
    try {
      real = target.toRealPath();
      if (!real.startsWith(base.toRealPath())) {
        return refused(Refusal.LINK_OUTSIDE, null, decoded);
      }
    } catch (IOException e) {
      return refused(Refusal.UNREADABLE, null, decoded);
    }
    if (!Files.isRegularFile(real)) {
      return refused(Refusal.NOT_A_FILE, null, decoded);
    }
    if (rasterFormat(real) == null) {
      return refused(Refusal.NOT_AN_IMAGE, null, decoded);
    }
    return new Result(real, null, null, decoded, null);
  }

  /** "png", "jpeg" or "gif" from the file's first bytes (its name may lie), else null. */
  public static String rasterFormat(Path file) {
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      return null;
    }
    if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
      return "png";
    }
    if (n >= 3
        && (head[0] & 0xff) == 0xff
        && (head[1] & 0xff) == 0xd8
        && (head[2] & 0xff) == 0xff) {
      return "jpeg";
    }
    if (n >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
      return "gif";
    }
    return null;
  }

  private static Result refused(Refusal refusal, String scheme, String path) {
    return new Result(null, refusal, scheme, path, null);
  }

  /**
   * The path from {@code base} to {@code target} with each name as the folder lists it, matching
   * names without regard to capitals; null when some name matches nothing. Folder listings are
   * compared, never the file system's own lookup, which ignores capitals on macOS and Windows.
   */
  private static String asNamed(Path base, Path target) {
    Path dir = base;
    StringBuilder named = new StringBuilder();
    for (Path part : base.relativize(target)) {
      String wanted = part.toString();
      String found = null;
      try (java.util.stream.Stream<Path> children = Files.list(dir)) {
        List<String> names = children.map(p -> p.getFileName().toString()).toList();
        found = names.contains(wanted) ? wanted : null;
        if (found == null) {
          found = names.stream().filter(n -> n.equalsIgnoreCase(wanted)).findFirst().orElse(null);
        }
      } catch (IOException e) {
        return null;
      }
      if (found == null) {
        return null;
      }
      named.append(named.length() == 0 ? "" : "/").append(found);
      dir = dir.resolve(found);
    }
    return named.toString();
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
