package org.casepress.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.casepress.model.CaseStudy;

/**
 * What PDFBox does after the HTML renderer: fixes the three things that would differ between two
 * renders of the same inputs (creation date in the info dictionary and in XMP, and the trailer id)
 * and draws the draft watermark, as an artifact so that the tag structure is untouched.
 */
final class Archival {
  private static final Pattern XMP_CREATE_DATE =
      Pattern.compile("(<xmp:CreateDate>)[^<]*(</xmp:CreateDate>)");

  private Archival() {}

  static void finish(
      PDDocument doc,
      MessageDigest contentKey,
      CaseStudy cs,
      java.util.List<String> keywords,
      Publication pub,
      RenderMode mode,
      DocumentFonts fonts)
      throws IOException {
    Calendar date = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
    date.clear();
    date.set(
        pub.date().getYear(), pub.date().getMonthValue() - 1, pub.date().getDayOfMonth(), 0, 0, 0);

    PDDocumentInformation info = doc.getDocumentInformation();
    info.setCreationDate(date);
    info.setCreator(PRODUCER_TOOL);

    PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
    if (metadata != null) {
      String xmp;
      try (InputStream in = metadata.exportXMPMetadata()) {
        xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String stamp =
          String.format(
              Locale.ROOT,
              "%04d-%02d-%02dT00:00:00Z",
              pub.date().getYear(),
              pub.date().getMonthValue(),
              pub.date().getDayOfMonth());
      Matcher m = XMP_CREATE_DATE.matcher(xmp);
      xmp = m.find() ? m.replaceAll("$1" + stamp + "$2") : xmp;
      xmp =
          xmp.replace(
              "<xmp:CreateDate>",
              "<xmp:CreatorTool>" + PRODUCER_TOOL + "</xmp:CreatorTool><xmp:CreateDate>");
      xmp = Xmp.complete(xmp, cs, keywords, pub);
      metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
    }

    if (mode == RenderMode.DRAFT) {
      watermark(doc, pub, fonts);
    }

    // Derived from everything that decides the content (and nothing of where it lies), so a change
    // anywhere gives a new id and another checkout the same one.
    contentKey.update(("\n" + mode + "\n" + pub).getBytes(StandardCharsets.UTF_8));
    byte[] id = Arrays.copyOf(contentKey.digest(), 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    doc.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  static final String PRODUCER_TOOL = "casepress";

  /** The watermark's first line; the second gives the state, version and date. */
  static final String WATERMARK = "DRAFT - not for citation";

  private static void watermark(PDDocument doc, Publication pub, DocumentFonts fonts)
      throws IOException {
    PDType0Font font = fonts.load(Fonts.SANS_BOLD);
    String line1 = WATERMARK;
    String line2 = pub.state() + ", version " + pub.version() + ", " + pub.date();
    PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
    faint.setNonStrokingAlphaConstant(0.18f);
    COSDictionary artifact = new COSDictionary();
    artifact.setName(COSName.TYPE, "Pagination");
    artifact.setName(COSName.SUBTYPE, "Watermark");
    for (PDPage page : doc.getPages()) {
      PDRectangle box = page.getMediaBox();
      try (PDPageContentStream cs =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        cs.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(artifact));
        cs.saveGraphicsState();
        cs.setGraphicsStateParameters(faint);
        cs.setNonStrokingColor(0.69f, 0.0f, 0.13f);
        float size1 = 44;
        float size2 = 20;
        float w1 = font.getStringWidth(line1) / 1000 * size1;
        float w2 = font.getStringWidth(line2) / 1000 * size2;
        Matrix m =
            Matrix.getRotateInstance(Math.toRadians(54), box.getWidth() / 2, box.getHeight() / 2);
        cs.beginText();
        cs.setFont(font, size1);
        cs.setTextMatrix(m);
        cs.newLineAtOffset(-w1 / 2, 4);
        cs.showText(line1);
        cs.setFont(font, size2);
        cs.newLineAtOffset((w1 - w2) / 2, -size2 - 8);
        cs.showText(line2);
        cs.endText();
        cs.restoreGraphicsState();
        cs.endMarkedContent();
      }
    }
  }
}
