package org.casepress.localzenodo;

import static org.casepress.localzenodo.Api.metadata;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text rewritten on the way in, as ftfy and bleach do it on zenodo.org (docs/local-zenodo.md). */
@Timeout(30)
class LocalZenodoTextTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "curly apostrophe|Ada’s model|Ada's model",
        "curly double quotes|“Open” data|\"Open\" data",
        "modifier apostrophe|Hawaiʻi and Oʼahu|Hawaiʻi and O'ahu",
        "Latin ligatures|ﬁne ﬂow eﬀort|fine flow effort",
        "decomposed accents recomposed (NFC)|A\u0301de\u0301ba\u0301yo\u0323\u0300|Ádébáyọ̀",
        "HTML entities unescaped|R&amp;D &eacute;tude &#8217;|R&D étude '",
        "entities kept when it looks like HTML|<b>R&amp;D</b>|<b>R&amp;D</b>",
        "control characters removed|a\u0000b\u0007c\u200b|abc\u200b",
        "byte order mark removed|\ufeffTitle|Title",
        "fullwidth letters|ＡＢＣ１２３|ABC123",
        "C1 control as Windows-1252|smart\u0092s|smart's",
        "surrounding space stripped|  padded \t|padded",
      })
  void plainTextIsFixedLikeFtfy(String what, String in, String out) {
    assertEquals(out, PlainText.fix(in), what);
  }

  @Test
  void descriptionKeepsOnlyTheAllowedTagsAndAttributes() {
    assertEquals(
        // bleach would keep the script's text; jsoup drops it with the element.
        "<p class=\"x\">Hi <a href=\"https://example.org\">there</a> </p>",
        PlainText.html(
            "<p class=\"x\" onclick=\"evil()\">Hi <a href=\"https://example.org\""
                + " target=\"_blank\">there</a> <script>alert(1)</script></p>"));
    assertEquals("<h2>It’s</h2>".replace('’', '\''), PlainText.html("<h2>It’s</h2>"));
    assertEquals("plain <em>text</em>", PlainText.html("<img src=x>plain <em>text</em>"));
  }

  @Test
  void createStoresTheNormalisedTextAndAnswersWithIt() throws Exception {
    try (LocalZenodo server = LocalZenodo.start(dir, 0)) {
      ObjectNode m = metadata("  Ada’s “ﬁrst” ﬂood model &amp; more ");
      m.put("description", "<p onclick=\"x()\">It’s <script>bad()</script>fine</p>");
      m.putArray("keywords").add("ﬂood’s");
      ((ObjectNode) m.withArray("creators").get(0))
          .put("name", "A\u0301de\u0301ba\u0301yo\u0323\u0300, Ngozi")
          .put("affiliation", "Trust’s lab");
      JsonNode d = new Api(server).create(m);
      JsonNode md = d.path("metadata");
      assertEquals("Ada's \"first\" flood model & more", md.path("title").asText());
      assertEquals("Ada's \"first\" flood model & more", d.path("title").asText());
      assertEquals("<p>It's fine</p>", md.path("description").asText());
      assertEquals("flood's", md.path("keywords").get(0).asText());
      assertEquals("Ádébáyọ̀, Ngozi", md.path("creators").get(0).path("name").asText());
      assertEquals("Trust's lab", md.path("creators").get(0).path("affiliation").asText());
    }
  }
}
