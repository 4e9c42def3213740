package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceFontTest {
  @Test
  void thisOpenhtmltopdfStillHasTheFieldDeviceFontReads() {
    assertTrue(
        DeviceFont.readable(),
        "openhtmltopdf's PdfBoxFastOutputDevice no longer keeps its font in _font: text is now"
            + " drawn the slower way; see whether the device still measures text before drawing"
            + " it, then adapt or remove DeviceFont and CodePointWidths.drawString");
  }

  @Test
  void readsTheFontTheDeviceWasLastGiven() throws Exception {
    try (DocumentFonts faces = new DocumentFonts(Fonts.load(), true)) {
      PdfBoxFastOutputDevice device = new PdfBoxFastOutputDevice(20f, false, true, Renderer.PDF_A);
      PdfBoxFSFont serif =
          new PdfBoxFSFont(
              List.of(new FontDescription(faces.load("DejaVuSerif.ttf"), IdentValue.NORMAL, 400)),
              10f);
      PdfBoxFSFont sans =
          new PdfBoxFSFont(
              List.of(new FontDescription(faces.load("DejaVuSans.ttf"), IdentValue.NORMAL, 400)),
              12f);
      device.setFont(serif);
      assertSame(serif, DeviceFont.of(device));
      device.setFont(sans);
      assertSame(sans, DeviceFont.of(device));
    }
  }
}
