package org.casepress.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.casepress.testing.ReferenceMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Autolinks} skips flexmark's autolink processor only where it would change nothing: the
 * trees (every node, its type and its place in the source) and the HTML from our parser are those
 * of the same parser with flexmark's own extension, on real Markdown and on text built to sit on
 * the edges of the skip.
 */
class AutolinksTest {
  private static final DataHolder STOCK_OPTIONS = stockOptions();
  private static final Parser STOCK = Parser.builder(STOCK_OPTIONS).build();
  private static final Parser OURS = Parser.builder(Markdown.OPTIONS).build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder(Markdown.OPTIONS).build();

  /** Markdown's options with flexmark's autolink extension where ours is. */
  private static DataHolder stockOptions() {
    List<Extension> extensions = new ArrayList<>();
    boolean replaced = false;
    for (Extension e : Parser.EXTENSIONS.get(Markdown.OPTIONS)) {
      if (e instanceof Autolinks) {
        extensions.add(AutolinkExtension.create());
        replaced = true;
      } else {
        extensions.add(e);
      }
    }
    assertTrue(replaced, "Markdown.OPTIONS no longer uses Autolinks");
    return new MutableDataSet(Markdown.OPTIONS).set(Parser.EXTENSIONS, extensions).toImmutable();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "See https://example.org/a_b, then more.",
        "Mail someone@example.org or www.example.org today.",
        "Nothing to link here, with words like wow and www without a dot.",
        "A scheme alone: ftp:// then text",
        "Escaped: https\\://example.org and \\@handle and www\\.example.org",
        "Entities: https&#58;//example.org and me&#64;example.org &amp; www&period;example.org",
        "Emphasis around *https://example.org* and _www.example.org_ and `https://code.org`",
        "A [link https://inside.org](https://example.org) and <https://angle.org>",
        "Typographic 'quotes' next to https://example.org/'x' and &copy; https://e.org",
        "MyST {ref}`label <https://example.org>` and {cite}`key` and $x: y$",
        "| a | b |\n|---|---|\n| https://t.org | www.w.org |\n",
        "wwww.example.org and WWW.example.org and xwww.example.org.",
        "trailing www.",
        "Colons without a scheme: Note: ratio 1:2, at 10:30, C:\\path, a:b//c, a:/b, urn:isbn:1, end:",
        "Schemes at the edges: http:/x.org, http:x, x://y, ://z, ftp://, a:// b, mailto:x",
        "Split by markup: https:*//*example.org, https:`//x.org`, https:&#47;/example.org",
        "Typographic after a colon: said: 'see https://example.org' and \"www.example.org\"",
        "- list https://example.org\n  - nested someone@example.org\n\n> quote www.example.org\n"
      })
  void sameTreeAndHtmlAsFlexmarksOwnExtension(String markdown) {
    assertSame(markdown);
  }

  @Test
  void linksAreStillFound() {
    String html = HTML.render(OURS.parse("Go to https://example.org or mail a@example.org."));
    assertTrue(html.contains("<a href=\"https://example.org\">"), html);
    assertTrue(html.contains("mailto:"), html);
  }

  @Test
  void textThatCannotHoldALinkIsNotAsked() {
    Node plain = OURS.parse("Plain words, with a full stop.").getFirstChild().getFirstChild();
    assertFalse(Autolinks.mayHoldLink(plain));
    Node colon = OURS.parse("Time: now, at 10:30, a:/b").getFirstChild().getFirstChild();
    assertFalse(Autolinks.mayHoldLink(colon));
    Node scheme = OURS.parse("Try x://y now").getFirstChild().getFirstChild();
    assertTrue(Autolinks.mayHoldLink(scheme));
    Node atTheEnd = OURS.parse("Ends in ftp://").getFirstChild().getFirstChild();
    assertTrue(Autolinks.mayHoldLink(atTheEnd));
  }

  static Stream<Path> realMarkdown() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir :
        List.of(
            Path.of("case-studies"),
            Path.of("src/test/resources/render/workspace"),
            Path.of("src/test/resources/import"),
            Path.of("src/test/resources/checks"))) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
      }
    }
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realMarkdown")
  void sameOnTheExamplesAndFixtures(Path file) throws IOException {
    assertSame(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void sameOnTheWholeCorpus() throws IOException {
    Path corpus = ReferenceMaterial.corpus();
    int pages = 0;
    try (Stream<Path> walk = Files.walk(corpus)) {
      for (Path p :
          (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".md")).sorted()::iterator) {
        assertSame(Files.readString(p, StandardCharsets.UTF_8));
        pages++;
      }
    }
    assertTrue(pages >= 50, "expected the shared corpus of Markdown files");
  }

  /** The two parsers agree on the text, and on every directive's content parsed as Markdown. */
  private static void assertSame(String markdown) {
    Document stock = STOCK.parse(markdown);
    Document ours = OURS.parse(markdown);
    assertEquals(tree(stock), tree(ours));
    assertEquals(HTML.render(stock), HTML.render(ours));
    for (Node node : stock.getDescendants()) {
      if (node instanceof Directive d && d.holdsMarkdown()) {
        assertSame(d.content());
      }
    }
  }

  /** Every node with its type, source range and the extra parts flexmark prints for it. */
  private static String tree(Node root) {
    StringBuilder s = new StringBuilder();
    append(root, 0, s);
    return s.toString();
  }

  private static void append(Node node, int depth, StringBuilder s) {
    s.append("  ".repeat(depth)).append(node).append('\n');
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      append(child, depth + 1, s);
    }
  }
}
