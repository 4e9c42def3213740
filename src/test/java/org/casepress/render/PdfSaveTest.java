package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
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
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    try (PDDocument doc = tagged()) {
      PdfSave.save(doc, ours);
    }
    assertTrue(theirs.size() > 10_000);
    assertArrayEquals(theirs.toByteArray(), ours.toByteArray());
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
