package org.casepress.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The guidance paragraphs of the template that {@code new} starts a case study from: left in place,
 * they would be published as the author's text. Read from the template itself, so the two never
 * drift apart.
 */
final class Template {
  private static final String RESOURCE = "/org/casepress/workflow/case-study-template.md";

  /** Each guidance paragraph of the template's body, its whitespace collapsed. */
  static final Set<String> PARAGRAPHS = paragraphs();

  private Template() {}

  private static Set<String> paragraphs() {
    String text;
    try (InputStream in = Template.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Set.of();
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int close = text.indexOf("\n---\n", 4);
    String body = close < 0 ? text : text.substring(close + 5);
    return Arrays.stream(body.split("\n\\s*\n"))
        .map(p -> p.replaceAll("\\s+", " ").strip())
        .filter(p -> !p.isEmpty() && !p.startsWith("#"))
        .collect(Collectors.toUnmodifiableSet());
  }
}
