package org.casepress.importer;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;

/**
 * Semantic HTML to Markdown in the case study dialect, through flexmark's HTML-to-Markdown
 * converter (the same library that parses and renders our Markdown): ATX headings, GitHub tables,
 * footnotes as {@code [^N]} with their definitions at the end.
 */
final class HtmlMarkdown {
  private static final DataHolder OPTIONS =
      new MutableDataSet()
          .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
          // Heading ids and {.class} attributes are not part of our dialect.
          .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
          .set(FlexmarkHtmlConverter.SKIP_ATTRIBUTES, true)
          // Keep the author's curly quotes and dashes instead of turning them into ASCII.
          .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
          .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
          .set(FlexmarkHtmlConverter.MAX_BLANK_LINES, 1)
          .set(FlexmarkHtmlConverter.MAX_TRAILING_BLANK_LINES, 0)
          .toImmutable();

  private static final FlexmarkHtmlConverter CONVERTER =
      FlexmarkHtmlConverter.builder(OPTIONS).build();

  private static final Pattern MARK =
      Pattern.compile(Pattern.quote(HtmlCleaner.FOOTNOTE_MARK) + "(\\d+)X");

  private HtmlMarkdown() {}

  /**
   * The draft of a word processor's page: cleaned, converted, with the notes of the reader that
   * produced {@code html} followed by the cleaner's.
   *
   * @param text the page's visible text before cleaning
   */
  static Draft draft(
      String source, Document html, String text, Map<String, byte[]> images, List<Note> notes) {
    HtmlCleaner.Cleaned cleaned = new HtmlCleaner(source).clean(html);
    List<Note> all = new ArrayList<>(notes);
    all.addAll(cleaned.notes());
    return new Draft(
        cleaned.title(),
        cleaned.subtitle(),
        List.of(),
        List.of(),
        null,
        convert(cleaned),
        images,
        all,
        text);
  }

  static String convert(HtmlCleaner.Cleaned cleaned) {
    String body = marks(CONVERTER.convert(cleaned.body().html()).strip());
    StringBuilder s = new StringBuilder(body).append('\n');
    List<String> footnotes = cleaned.footnotes();
    if (!footnotes.isEmpty()) {
      s.append('\n');
    }
    for (int i = 0; i < footnotes.size(); i++) {
      String text = marks(CONVERTER.convert(footnotes.get(i)).strip());
      // A note of several paragraphs continues with indented lines.
      s.append("[^")
          .append(i + 1)
          .append("]: ")
          .append(text.replace("\n\n", "\n\n    ").replaceAll("\n(?!\n| {4})", "\n    "))
          .append('\n');
    }
    return s.toString();
  }

  private static String marks(String markdown) {
    Matcher m = MARK.matcher(markdown);
    return m.replaceAll("[^$1]");
  }
}
