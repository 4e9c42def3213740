package org.casepress.render;

import java.nio.file.Path;
import org.casepress.model.Metadata;

/** Lets the benchmark render corpus files the way {@link CorpusTest} wraps them. */
public final class BenchAccess {
  private final Renderer renderer = Renderer.create();
  private final Metadata metadata = Fixtures.load().metadata();

  public void render(Path markdown, Path pdf) throws Exception {
    renderer.render(CorpusTest.wrap(markdown), metadata, Fixtures.draft(), RenderMode.DRAFT, pdf);
  }
}
