package org.casepress.source;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A MyST directive written as a fenced block, e.g.
 *
 * <pre>
 * ```{figure} figures/timeline.png
 * :alt: A timeline of the project
 * :name: fig-timeline
 *
 * The caption.
 * ```
 * </pre>
 *
 * @param name the directive name (figure, note, tip, warning, ...)
 * @param argument what follows the name on the opening line
 * @param options the {@code :key: value} lines at the top of the block
 * @param content the rest of the block (Markdown)
 * @param contentLine the 0-based line of the body on which {@code content} starts
 */
public record MystDirective(
    String name, String argument, Map<String, String> options, String content, int contentLine) {

  public static Optional<MystDirective> of(FencedCodeBlock block) {
    String info = block.getInfo().toString().strip();
    if (!info.startsWith("{") || info.indexOf('}') < 2) {
      return Optional.empty();
    }
    int close = info.indexOf('}');
    String name = info.substring(1, close).strip();
    String argument = info.substring(close + 1).strip();
    Map<String, String> options = new LinkedHashMap<>();
    String[] lines = block.getContentChars().toString().split("\n", -1);
    int i = 0;
    while (i < lines.length && lines[i].startsWith(":")) {
      String l = lines[i];
      int end = l.indexOf(':', 1);
      if (end < 0) {
        break;
      }
      options.put(l.substring(1, end).strip(), l.substring(end + 1).strip());
      i++;
    }
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    StringBuilder content = new StringBuilder();
    for (int j = i; j < lines.length; j++) {
      content.append(lines[j]).append(j + 1 < lines.length ? "\n" : "");
    }
    // The content follows the opening fence line, the option lines and the blank lines skipped.
    int contentLine = block.getLineNumber() + 1 + i;
    return Optional.of(
        new MystDirective(
            name,
            argument,
            java.util.Collections.unmodifiableMap(options),
            content.toString().strip(),
            contentLine));
  }
}
