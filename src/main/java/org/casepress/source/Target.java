package org.casepress.source;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A MyST target line, {@code (label)=}: names the block that follows it. */
public final class Target extends Block {
  private final String label;

  Target(BasedSequence chars, String label) {
    super(chars);
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }
}
