package org.casepress.render;

import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import java.lang.reflect.Field;

/**
 * The font openhtmltopdf's output device draws text with, which it keeps in a private field and
 * sets just before each piece of text is drawn. {@link CodePointWidths} needs it to draw a piece of
 * text the way the device would, without the device measuring the text first only to learn whether
 * the font has every letter. When an openhtmltopdf release renames the field, text is drawn by the
 * device itself (slower, the same bytes) and {@code DeviceFontTest} fails so that the upgrade is
 * looked at.
 */
final class DeviceFont {
  private static final Field FONT = field();

  private DeviceFont() {}

  /** Whether the field is there to read. */
  static boolean readable() {
    return FONT != null;
  }

  /**
   * The current font of openhtmltopdf's fast output device when it has a face to draw with; null
   * for another device, a font without faces, or when the font cannot be read.
   */
  static PdfBoxFSFont withFaces(OutputDevice device) {
    PdfBoxFSFont font = device instanceof PdfBoxFastOutputDevice fast ? of(fast) : null;
    return font != null && !font.getFontDescriptions().isEmpty() ? font : null;
  }

  /** The device's current font, or null when it cannot be read. */
  static PdfBoxFSFont of(PdfBoxFastOutputDevice device) {
    if (FONT == null) {
      return null;
    }
    try {
      return (PdfBoxFSFont) FONT.get(device);
    } catch (IllegalAccessException e) {
      return null; // made accessible in field()
    }
  }

  private static Field field() {
    try {
      Field f = PdfBoxFastOutputDevice.class.getDeclaredField("_font");
      f.setAccessible(true);
      return f.getType() == PdfBoxFSFont.class ? f : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
