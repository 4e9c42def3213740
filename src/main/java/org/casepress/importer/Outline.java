package org.casepress.importer;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casepress.source.Markdown;

/**
 * The shape our dialect wants, whatever the draft's: the title in the front matter (not as a
 * leading "# " heading), sections from "##" without skipped levels, and an abstract.
 */
final class Outline {
  static final int ABSTRACT_MIN_WORDS = 50;
  static final int ABSTRACT_MAX_WORDS = 300;

  /** The body reshaped, the title and abstract it yielded, and what was done. */
  record Shaped(String title, String body, String description, List<Note> notes) {}

  private Outline() {}

  static Shaped shape(String title, String body) {
    List<Note> notes = new ArrayList<>();
    String text = body;
    Node first = Markdown.parse(text).getFirstChild();
    // Blank lines, and MyST targets such as "(chapter-label)=" that Turing Way pages put first.
    while (first != null && (first.getChars().isBlank() || isTarget(first))) {
      first = first.getNext();
    }
    if (first instanceof Heading h && h.getLevel() == 1) {
      String heading = plain(h);
      boolean repeated = title != null && comparable(heading).equals(comparable(title));
      if (title == null) {
        title = heading;
        notes.add(Note.changed("title", "the first heading \"" + heading + "\" became the title."));
      }
      if (title.equals(heading) || repeated) {
        int end = h.getEndOffset();
        end += end < text.length() && text.charAt(end) == '\n' ? 1 : 0; // and its line break
        text = text.substring(0, h.getStartOffset()) + text.substring(end);
      }
    }
    text = levels(text, notes);
    String description = null;
    Abstract found = findAbstract(text);
    if (found != null) {
      description = found.text();
      text = found.body();
      notes.add(Note.changed("description", found.how()));
    }
    return new Shaped(title, text.strip() + "\n", description, notes);
  }

  /** Moves headings so that sections start at "##" and no level is skipped. */
  private static String levels(String text, List<Note> notes) {
    List<Heading> headings = new ArrayList<>();
    for (Node n : Markdown.parse(text).getDescendants()) {
      if (n instanceof Heading h && h.isAtxHeading()) {
        headings.add(h);
      }
    }
    if (headings.isEmpty()) {
      return text;
    }
    int min = headings.stream().mapToInt(Heading::getLevel).min().orElse(2);
    int previous = 1;
    StringBuilder s = new StringBuilder(text);
    int[] target = new int[headings.size()];
    boolean moved = false;
    for (int i = 0; i < headings.size(); i++) {
      int level = Math.min(headings.get(i).getLevel() - min + 2, previous + 1);
      target[i] = level;
      moved |= level != headings.get(i).getLevel();
      previous = level;
    }
    for (int i = headings.size() - 1; i >= 0; i--) {
      Heading h = headings.get(i);
      s.replace(
          h.getOpeningMarker().getStartOffset(),
          h.getOpeningMarker().getEndOffset(),
          "#".repeat(target[i]));
    }
    if (moved) {
      notes.add(
          Note.changed(
              "",
              "headings were moved so that sections start at ## (the title is the only level 1)"
                  + " and no level is skipped; check that the outline reads as you meant."));
    }
    return s.toString();
  }

  record Abstract(String text, String body, String how) {}

  /**
   * An "Abstract" or "Summary" section is taken out of the body; otherwise the opening paragraphs
   * are copied (50 to 300 words, whole paragraphs), for the author to rewrite.
   */
  private static Abstract findAbstract(String text) {
    Node document = Markdown.parse(text);
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h
          && h.getLevel() == 2
          && List.of("abstract", "summary").contains(comparable(plain(h)))) {
        Node end = h.getNext();
        List<String> paragraphs = new ArrayList<>();
        while (end != null && !(end instanceof Heading e && e.getLevel() <= 2)) {
          if (!end.getChars().isBlank()) {
            paragraphs.add(plain(end));
          }
          end = end.getNext();
        }
        int stop = end == null ? text.length() : end.getStartOffset();
        return new Abstract(
            String.join("\n\n", paragraphs),
            text.substring(0, h.getStartOffset()) + text.substring(stop),
            "the \"" + plain(h) + "\" section became the description (the abstract).");
      }
    }
    List<Paragraph> opening = new ArrayList<>();
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Paragraph p && !isTarget(p)) {
        opening.add(p);
      } else if (n instanceof Heading && !opening.isEmpty()) {
        break;
      }
    }
    List<String> taken = new ArrayList<>();
    int words = 0;
    for (Paragraph p : opening) {
      String plain = plain(p);
      int count = plain.split("\\s+").length;
      if (words >= ABSTRACT_MIN_WORDS || (words > 0 && words + count > ABSTRACT_MAX_WORDS)) {
        break;
      }
      taken.add(plain);
      words += count;
    }
    if (taken.isEmpty()) {
      return null;
    }
    return new Abstract(
        String.join("\n\n", taken),
        text,
        "the draft has no abstract: its opening "
            + (taken.size() == 1 ? "paragraph was" : taken.size() + " paragraphs were")
            + " copied into the description. Rewrite it as an abstract of "
            + ABSTRACT_MIN_WORDS
            + " to "
            + ABSTRACT_MAX_WORDS
            + " words that says what the case study is about.");
  }

  /** A MyST target line, "(label)=", which names what follows and is not text. */
  private static boolean isTarget(Node node) {
    return node.getChars().toString().strip().matches("\\([^()\\s]+\\)=");
  }

  /** The text a reader sees, without Markdown syntax and footnote references. */
  static String plain(Node node) {
    String source = node.getChars().toString().replaceAll("\\[\\^[^\\]\\s]+]", "");
    return new TextCollectingVisitor()
        .collectAndGetText(Markdown.parse(source))
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static String comparable(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
