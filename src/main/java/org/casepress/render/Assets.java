package org.casepress.render;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import org.casepress.source.ImagePath;

/**
 * The one place that decides which files a render may read: regular files inside the case study's
 * folder (after resolving symbolic links), in a raster format the renderer can draw. Everything
 * else is refused with a reason the author can act on. The renderer itself is fenced in by the same
 * rule ({@link #accessControl()}) and by stream factories that never open a connection, so an
 * address that slipped past the HTML checks is still not read.
 */
final class Assets {

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

  /** Decides about an image address as written in the Markdown or HTML, by the rule of check. */
  Decision image(String rawSrc) {
    ImagePath.Result r = ImagePath.resolve(folder, rawSrc);
    if (r.ok()) {
      return new Decision(r.file().toUri(), null);
    }
    return refuse(
        switch (r.refusal()) {
          case EMPTY -> "the image has no address";
          case REMOTE ->
              "images on the web are never downloaded; save the image into the case study's folder";
          case OTHER_SCHEME ->
              "'"
                  + r.scheme()
                  + ":' addresses are not read; use a path relative to the case study's folder";
          case ABSOLUTE ->
              "absolute paths are not read; use a path relative to the case study's folder";
          case INVALID_NAME -> "it is not a valid file name";
          case OUTSIDE_FOLDER -> "it is outside the case study's folder; copy it into the folder";
          case MISSING -> "the file does not exist";
          case UNREADABLE -> "it cannot be read";
          case LINK_OUTSIDE ->
              "it is a link to a file outside the case study's folder; replace the link with a copy";
          case NOT_A_FILE -> "it is not a file";
          case WRONG_CASE -> "the file is named " + r.actual() + " (capitals differ)";
          case NOT_AN_IMAGE ->
              r.path().toLowerCase(Locale.ROOT).endsWith(".svg")
                  ? "SVG images are not supported yet; export the image as PNG"
                  : "it is not a PNG, JPEG or GIF image";
        });
  }

  private static Decision refuse(String reason) {
    return new Decision(null, reason);
  }

  /** Whether a resolved address, as the renderer is about to read it, is an allowed file. */
  boolean mayRead(String uri, ExternalResourceType type) {
    if (uri != null && type == ExternalResourceType.IMAGE_RASTER && uri.startsWith("file:")) {
      try {
        Path p = Path.of(URI.create(uri));
        if (p.startsWith(realFolder)
            && p.toRealPath().startsWith(realFolder)
            && Files.isRegularFile(p)) {
          return true;
        }
      } catch (IllegalArgumentException
          | IOException
          | java.nio.file.FileSystemNotFoundException e) {
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

  /**
   * Addresses the renderer tried to read and was refused; empty unless the HTML checks missed one.
   */
  List<String> refusedAtRender() {
    synchronized (refusedAtRender) {
      return List.copyOf(refusedAtRender);
    }
  }
}
