package org.casepress.render;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * What the passes that edit a page's content after layout share ({@link ActualText} for
 * right-to-left runs, {@link HyphenBreaks} for hyphenated words): the tokens that open a span with
 * its own {@code /ActualText}, and the fonts the pages' text is shown in.
 */
final class PageContent {
  private static final COSName SPAN = COSName.getPDFName("Span");

  private PageContent() {}

  /**
   * The tokens that open a marked-content span read as {@code text} (PDF 32000-1, 14.9.4); an
   * {@code EMC} closes it.
   */
  static List<Object> openActualText(String text) {
    COSDictionary properties = new COSDictionary();
    properties.setString(COSName.ACTUAL_TEXT, text);
    return List.of(SPAN, properties, Operator.getOperator("BDC"));
  }

  /**
   * The font a page's {@code Tf} names, one object per font dictionary for all pages: each page's
   * resources would otherwise read a font's dictionary and ToUnicode map anew for every text
   * object.
   */
  static PDFont font(PDResources resources, COSName name, Map<COSBase, PDFont> fonts)
      throws IOException {
    COSDictionary all = resources.getCOSObject().getCOSDictionary(COSName.FONT);
    COSBase key = all == null ? null : all.getDictionaryObject(name);
    if (key == null) {
      return resources.getFont(name);
    }
    PDFont font = fonts.get(key);
    if (font == null) {
      font = resources.getFont(name);
      fonts.put(key, font);
    }
    return font;
  }
}
