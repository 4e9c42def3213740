package org.casepress.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * A web page, typically a Google Docs download (File > Download > Web page): either the zip that
 * Google sends, or the page unzipped with its images folder (images/image1.png) beside it.
 */
final class WebPageReader {
  /** Far above any draft with its pictures; stops a zip that unpacks to gigabytes. */
  private static final long ZIP_LIMIT = 200L * 1024 * 1024;

  /** Where the page's own files (its images) are found. */
  private interface PageFiles {
    /** The file at {@code path} relative to the page, or null when there is none. */
    byte[] get(String path) throws IOException;

    /** Where a missing image was looked for, for the note. */
    String looked();
  }

  private WebPageReader() {}

  static Draft read(String source, Path file, byte[] bytes) {
    Path folder = file.getParent();
    return read(
        source,
        bytes,
        new PageFiles() {
          @Override
          public byte[] get(String path) throws IOException {
            Path found;
            try {
              found = folder.resolve(path).normalize();
            } catch (InvalidPathException e) {
              return null;
            }
            return found.startsWith(folder) && Files.isRegularFile(found)
                ? Files.readAllBytes(found)
                : null;
          }

          @Override
          public String looked() {
            return "in the folder beside the page ("
                + folder
                + "). Keep the images folder of the Google Docs download next to the .html file,"
                + " or import the downloaded .zip file itself";
          }
        });
  }

  /** The .zip Google Docs downloads: one .html page and an images folder. */
  static Draft readZip(String source, byte[] bytes) {
    Map<String, byte[]> entries = unzip(source, bytes);
    List<String> pages =
        entries.keySet().stream()
            .filter(n -> n.toLowerCase(Locale.ROOT).matches(".*\\.html?"))
            .filter(n -> !n.startsWith("__MACOSX/"))
            .toList();
    if (pages.size() != 1) {
      throw ImportException.badInput(
          source
              + (pages.isEmpty()
                  ? " holds no web page (.html file)."
                  : " holds " + pages.size() + " web pages: " + String.join(", ", pages) + ".")
              + " Import the .zip that Google Docs makes with File > Download > Web page, or unzip"
              + " it and import the one .html file.");
    }
    String page = pages.get(0);
    String dir = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
    return read(
        source,
        entries.get(page),
        new PageFiles() {
          @Override
          public byte[] get(String path) {
            return entries.get(Path.of(dir + path).normalize().toString().replace('\\', '/'));
          }

          @Override
          public String looked() {
            return "in " + source + ". Download the page again with File > Download > Web page";
          }
        });
  }

  private static Map<String, byte[]> unzip(String source, byte[] bytes) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        byte[] content = zip.readNBytes((int) (ZIP_LIMIT - total + 1));
        total += content.length;
        if (total > ZIP_LIMIT) {
          throw ImportException.badInput(
              source
                  + " unpacks to more than "
                  + ZIP_LIMIT / (1024 * 1024)
                  + " MB, far more than a draft with its pictures. Import the .html file and its"
                  + " images folder instead.");
        }
        if (!e.isDirectory()) {
          entries.put(Path.of(e.getName()).normalize().toString().replace('\\', '/'), content);
        }
      }
    } catch (IOException | InvalidPathException e) {
      throw ImportException.badInput(
          source
              + " is damaged: its zip archive cannot be read ("
              + e.getMessage()
              + "). Download the page from Google Docs again (File > Download > Web page).");
    }
    return entries;
  }

  private static Draft read(String source, byte[] bytes, PageFiles files) {
    Document html;
    try {
      html = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
    } catch (IOException e) {
      throw ImportException.badInput(source + " cannot be read as a web page: " + e.getMessage());
    }
    String text = HtmlCleaner.visibleText(html.body());
    List<Note> notes = new ArrayList<>();
    Map<String, byte[]> images = new LinkedHashMap<>();
    for (Element img : html.body().select("img")) {
      String path = image(source, files, img.attr("src"), images, notes);
      if (path == null) {
        img.replaceWith(new TextNode(img.attr("alt")));
      } else {
        img.attr("src", path);
      }
    }
    return HtmlMarkdown.draft(source, html, text, images, notes);
  }

  /** Copies one image into the draft; its new path, or null (with a note) when it cannot be. */
  private static String image(
      String source, PageFiles files, String src, Map<String, byte[]> images, List<Note> notes) {
    String where = source + ", image " + (images.size() + 1);
    if (src.startsWith("data:")) {
      int comma = src.indexOf(',');
      String header = src.substring(5, Math.max(5, comma)).toLowerCase(Locale.ROOT);
      if (comma > 0 && header.endsWith(";base64")) {
        String extension =
            header.startsWith("image/jpeg")
                ? ".jpg"
                : header.startsWith("image/gif") ? ".gif" : ".png";
        String path = "figures/image-" + (images.size() + 1) + extension;
        try {
          images.put(path, Base64.getMimeDecoder().decode(src.substring(comma + 1)));
          return path;
        } catch (IllegalArgumentException e) {
          // reported below
        }
      }
      notes.add(
          Note.notImported(
              where, "an image written into the page could not be decoded; add it as a file."));
      return null;
    }
    String lower = src.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//")) {
      notes.add(
          Note.notImported(
              where,
              "the image "
                  + src
                  + " is on the web; save it into the case study's figures/ folder and refer to"
                  + " it as ![what it shows](figures/NAME)."));
      return null;
    }
    String relative = URLDecoder.decode(src, StandardCharsets.UTF_8);
    byte[] content;
    try {
      content = files.get(relative);
    } catch (IOException e) {
      content = null;
    }
    if (content == null) {
      notes.add(
          Note.notImported(
              where,
              "the image '" + src + "' was not found " + files.looked() + "; or add it yourself."));
      return null;
    }
    String name = relative.substring(relative.lastIndexOf('/') + 1).replace(' ', '-');
    String path = "figures/" + name;
    for (int n = 2; images.containsKey(path); n++) {
      path = "figures/" + n + "-" + name;
    }
    images.put(path, content);
    return path;
  }
}
