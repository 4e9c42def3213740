package org.casepress.render;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The one place that decides which files a render may read: regular files inside the case
 * study's folder (after resolving symbolic links), in a raster format the renderer can draw.
 * Everything else is refused with a reason the author can act on. The renderer itself is fenced
 * in by the same rule ({@link #accessControl()}) and by stream factories that never open a
 * connection, so an address that slipped past the HTML checks is still not read.
 */
final class Assets {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  /** An image the PDF may embed, or why not. */
  record Decision(URI uri, String refusal) {
    boolean allowed() {
      return uri != null;
    }
  }

  private final Path folder;
  private final Path realFolder;
  private final List<String> refusedAtRender = Collections.synchronizedList(new ArrayList<>());

  Assets(Path folder) throws IOException {
    this.folder = folder.toAbsolutePath().normalize();
    this.realFolder = this.folder.toRealPath();
  }

  Path folder() {
    return folder;
  }

  /** Decides about an image address as written in the Markdown or HTML. */
  Decision image(String rawSrc) {
    String src = rawSrc == null ? "" : rawSrc.strip();
    if (src.isEmpty()) {
      return refuse("the image has no address");
    }
    if (SCHEME.matcher(src).find()) {
      String scheme = src.substring(0, src.indexOf(':')).toLowerCase(Locale.ROOT);
      return refuse(
          scheme.startsWith("http")
              ? "images on the web are never downloaded; save the image into the case study's folder"
              : "'" + scheme + ":' addresses are not read; use a path relative to the case study's folder");
    }
    if (src.startsWith("/") || src.startsWith("\\")) {
      return refuse("absolute paths are not read; use a path relative to the case study's folder");
    }
    String decoded = URLDecoder.decode(src.replace("+", "%2B"), StandardCharsets.UTF_8);
    int cut = indexOfAny(decoded, '?', '#');
    if (cut >= 0) {
      decoded = decoded.substring(0, cut);
    }
    Path target;
    try {
      target = folder.resolve(decoded).normalize();
    } catch (InvalidPathException e) {
      return refuse("it is not a valid file name");
    }
    if (!target.startsWith(folder)) {
      return refuse("it is outside the case study's folder; copy it into the folder");
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return refuse("the file does not exist");
    }
    Path real;
    try {
      real = target.toRealPath();
    } catch (IOException e) {
      return refuse("it cannot be read");
    }
    if (!real.startsWith(realFolder)) {
      return refuse("it is a link to a file outside the case study's folder; replace the link with a copy");
    }
    if (!Files.isRegularFile(real)) {
      return refuse("it is not a file");
    }
    String format = rasterFormat(real);
    if (format == null) {
      return refuse(
          decoded.toLowerCase(Locale.ROOT).endsWith(".svg")
              ? "SVG images are not supported yet; export the image as PNG"
              : "it is not a PNG, JPEG or GIF image");
    }
    return new Decision(real.toUri(), null);
  }

  private static Decision refuse(String reason) {
    return new Decision(null, reason);
  }

  /** Whether a resolved address, as the renderer is about to read it, is an allowed file. */
  boolean mayRead(String uri, ExternalResourceType type) {
    if (uri != null && type == ExternalResourceType.IMAGE_RASTER && uri.startsWith("file:")) {
      try {
        Path p = Path.of(URI.create(uri));
        if (p.startsWith(realFolder) && p.toRealPath().startsWith(realFolder) && Files.isRegularFile(p)) {
          return true;
        }
      } catch (IllegalArgumentException | IOException | java.nio.file.FileSystemNotFoundException e) {
        // falls through to refusal
      }
    }
    refusedAtRender.add(uri + " (" + type + ")");
    return false;
  }

  /** The renderer's access control, run before and after it resolves an address. */
  BiPredicate<String, ExternalResourceType> accessControl() {
    return this::mayRead;
  }

  /** Refuses to open anything: installed for every protocol that could reach the network. */
  FSStreamFactory noNetwork() {
    return url -> {
      refusedAtRender.add(url);
      return new FSStream() {
        @Override
        public InputStream getStream() {
          return null;
        }

        @Override
        public Reader getReader() {
          return null;
        }
      };
    };
  }

  /** Addresses the renderer tried to read and was refused; empty unless the HTML checks missed one. */
  List<String> refusedAtRender() {
    synchronized (refusedAtRender) {
      return List.copyOf(refusedAtRender);
    }
  }

  private static String rasterFormat(Path file) {
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
    if (n >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
      return "jpeg";
    }
    if (n >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
      return "gif";
    }
    return null;
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
