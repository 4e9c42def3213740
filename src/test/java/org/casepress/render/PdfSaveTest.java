package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.xref.FreeXReference;
import org.apache.pdfbox.pdfparser.xref.NormalXReference;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

class PdfSaveTest {
  /**
   * A tagged document in small: a subset font, and a structure tree wide enough that PDFBox's
   * writer queues thousands of objects at once.
   */
  private static PDDocument tagged() throws IOException {
    PDDocument doc = new PDDocument();
    PDPage page = new PDPage();
    doc.addPage(page);
    PDType0Font font;
    try (InputStream ttf = Fonts.class.getResourceAsStream("fonts/DejaVuSans.ttf")) {
      font = PDType0Font.load(doc, ttf, true);
    }
    try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
      text.beginText();
      text.setFont(font, 12);
      text.showText("Linear in the number of objects");
      text.endText();
    }
    PDStructureTreeRoot root = new PDStructureTreeRoot();
    doc.getDocumentCatalog().setStructureTreeRoot(root);
    PDStructureElement top = new PDStructureElement("Document", root);
    root.appendKid(top);
    for (int i = 0; i < 3000; i++) {
      PDStructureElement p = new PDStructureElement("P", top);
      p.setPage(page);
      top.appendKid(p);
    }
    // A fixed document id, so that two builds are the same document.
    COSArray id = new COSArray();
    id.add(new COSString("casepress"));
    id.add(new COSString("casepress"));
    doc.getDocument().getTrailer().setItem(COSName.ID, id);
    return doc;
  }

  @Test
  void thisPdfBoxStillHasWhatTheLinearSaveReachesInto() {
    assertTrue(
        PdfSave.linear(),
        "PDFBox's COSWriter no longer has the objectsToWrite queue or PDDocument its"
            + " subsetDesignatedFonts: see whether the quadratic queue is fixed upstream, then"
            + " simplify PdfSave");
  }

  @Test
  void writesTheSameBytesAsPdfBoxSave() throws IOException {
    ByteArrayOutputStream theirs = new ByteArrayOutputStream();
    try (PDDocument doc = tagged()) {
      doc.save(theirs, CompressParameters.NO_COMPRESSION);
    }
    byte[] ours;
    try (PDDocument doc = tagged()) {
      ours = PdfSave.save(doc);
    }
    assertTrue(theirs.size() > 10_000);
    assertArrayEquals(theirs.toByteArray(), ours);
  }

  @Test
  void bytesHoldWhatWasWrittenAcrossTheirBlocks() {
    PdfSave.Bytes bytes = new PdfSave.Bytes();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    byte[] piece = new byte[40_000];
    for (int i = 0; i < piece.length; i++) {
      piece[i] = (byte) (i * 31);
    }
    for (int round = 0; round < 5; round++) {
      bytes.write(piece, 7, piece.length - 7);
      expected.write(piece, 7, piece.length - 7);
      bytes.write(round);
      expected.write(round);
    }
    bytes.write(piece, 0, 0);
    assertEquals(expected.size(), bytes.size());
    assertArrayEquals(expected.toByteArray(), bytes.toByteArray());
    assertThrows(IndexOutOfBoundsException.class, () -> bytes.write(piece, 39_999, 2));
  }

  /**
   * A PDF whose objects are numbered 1, 2, 5 and 7, as a file made elsewhere and edited can be.
   * Saved whole, its objects are numbered after the highest number it had, so the table has free
   * entries, chained from object 0, for every number below.
   */
  private static byte[] withGaps() {
    String[] objects = {
      "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
      "2 0 obj\n<< /Type /Pages /Kids [5 0 R] /Count 1 >>\nendobj\n",
      "5 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 7 0 R >>\nendobj\n",
      "7 0 obj\n<< /Length 9 >>\nstream\n0 0 m 1 1\nendstream\nendobj\n"
    };
    StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
    int[] numbers = {1, 2, 5, 7};
    long[] offsets = new long[8];
    for (int i = 0; i < objects.length; i++) {
      offsets[numbers[i]] = pdf.length();
      pdf.append(objects[i]);
    }
    long xref = pdf.length();
    pdf.append("xref\n0 8\n0000000000 65535 f\r\n");
    for (int n = 1; n < 8; n++) {
      pdf.append(
          offsets[n] == 0
              ? "0000000000 00001 f\r\n"
              : String.format("%010d 00000 n\r\n", offsets[n]));
    }
    pdf.append("trailer\n<< /Size 8 /Root 1 0 R /ID [<01> <01>] >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void writesTheSameTableAsPdfBoxForAFileWithGapsInItsObjectNumbers() throws IOException {
    ByteArrayOutputStream theirs = new ByteArrayOutputStream();
    try (PDDocument doc = Loader.loadPDF(withGaps())) {
      doc.save(theirs, CompressParameters.NO_COMPRESSION);
    }
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    try (PDDocument doc = Loader.loadPDF(withGaps())) {
      PdfSave.save(doc, ours);
    }
    String written = ours.toString(StandardCharsets.ISO_8859_1);
    // Free entries 0 to 7, each naming the next; the last names object 0.
    assertTrue(written.contains("xref\n0 12\n0000000001 65535 f\r\n"), written);
    assertTrue(written.contains("0000000007 65535 f\r\n0000000000 65535 f\r\n"), written);
    assertArrayEquals(theirs.toByteArray(), ours.toByteArray());
  }

  @Test
  void aTableLineHasPdfBoxsWidthsAtTheEdgesOfTheirRange() {
    byte[] line = new byte[20];
    assertEquals(
        "9999999999 65535 f\r\n",
        new String(
            PdfSave.TableWriter.line(
                line, new FreeXReference(new COSObjectKey(3, 65535), 9_999_999_999L)),
            StandardCharsets.ISO_8859_1));
    assertEquals(
        "0000000017 00002 n\r\n",
        new String(
            PdfSave.TableWriter.line(
                line, new NormalXReference(17, new COSObjectKey(4, 2), new COSDictionary())),
            StandardCharsets.ISO_8859_1));
    assertThrows(
        IllegalStateException.class,
        () ->
            PdfSave.TableWriter.line(
                line, new NormalXReference(10_000_000_000L, new COSObjectKey(4, 0), null)));
  }

  @Test
  void queueCountsWhatItHoldsAndGivesItBackInOrder() {
    PdfSave.CountedQueue queue = new PdfSave.CountedQueue();
    COSDictionary a = new COSDictionary();
    COSDictionary b = new COSDictionary();
    queue.add(a);
    queue.add(b);
    queue.add(a);
    assertTrue(queue.contains(a));
    assertEquals(a, queue.removeFirst());
    assertTrue(queue.contains(a), "a is still queued once");
    assertEquals(b, queue.poll());
    assertFalse(queue.contains(b));
    assertEquals(a, queue.removeFirst());
    assertFalse(queue.contains(a));
    assertTrue(queue.isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> queue.remove(a));
  }
}
