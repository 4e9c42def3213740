package org.casepress.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Markdown#line} counts lines from its own index of line starts; it must give what
 * flexmark's own (slower) count gives, for every node, the contents of directives included.
 */
class MarkdownLineTest {
  private static final String BODY =
      """
      # Heading

      A paragraph over
      two lines, with a [link](https://example.org).

      - one
      - two

        continued

      ```{note}
      Inside a *directive*,

      over lines.
      ```

      | a | b |
      |---|---|
      | 1 | 2 |

      Last.
      """;

  @ParameterizedTest
  @MethodSource("lineEnds")
  void everyNodeIsOnFlexmarksLine(String eol) {
    assertSameLines(BODY.replace("\n", eol));
  }

  static Stream<String> lineEnds() {
    return Stream.of("\n", "\r\n", "\r");
  }

  @Test
  void mixedLineEndsAndATrailingCarriageReturn() {
    assertSameLines("one\r\ntwo\rthree\n\nfour\r\n\r\n- five\r");
  }

  @Test
  void theExampleCaseStudies() throws IOException {
    List<Path> bodies;
    try (Stream<Path> files = Files.walk(Path.of("case-studies"))) {
      bodies = files.filter(p -> p.getFileName().toString().equals("case-study.md")).toList();
    }
    assertFalse(bodies.isEmpty());
    for (Path body : bodies) {
      assertSameLines(Files.readString(body));
    }
  }

  /**
   * Every node of a (nested) document is as many lines past flexmark's count as that document's
   * first line is into the body: 7 for the body itself, which is parsed as starting at line 7.
   */
  private static void assertSameLines(String text) {
    Document body = Markdown.parse(text, 7);
    List<Node> nodes = Markdown.nodes(body);
    assertTrue(nodes.size() > 3, "nodes: " + nodes.size());
    Map<Document, Integer> shift = new HashMap<>();
    shift.put(body, 7);
    for (Node node : nodes) {
      int difference = Markdown.line(node) - node.getLineNumber();
      int expected = shift.computeIfAbsent(node.getDocument(), d -> difference);
      assertEquals(
          expected,
          difference,
          () -> node.getNodeName() + " at offset " + node.getStartOffset() + " of " + text);
    }
  }
}
