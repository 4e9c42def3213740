package org.casepress.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.zwobble.mammoth.DocumentConverter;
import org.zwobble.mammoth.Result;
import org.zwobble.mammoth.images.ImageConverter;

/**
 * Word documents through mammoth, which maps Word's paragraph styles to semantic HTML (Heading 1 to
 * h1, lists, tables, footnotes, links) and hands over each picture with its alt text; then the same
 * cleaning and conversion as a web page.
 */
final class WordReader {
  /** Word's own styles that carry meaning; mammoth knows the headings and footnotes already. */
  private static final List<String> STYLE_MAP =
      List.of(
          "p[style-name='Title'] => h1.title:fresh",
          // Comments are written out (and then reported, not imported) rather than dropped unseen.
          "comment-reference => sup",
          "p[style-name='Subtitle'] => p.subtitle:fresh",
          "p[style-name='Quote'] => blockquote > p:fresh",
          "p[style-name='Intense Quote'] => blockquote > p:fresh",
          "p[style-name='Caption'] => p:fresh",
          "p[style-name='List Paragraph'] => p:fresh",
          "p[style-name='No Spacing'] => p:fresh",
          "p[style-name='Body Text'] => p:fresh",
          "r[style-name='Emphasis'] => em",
          "r[style-name='Intense Emphasis'] => strong",
          "r[style-name='Strong Emphasis'] => strong");

  private static final Pattern PAGE_MARGIN_PART =
      Pattern.compile("word/(header|footer)(\\d*)\\.xml");
  private static final Pattern RUN_TEXT = Pattern.compile("<w:t(?:\\s[^>]*)?>([^<]*)</w:t>");

  private WordReader() {}

  static Draft read(String source, byte[] bytes) {
    List<Note> notes = new ArrayList<>();
    for (Map.Entry<String, String> part : requireWordDocument(source, bytes).entrySet()) {
      notes.add(
          Note.notImported(
              source + ", " + part.getKey(),
              "the text \""
                  + part.getValue()
                  + "\" is not imported: casepress prints its own page headers and footers."));
    }
    Map<String, byte[]> images = new LinkedHashMap<>();
    DocumentConverter converter = new DocumentConverter();
    for (String mapping : STYLE_MAP) {
      converter = converter.addStyleMap(mapping);
    }
    converter =
        converter.imageConverter(
            (ImageConverter.ImgElement)
                image -> {
                  String path =
                      "figures/image-" + (images.size() + 1) + extension(image.getContentType());
                  try (InputStream in = image.getInputStream()) {
                    images.put(path, in.readAllBytes());
                  }
                  Map<String, String> attributes = new LinkedHashMap<>();
                  attributes.put("src", path);
                  attributes.put("alt", image.getAltText().orElse(""));
                  return attributes;
                });
    Result<String> result;
    try {
      result = converter.convertToHtml(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw ImportException.badInput(
          source
              + " cannot be read as a Word document ("
              + e.getMessage()
              + "). Open it in Word, use File > Save As > Word Document (.docx), and import the new"
              + " file.");
    }
    for (String warning : result.getWarnings()) {
      notes.add(
          Note.changed(
              source,
              "Word said: "
                  + warning
                  + ". Text in that style was imported as an ordinary paragraph or as plain text."));
    }
    Document html = Jsoup.parse(result.getValue());
    String text = HtmlCleaner.visibleText(html.body());
    return HtmlMarkdown.draft(source, html, text, images, notes);
  }

  /**
   * A .docx is a zip archive holding word/document.xml; say plainly when it is not.
   *
   * @return the text of the page headers and footers, which mammoth leaves out, by part
   */
  private static Map<String, String> requireWordDocument(String source, byte[] bytes) {
    if (bytes.length >= 4
        && (bytes[0] & 0xff) == 0xd0
        && (bytes[1] & 0xff) == 0xcf
        && (bytes[2] & 0xff) == 0x11
        && (bytes[3] & 0xff) == 0xe0) {
      throw ImportException.badInput(
          source
              + " is an old-style Word document (Word 97-2003) with a .docx name. Open it in Word,"
              + " use File > Save As > Word Document (.docx), and import the new file.");
    }
    if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
      throw ImportException.badInput(
          source
              + " is not a Word document: a .docx file is a zip archive, and this one is not."
              + " Open the draft in Word, use File > Save As > Word Document (.docx), and import"
              + " the new file.");
    }
    boolean document = false;
    Map<String, String> margins = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        document |= e.getName().equals("word/document.xml");
        Matcher part = PAGE_MARGIN_PART.matcher(e.getName());
        if (part.matches()) {
          String text = runText(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
          if (!text.isBlank()) {
            margins.put(
                "page " + part.group(1) + (part.group(2).isEmpty() ? "" : " " + part.group(2)),
                text);
          }
        } else {
          zip.transferTo(OutputStream.nullOutputStream()); // damage anywhere shows now
        }
      }
    } catch (IOException e) {
      throw ImportException.badInput(
          source
              + " is damaged: its zip archive cannot be read ("
              + e.getMessage()
              + "). If Word still opens it, save it again with File > Save As > Word Document"
              + " (.docx); otherwise use the last good copy.");
    }
    if (!document) {
      throw ImportException.badInput(
          source
              + " is a zip archive but not a Word document (it has no word/document.xml). Import"
              + " the .docx file that Word saves.");
    }
    return margins;
  }

  /** The text of a header or footer part: its w:t runs, in order. */
  private static String runText(String xml) {
    StringBuilder s = new StringBuilder();
    Matcher m = RUN_TEXT.matcher(xml);
    while (m.find()) {
      s.append(m.group(1));
    }
    return s.toString()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .strip();
  }

  private static String extension(String contentType) {
    return switch (contentType.toLowerCase(Locale.ROOT)) {
      case "image/png" -> ".png";
      case "image/jpeg", "image/jpg" -> ".jpg";
      case "image/gif" -> ".gif";
      case "image/svg+xml" -> ".svg";
      case "image/x-emf", "image/emf" -> ".emf";
      case "image/x-wmf", "image/wmf" -> ".wmf";
      case "image/tiff" -> ".tiff";
      case "image/bmp" -> ".bmp";
      default -> ".bin";
    };
  }
}
