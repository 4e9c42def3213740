package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.openhtmltopdf.extend.TextRenderer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrintableTextTest {
  private static final List<String> TRICKY =
      Arrays.asList(
          null,
          "",
          "plain",
          "soft\u00adhyphen\u00ad",
          "\u00ad",
          "\u00ad\u00ad\u00ad",
          "object\ufffcreplacement",
          "\ufffc",
          "tab\tnewline\ncontrol\u0001\u007f\u0085",
          "zero\u200bwidth\u200cnon\u200djoiner\u2060\ufeff",
          "lone\ud800high",
          "lone\udc00low",
          "\udc00\ud800",
          "pair𝐀\u00ad𝐁",
          "high\ud800\u00adsoft hyphen after a lone high surrogate",
          "private\ue000use\uffff\ufffd",
          "مرحبا\u00ad數據");

  @Test
  void givesOpenhtmltopdfsStringForTrickyText() {
    for (String text : TRICKY) {
      assertEquals(TextRenderer.getEffectivePrintableString(text), PrintableText.of(text), text);
    }
  }

  @Test
  void returnsTheSameStringWhenNothingIsDropped() {
    for (String text : TRICKY) {
      if (text != null && TextRenderer.getEffectivePrintableString(text).equals(text)) {
        assertSame(text, PrintableText.of(text), text);
      }
    }
  }
}
