package org.casepress.render;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One PDF document being made, and its fonts, made from faces parsed once and shared between
 * documents ({@link Fonts#borrow}) instead of parsed again for every document: parsing them was a
 * tenth of a warm render (BENCHMARKS.md, "Inside a warm render"). Each registered family becomes a
 * {@link PDType0Font} of its own in this document when the renderer first needs it, as when the
 * renderer parses the font files itself, so the PDF holds the same fonts, subset the same way.
 *
 * <p>Used on the document's thread only. Closing it closes the document, then gives the faces back
 * for the next one.
 */
final class DocumentFonts implements AutoCloseable {
  private final Fonts fonts;
  private final boolean shareFaces;
  private final PDDocument document = new PDDocument();
  private final Map<String, TrueTypeFont> borrowed = new HashMap<>();

  /**
   * @param shareFaces false to have every face parsed again for this document, from its bytes, as
   *     before: the reference that tests compare the shared faces' output with
   */
  DocumentFonts(Fonts fonts, boolean shareFaces) {
    this.fonts = fonts;
    this.shareFaces = shareFaces;
  }

  PDDocument document() {
    return document;
  }

  /** Has the builder typeset into this document, with every face of {@link Fonts}. */
  void register(PdfRendererBuilder builder) {
    builder.usePDDocument(document);
    if (!shareFaces) {
      fonts.register(builder);
      return;
    }
    fonts.forEachFamily(
        (face, family) ->
            builder.useFont(
                new PDFontSupplier(null) {
                  @Override
                  public PDFont supply() {
                    try {
                      return load(face.file());
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }
                },
                family,
                face.weight(),
                face.style(),
                true));
  }

  /** A new font of this document, to be subset when it is saved. */
  PDType0Font load(String file) throws IOException {
    if (!shareFaces) {
      return PDType0Font.load(document, new ByteArrayInputStream(fonts.bytes(file)), true);
    }
    return PDType0Font.load(document, borrowed.computeIfAbsent(file, fonts::borrow), true);
  }

  @Override
  public void close() throws IOException {
    try {
      document.close();
    } finally {
      borrowed.forEach(fonts::giveBack);
      borrowed.clear();
    }
  }
}
