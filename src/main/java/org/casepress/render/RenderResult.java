package org.casepress.render;

import java.nio.file.Path;
import java.util.List;
import org.casepress.model.Problem;

/**
 * A PDF written.
 *
 * @param output the file written (atomically)
 * @param pages the number of pages
 * @param warnings what the reader of the draft should know: placeholders, constructs not supported
 *     yet, characters that cannot be shown; each with file and line
 */
public record RenderResult(Path output, int pages, List<Problem> warnings) {
  public RenderResult {
    warnings = List.copyOf(warnings);
  }
}
