package org.casepress.render;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.bibtex.BibTeXConverter;
import de.undercouch.citeproc.csl.CSLCitation;
import de.undercouch.citeproc.csl.CSLCitationItem;
import de.undercouch.citeproc.csl.CSLCitationItemBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.casepress.source.Bibliography;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Citations and the reference list of one case study, formatted by citeproc-java in the APA 7th
 * edition style (apa.csl from the CSL styles repository, CC-BY-SA 3.0) from the BibTeX file in its
 * folder. The processor is stateful: citations are made in reading order, then the list holds
 * exactly the works cited. Keys check does not know never reach here in a final render.
 */
final class References {
  static final String STYLE = "apa";

  /** Our own small style for narrative citations, which apa.csl has no mode for. */
  private static final String NARRATIVE = readNarrativeStyle();

  private final Bibliography bibliography;
  private CSL csl;
  private CSL narrative;

  private References(Bibliography bibliography) {
    this.bibliography = bibliography;
  }

  static References of(Path folder) {
    return new References(Bibliography.of(folder));
  }

  boolean has(String key) {
    return bibliography.has(key);
  }

  /** "(Smith &amp; Jones, 2020)" for {@code {cite}}, {@code {cite:p}}; HTML. */
  String parenthetical(List<String> keys) {
    return citation(keys.stream().map(k -> new CSLCitationItemBuilder(k).build()).toList());
  }

  /** "Smith and Jones (2020)" for {@code {cite:t}}: the authors in the sentence. */
  String textual(List<String> keys) {
    parenthetical(keys); // so that the reference list has them
    if (narrative == null) {
      narrative = processor(NARRATIVE);
    }
    return semantic(
        narrative.makeCitation(keys).stream().reduce((a, b) -> b).map(c -> c.getText()).orElse(""));
  }

  /** The reference list of the works cited so far, as HTML entries; empty when none. */
  List<String> entries() {
    if (csl == null) {
      return List.of();
    }
    return List.of(csl.makeBibliography().getEntries()).stream().map(References::semantic).toList();
  }

  private String citation(List<CSLCitationItem> items) {
    if (csl == null) {
      csl = processor(STYLE);
    }
    String text =
        csl.makeCitation(new CSLCitation(items.toArray(CSLCitationItem[]::new))).stream()
            .reduce((a, b) -> b)
            .map(c -> c.getText())
            .orElse("");
    return semantic(text);
  }

  private CSL processor(String style) {
    CSLItemData[] items =
        new BibTeXConverter()
            .toItemData(bibliography.database())
            .values()
            .toArray(CSLItemData[]::new);
    try {
      CSL processor = new CSL(new ListItemDataProvider(items), style);
      processor.setOutputFormat("html");
      return processor;
    } catch (IOException e) {
      throw new UncheckedIOException("a bundled citation style cannot be read", e);
    }
  }

  private static String readNarrativeStyle() {
    try (var in = References.class.getResourceAsStream("narrative-citation.csl")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * citeproc marks italics with inline styles, which the author-HTML cleaner removes; say it with
   * elements instead.
   */
  private static String semantic(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    for (Element span : body.select("span[style]")) {
      String style = span.attr("style");
      if (style.contains("italic")) {
        span.tagName("i");
      } else if (style.contains("bold")) {
        span.tagName("b");
      }
      span.removeAttr("style");
    }
    Element entry = body.selectFirst("div.csl-entry");
    return (entry != null ? entry.html() : body.html()).strip();
  }
}
