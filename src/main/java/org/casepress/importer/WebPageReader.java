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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A web page, typically a Google Docs download (File > Download > Web page): its images are files
 * in a folder next to the page (images/image1.png), or inline data.
 */
final class WebPageReader {
  private WebPageReader() {}

  static Draft read(String source, Path file, byte[] bytes) {
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
      String path = image(source, file.getParent(), img.attr("src"), images, notes);
      if (path == null) {
        img.replaceWith(new org.jsoup.nodes.TextNode(img.attr("alt")));
      } else {
        img.attr("src", path);
      }
    }
    return HtmlMarkdown.draft(source, html, text, images, notes);
  }

  /** Copies one image into the draft; its new path, or null (with a note) when it cannot be. */
  private static String image(
      String source, Path folder, String src, Map<String, byte[]> images, List<Note> notes) {
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
    Path found;
    try {
      found = folder.resolve(URLDecoder.decode(src, StandardCharsets.UTF_8)).normalize();
    } catch (InvalidPathException e) {
      found = null;
    }
    if (found == null || !found.startsWith(folder) || !Files.isRegularFile(found)) {
      notes.add(
          Note.notImported(
              where,
              "the image '"
                  + src
                  + "' is not in the folder beside the page ("
                  + folder
                  + "). Unzip the whole Google Docs download, images folder included, and import"
                  + " the .html file from there, or add the image yourself."));
      return null;
    }
    String path = "figures/" + found.getFileName().toString().replace(' ', '-');
    try {
      images.put(path, Files.readAllBytes(found));
    } catch (IOException e) {
      notes.add(
          Note.notImported(where, "the image " + found + " cannot be read: " + e.getMessage()));
      return null;
    }
    return path;
  }
}
