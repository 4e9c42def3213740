package org.casepress.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;
import org.casepress.model.Problem;

/**
 * The result of loading a workspace: what could be loaded, and every problem found on the way, in
 * file and line order.
 *
 * @param bodies the trees check walked, by slug, for the render to reuse ({@link #body}); none when
 *     the bodies were not checked ({@link WorkspaceLoader#loadFrontMatter})
 */
public record Loaded(
    Workspace workspace,
    Metadata metadata,
    List<CaseStudy> caseStudies,
    List<Problem> problems,
    Map<String, ParsedBody> bodies) {

  public Loaded {
    caseStudies = List.copyOf(caseStudies);
    problems = problems.stream().sorted(Problem.ORDER).toList();
    bodies = Map.copyOf(bodies);
  }

  /**
   * The tree check walked for this case study's body, so that its render need not parse the body
   * again; empty when this load did not check it, or {@code cs} is not the case study loaded here.
   */
  public Optional<ParsedBody> body(CaseStudy cs) {
    return Optional.ofNullable(bodies.get(cs.slug())).filter(b -> b.isOf(cs.body()));
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  public Optional<CaseStudy> caseStudy(String slug) {
    return caseStudies.stream().filter(c -> c.slug().equals(slug)).findFirst();
  }

  /** The problems in a case study's own folder and in the metadata files it depends on. */
  public List<Problem> problemsOf(String slug) {
    return problems.stream().filter(p -> concerns(slug, p)).toList();
  }

  /** Whether a problem is in the case study's own folder or in the metadata files. */
  static boolean concerns(String slug, Problem p) {
    return p.file().startsWith("case-studies/" + slug + "/") || p.file().startsWith("metadata/");
  }
}
