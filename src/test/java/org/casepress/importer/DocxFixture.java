package org.casepress.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a Word .docx from scratch, the parts Word itself writes for headings, tables, pictures
 * with alt text, footnotes and links. Hand-written rather than made with Apache POI or docx4j: both
 * are several megabytes of test dependencies, and neither has an API for a picture's alt text or a
 * footnote reference, which are what these tests are about.
 */
final class DocxFixture {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String R =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String WP =
      "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
  private static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";
  private static final String PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture";

  private final StringBuilder body = new StringBuilder();
  private final List<String> footnotes = new ArrayList<>();
  private final Map<String, String> relationships = new LinkedHashMap<>();
  private final Map<String, byte[]> media = new LinkedHashMap<>();
  private final List<String> comments = new ArrayList<>();
  private String header;

  DocxFixture paragraph(String style, String text) {
    body.append("<w:p>");
    if (style != null) {
      body.append("<w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr>");
    }
    body.append(run(text)).append("</w:p>");
    return this;
  }

  DocxFixture title(String text) {
    return paragraph("Title", text);
  }

  DocxFixture heading(int level, String text) {
    return paragraph("Heading" + level, text);
  }

  DocxFixture paragraph(String text) {
    return paragraph(null, text);
  }

  /** A paragraph "before [link text](url) after". */
  DocxFixture link(String before, String linkText, String url, String after) {
    String id = "rIdLink" + (relationships.size() + 1);
    relationships.put(id, relationship(id, "hyperlink", escape(url) + "\" TargetMode=\"External"));
    body.append("<w:p>")
        .append(run(before))
        .append("<w:hyperlink r:id=\"")
        .append(id)
        .append("\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t>")
        .append(escape(linkText))
        .append("</w:t></w:r></w:hyperlink>")
        .append(run(after))
        .append("</w:p>");
    return this;
  }

