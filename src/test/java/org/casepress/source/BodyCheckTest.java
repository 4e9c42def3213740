package org.casepress.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.casepress.testing.ReferenceMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pieces of {@link BodyCheck} written by hand for speed say what what they replace said. */
class BodyCheckTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "plain",
        "  two\\n lines  ",
        "tabs\\t\\tand\\u000Bvertical\\fform\\rreturn",
        "\\u001Cfile separator ends\\u001F",
        "em\\u2003space and no-break\\u00A0space\\u2003",
        "\\u3000ideographic\\u3000",
        "mixed \\n\\t \\r\\n runs"
      })
  void collapsingWhitespaceIsTheRegularExpressions(String escaped) {
    String text = unescape(escaped);
    assertEquals(
        text.replaceAll("\\s+", " ").strip(), BodyCheck.collapseWhitespace(text, text.length()));
  }

  @Test
  void collapsingGivesUpOnlyPastTheLimit() {
    assertEquals("a b", BodyCheck.collapseWhitespace("  a \n\n b\u2003", 3));
    assertEquals("", BodyCheck.collapseWhitespace("  a \n\n bc", 2));
  }

  @Test
  void collapsingWhitespaceIsTheRegularExpressionsOnEveryCorpusParagraph() throws IOException {
    Path corpus = ReferenceMaterial.corpus();
    try (Stream<Path> walk = Files.walk(corpus)) {
      for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".md"))::iterator) {
        for (Node node :
            Markdown.parse(Files.readString(p, StandardCharsets.UTF_8)).getDescendants()) {
          if (node instanceof Paragraph paragraph) {
            String text = paragraph.getChars().toString();
            String collapsed = text.replaceAll("\\s+", " ").strip();
            int solid = (int) text.chars().filter(c -> !Character.isWhitespace(c)).count();
            assertEquals(
                collapsed, BodyCheck.collapseWhitespace(paragraph.getChars(), solid), p.toString());
            // Past the limit it gives up, never mistaking the text for a shorter one.
            if (solid > 0) {
              assertEquals("", BodyCheck.collapseWhitespace(paragraph.getChars(), solid - 1));
            }
          }
        }
      }
    }
  }

  @Test
  void aNodesSourceIsTheTextItsDocumentWasParsedFrom() {
    String body = "Some *text* with {{ a tag }}.\n\n```{note}\nInside {% here %}.\n```\n";
    com.vladsch.flexmark.util.ast.Document doc = Markdown.parse(body);
    Node text = doc.getFirstChild().getFirstChild();
    assertSame(body, Markdown.source(text));
    Directive note = (Directive) doc.getLastChild();
    assertEquals(note.content(), Markdown.source(note.body().getFirstChild()));
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char k = s.charAt(++i);
      switch (k) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'f' -> out.append('\f');
        case 'r' -> out.append('\r');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException(s);
      }
    }
    return out.toString();
  }
}
