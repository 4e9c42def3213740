package org.casepress.source;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labels of one case study and what a {@code {ref}} to each shows: a heading's text or a
 * figure's number ("Figure 2"). A label is written as a {@code (label)=} line before a block or as
 * a directive's {@code name} option. Figures are numbered in reading order, the same numbers the
 * captions carry.
 */
public final class Targets {
  private final Map<String, String> titles = new LinkedHashMap<>();
  private final Map<Node, String> labels = new IdentityHashMap<>();
  private final Map<Directive, Integer> figures = new IdentityHashMap<>();
  private final Map<String, Node> firstUse = new HashMap<>();
  private final List<Node> duplicates = new ArrayList<>();

  private Targets() {}

  public static Targets of(Document doc) {
    Targets t = new Targets();
    for (Node node : Markdown.nodes(doc)) {
      if (node instanceof Directive d && d.name().equals("figure")) {
        t.figures.put(d, t.figures.size() + 1);
      }
    }
    for (Node node : Markdown.nodes(doc)) {
      if (node instanceof Target target && target.getNext() != null) {
        t.name(target.label(), target.getNext(), target);
      } else if (node instanceof Directive d && d.options().containsKey("name")) {
        t.name(d.options().get("name"), d, d);
      }
    }
    return t;
  }

  private void name(String label, Node block, Node where) {
    if (firstUse.putIfAbsent(label, where) != null) {
      duplicates.add(where);
      return;
    }
    labels.putIfAbsent(block, label);
    titles.put(
        label,
        block instanceof Heading h
            ? h.getText().toString()
            : block instanceof Directive d && figures.containsKey(d)
                ? "Figure " + figures.get(d)
                : label);
  }

  /** The text a reference to {@code label} shows, if the label exists. */
  public Optional<String> title(String label) {
    return Optional.ofNullable(titles.get(label));
  }

  /** The label that names this block (its id in the PDF), or null. */
  public String labelOf(Node block) {
    return labels.get(block);
  }

  /** The number of a figure directive, or 0 for other nodes. */
  public int figureNumber(Directive d) {
    return figures.getOrDefault(d, 0);
  }

  /** Targets and names that repeat a label used earlier. */
  List<Node> duplicates() {
    return duplicates;
  }

  /** The labels, in order of appearance, for "did you mean". */
  List<String> labels() {
    return List.copyOf(titles.keySet());
  }
}