  /** A paragraph "text" followed by a footnote reference whose note says {@code note}. */
  DocxFixture footnote(String text, String note) {
    int id = footnotes.size() + 1;
    footnotes.add(
        "<w:footnote w:id=\""
            + id
            + "\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
            + "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>"
            + run(" " + note)
            + "</w:p></w:footnote>");
    body.append("<w:p>")
        .append(run(text))
        .append(
            "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"")
        .append(id)
        .append("\"/></w:r></w:p>");
    return this;
  }

  /** A paragraph "text" with a reviewer's comment on it. */
  DocxFixture comment(String text, String comment) {
    int id = comments.size();
    comments.add(
        "<w:comment w:id=\""
            + id
            + "\" w:author=\"A Reviewer\" w:initials=\"AR\"><w:p>"
            + run(comment)
            + "</w:p></w:comment>");
    body.append("<w:p><w:commentRangeStart w:id=\"")
        .append(id)
        .append("\"/>")
        .append(run(text))
        .append("<w:commentRangeEnd w:id=\"")
        .append(id)
        .append("\"/><w:r><w:commentReference w:id=\"")
        .append(id)
        .append("\"/></w:r></w:p>");
    return this;
  }

  /** The text of the page header on every page. */
  DocxFixture header(String text) {
    header = text;
    return this;
  }

  /** A table; the first row is marked as the header row when {@code headerRow}. */
  DocxFixture table(boolean headerRow, List<List<String>> rows) {
    body.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>");
    for (int r = 0; r < rows.size(); r++) {
      body.append("<w:tr>");
      if (r == 0 && headerRow) {
        body.append("<w:trPr><w:tblHeader/></w:trPr>");
      }
      for (String cell : rows.get(r)) {
        body.append("<w:tc><w:p>").append(run(cell)).append("</w:p></w:tc>");
      }
      body.append("</w:tr>");
    }
    body.append("</w:tbl>");
    return this;
  }

  /** A paragraph holding one inline picture with {@code alt} as its description (alt text). */
  DocxFixture image(String fileName, byte[] png, String alt) {
    String id = "rIdImg" + (media.size() + 1);
    media.put("word/media/" + fileName, png);
    relationships.put(id, relationship(id, "image", "media/" + fileName));
    body.append("<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"914400\" cy=\"914400\"/>")
        .append("<wp:docPr id=\"")
        .append(media.size())
        .append("\" name=\"Picture ")
        .append(media.size())
        .append("\" descr=\"")
        .append(escape(alt))
        .append("\"/><a:graphic><a:graphicData uri=\"")
        .append(PIC)
        .append("\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"")
        .append(fileName)
        .append("\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"")
        .append(id)
        .append("\"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic>")
        .append("</wp:inline></w:drawing></w:r></w:p>");
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "[Content_Types].xml", contentTypes());
      put(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\""
              + R
              + "/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
      put(zip, "word/document.xml", document());
      put(zip, "word/styles.xml", styles());
      put(zip, "word/_rels/document.xml.rels", documentRelationships());
      if (!footnotes.isEmpty()) {
        put(
            zip,
            "word/footnotes.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:footnotes xmlns:w=\""
                + W
                + "\">"
                + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
                + String.join("", footnotes)
                + "</w:footnotes>");
      }
      if (!comments.isEmpty()) {
        put(
            zip,
            "word/comments.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:comments xmlns:w=\""
                + W
                + "\">"
                + String.join("", comments)
                + "</w:comments>");
      }
      if (header != null) {
        put(
            zip,
            "word/header1.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:hdr xmlns:w=\""
                + W
                + "\"><w:p>"
                + run(header)
                + "</w:p></w:hdr>");
      }
      for (Map.Entry<String, byte[]> m : media.entrySet()) {
        zip.putNextEntry(new ZipEntry(m.getKey()));
        zip.write(m.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private String document() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\""
        + W
        + "\" xmlns:r=\""
        + R
        + "\" xmlns:wp=\""
        + WP
        + "\" xmlns:a=\""
        + A
        + "\" xmlns:pic=\""
        + PIC
        + "\"><w:body>"
        + body
        + "<w:sectPr/></w:body></w:document>";
  }

  private String documentRelationships() {
    StringBuilder s =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdStyles\" Type=\""
                + R
                + "/styles\" Target=\"styles.xml\"/>");
    if (!footnotes.isEmpty()) {
      s.append(relationship("rIdNotes", "footnotes", "footnotes.xml"));
    }
    if (!comments.isEmpty()) {
      s.append(relationship("rIdComments", "comments", "comments.xml"));
    }
    if (header != null) {
      s.append(relationship("rIdHeader", "header", "header1.xml"));
    }
    relationships.values().forEach(s::append);
    return s.append("</Relationships>").toString();
  }

  private static String relationship(String id, String type, String target) {
    return "<Relationship Id=\""
        + id
        + "\" Type=\""
        + R
        + "/"
        + type
        + "\" Target=\""
        + target
        + "\"/>";
  }

  private static String contentTypes() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Default Extension=\"png\" ContentType=\"image/png\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"
        + "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
        + "<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>"
        + "</Types>";
  }

  private static String styles() {
    StringBuilder s =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles xmlns:w=\""
                + W
                + "\">");
    style(s, "paragraph", "Normal", "Normal");
    style(s, "paragraph", "Title", "Title");
    style(s, "paragraph", "Subtitle", "Subtitle");
    for (int i = 1; i <= 3; i++) {
      style(s, "paragraph", "Heading" + i, "heading " + i);
    }
    style(s, "paragraph", "Quote", "Quote");
    style(s, "paragraph", "FootnoteText", "footnote text");
    style(s, "character", "FootnoteReference", "footnote reference");
    style(s, "character", "Hyperlink", "Hyperlink");
    style(s, "table", "TableGrid", "Table Grid");
    return s.append("</w:styles>").toString();
  }

  private static void style(StringBuilder s, String type, String id, String name) {
    s.append("<w:style w:type=\"")
        .append(type)
        .append("\" w:styleId=\"")
        .append(id)
        .append("\"><w:name w:val=\"")
        .append(name)
        .append("\"/></w:style>");
  }

  private static String run(String text) {
    return text.isEmpty()
        ? ""
        : "<w:r><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r>";
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
