package org.casepress.source;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** TeX mathematics written as {@code $...$} (inline) or {@code $$...$$} (display). */
public final class MathSpan extends Node {
  private final String tex;
  private final boolean display;

  MathSpan(BasedSequence chars, String tex, boolean display) {
    super(chars);
    this.tex = tex;
    this.display = display;
  }

  public String tex() {
    return tex;
  }

  public boolean display() {
    return display;
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }
}
