package org.casepress.importer;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import org.casepress.model.RelatedIdentifier;

/**
 * Writes the front matter of an imported case study as an author would, in the README's order and
 * layout. Every text value is double-quoted with escapes, so that a colon, a quote or a '#' in a
 * title can never change its meaning.
 */
final class FrontMatterText {
  private static final int WIDTH = 90;

  private FrontMatterText() {}

  static String write(
      String title,
      String subtitle,
      List<Authors.Entry> authors,
      String description,
      String licence,
      List<RelatedIdentifier> related) {
    StringBuilder s = new StringBuilder("---\n");
    s.append("title: ").append(quote(title)).append('\n');
    if (subtitle != null) {
      s.append("subtitle: ").append(quote(subtitle)).append('\n');
    }
    s.append(authors.isEmpty() ? "authors: []\n" : "authors:\n");
    for (Authors.Entry entry : authors) {
      if (entry instanceof Authors.Known k) {
        s.append("  - ").append(k.id()).append('\n');
      } else if (entry instanceof Authors.Written w) {
        s.append("  - given: ").append(quote(w.given())).append('\n');
        s.append("    family: ").append(quote(w.family())).append('\n');
        if (w.orcid() != null) {
          s.append("    orcid: ").append(quote(w.orcid())).append('\n');
        }
        if (!w.affiliations().isEmpty()) {
          s.append("    affiliations: [").append(String.join(", ", w.affiliations())).append("]\n");
        }
      }
    }
    if (description == null || description.isBlank()) {
      s.append("# description: >   (an abstract of 50 to 300 words; the draft has none)\n");
    } else {
      s.append("description: >\n");
      String[] paragraphs = description.strip().split("\n\\s*\n");
      for (int i = 0; i < paragraphs.length; i++) {
        if (i > 0) {
          s.append('\n');
        }
        wrap(s, paragraphs[i]);
      }
    }
    if (licence != null) {
      s.append("licence: ").append(licence).append('\n');
    }
    if (!related.isEmpty()) {
      s.append("related:\n");
      for (RelatedIdentifier r : related) {
        s.append("  - identifier: ").append(quote(r.identifier())).append('\n');
        s.append("    relation: ").append(r.relation()).append('\n');
      }
    }
    return s.append("---\n").toString();
  }

  /** A folded block's lines: two spaces in, never starting with a space, at most WIDTH wide. */
  private static void wrap(StringBuilder s, String paragraph) {
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.replace('\t', ' ').strip().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH - 2) {
        s.append("  ").append(line).append('\n');
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      s.append("  ").append(line).append('\n');
    }
  }

  static String quote(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }
}
