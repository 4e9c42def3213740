package org.casepress.source;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A MyST role such as {@code {ref}`label`} or {@code {cite:p}`smith2020`}. */
public final class Role extends Node {
  private static final Pattern TEXT_AND_TARGET =
      Pattern.compile("^(.*?)\\s*<([^<>]+)>$", Pattern.DOTALL);

  private final String name;
  private final String content;

  Role(BasedSequence chars, String name, String content) {
    super(chars);
    this.name = name;
    this.content = content;
  }

  /** The role's name, e.g. ref, cite:p, term. */
  public String name() {
    return name;
  }

  /** What is between the backticks. */
  public String content() {
    return content;
  }

  /** The target of {@code text <target>}, else the whole content. */
  public String target() {
    Matcher m = TEXT_AND_TARGET.matcher(content);
    return m.matches() ? m.group(2).strip() : content.strip();
  }

  /** The text of {@code text <target>}, else null. */
  public String explicitText() {
    Matcher m = TEXT_AND_TARGET.matcher(content);
    return m.matches() && !m.group(1).isBlank() ? m.group(1).strip() : null;
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }
}
