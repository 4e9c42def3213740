package org.casepress.source;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Map;
import java.util.Set;

/**
 * A MyST directive, fenced with backticks or colons, e.g.
 *
 * <pre>
 * :::{figure} figures/timeline.png
 * ---
 * alt: A timeline of the project
 * name: fig-timeline
 * ---
 * The caption.
 * :::
 * </pre>
 *
 * Options come as {@code :key: value} lines or as a YAML block between {@code ---} lines at the top
 * of the content. The content of directives that hold Markdown (admonitions, figure captions) is
 * parsed with the same dialect into {@link #body()}, so checking and rendering walk one tree.
 */
public final class Directive extends Block {
  /** The admonitions the PDF shows as titled boxes. */
  public static final Set<String> ADMONITIONS =
      Set.of(
          "note",
          "tip",
          "warning",
          "important",
          "caution",
          "attention",
          "danger",
          "hint",
          "seealso",
          "error",
          "admonition");

  /** Directives shown as code. */
  public static final Set<String> CODE = Set.of("code", "code-block", "code-cell", "sourcecode");

  /** Directives whose content is source text (code, formulas, diagrams), not Markdown. */
  static final Set<String> RAW_CONTENT =
      Set.of("code", "code-block", "code-cell", "sourcecode", "math", "mermaid", "raw", "eval-rst");

  private final String name;
  private final String argument;
  private final char fence;
  // Known only when the parser closes the block.
  private Map<String, String> options = Map.of();
  private String optionsProblem;
  private String content = "";
  private int contentLine;
  private boolean closed;
  private Document body;

  Directive(String name, String argument, char fence) {
    this.name = name;
    this.argument = argument;
    this.fence = fence;
  }

  void complete(
      BasedSequence chars,
      Map<String, String> options,
      String optionsProblem,
      String content,
      int contentLine,
      boolean closed) {
    setChars(chars);
    this.options = Map.copyOf(options);
    this.optionsProblem = optionsProblem;
    this.content = content;
    this.contentLine = contentLine;
    this.closed = closed;
  }

  /** The name between the braces, lowercase: note, figure, code-block, ... */
  public String name() {
    return name;
  }

  /** What follows the name on the opening line (a figure's image path, an admonition's title). */
  public String argument() {
    return argument;
  }

  public Map<String, String> options() {
    return options;
  }

  /** Why the YAML option block could not be read, or null. */
  public String optionsProblem() {
    return optionsProblem;
  }

  /** The content after the options, as written. */
  public String content() {
    return content;
  }

  /** The 0-based line, in the text this directive was parsed from, where the content starts. */
  int contentLine() {
    return contentLine;
  }

  /** False when no closing fence was found: the directive then ran to the end of its container. */
  public boolean closed() {
    return closed;
  }

  /** The fence character, '`' or ':'. */
  public char fence() {
    return fence;
  }

  /** The content parsed as Markdown, or null for directives whose content is source text. */
  public Document body() {
    return body;
  }

  void setBody(Document body) {
    this.body = body;
  }

  /** Whether the PDF can show this directive: an admonition, a figure or image, or code. */
  public boolean supported() {
    return ADMONITIONS.contains(name) || CODE.contains(name) || isImage();
  }

  public boolean isImage() {
    return name.equals("figure") || name.equals("image");
  }

  public boolean holdsMarkdown() {
    return !RAW_CONTENT.contains(name);
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }
}
