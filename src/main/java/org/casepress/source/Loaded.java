package org.casepress.source;

import java.util.List;
import java.util.Optional;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;
import org.casepress.model.Problem;

/**
 * The result of loading a workspace: what could be loaded, and every problem found on the way, in
 * file and line order.
 */
public record Loaded(
    Workspace workspace, Metadata metadata, List<CaseStudy> caseStudies, List<Problem> problems) {

  public Loaded {
    caseStudies = List.copyOf(caseStudies);
    problems = problems.stream().sorted(Problem.ORDER).toList();
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
