package org.casepress.pullrequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.casepress.model.CaseStudy;
import org.casepress.model.Problem;
import org.casepress.publish.DraftPdf;
import org.casepress.render.RenderException;
import org.casepress.render.RenderResult;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.Overview;
import org.casepress.workflow.ReviewWorkflow;

/**
 * What a pull request changes, case study by case study: its review state, its problems and its
 * draft PDF (rendered into a folder the workflow uploads as an artifact), as a Markdown job
 * summary.
 *
 * @param studies one per changed case study, in slug order
 */
public record PullRequestReport(List<Study> studies) {

  public PullRequestReport {
    studies = List.copyOf(studies);
  }

  /**
   * One changed case study.
   *
   * @param title the title, or null when case-study.md cannot be read
   * @param state the review state, with ", changed since" when approved files changed
   * @param pdf the draft PDF written, relative to the workspace, or null when none could be made
   * @param pages its page count, 0 when there is none
   */
  public record Study(
      String slug, String title, String state, List<Problem> problems, String pdf, int pages) {
    public Study {
      problems = List.copyOf(problems);
    }

    long errors() {
      return problems.stream().filter(Problem::isError).count();
    }
  }

  /**
   * The case studies a list of changed paths touches: every one under {@code case-studies/SLUG/}
   * that still exists, and all of them when anything under {@code metadata/} changed (people,
   * organisations and the community feed every case study).
   */
  public static List<String> changedSlugs(Workspace workspace, List<String> changedPaths) {
    List<String> all = WorkspaceLoader.slugs(workspace);
    TreeSet<String> changed = new TreeSet<>();
    for (String raw : changedPaths) {
      String path = raw.strip().replace('\\', '/');
      if (path.startsWith("metadata/")) {
        return all;
      }
      String[] parts = path.split("/");
      if (parts.length >= 3 && parts[0].equals("case-studies") && all.contains(parts[1])) {
        changed.add(parts[1]);
      }
    }
    return List.copyOf(changed);
  }

  /**
   * Checks and renders each of {@code slugs}, writing {@code SLUG.pdf} files into {@code pdfDir}.
   */
  public static PullRequestReport build(
      Workspace workspace, List<String> slugs, DraftPdf drafts, Path pdfDir) throws IOException {
    Loaded loaded = WorkspaceLoader.load(workspace, slugs);
    Overview overview = new ReviewWorkflow(workspace).overview();
    List<Study> studies = new ArrayList<>();
    Files.createDirectories(pdfDir);
    for (String slug : slugs) {
      List<Problem> problems = new ArrayList<>(loaded.problemsOf(slug));
      Optional<CaseStudy> cs = loaded.caseStudy(slug);
      String state =
          overview.rows().stream()
              .filter(r -> r.slug().equals(slug))
              .findFirst()
              .map(r -> r.status().state().id() + (r.changedSince() ? ", changed since" : ""))
              .orElse("status.json cannot be read");
      String pdf = null;
      int pages = 0;
      if (cs.isPresent() && problems.stream().noneMatch(Problem::isError)) {
        try {
          RenderResult result =
              drafts.render(workspace, loaded, cs.get(), pdfDir.resolve(slug + ".pdf"));
          pdf = workspace.relative(result.output());
          pages = result.pages();
          problems.addAll(result.warnings());
        } catch (RenderException e) {
          problems.addAll(e.problems());
        }
      }
      studies.add(
          new Study(slug, cs.map(CaseStudy::title).orElse(null), state, problems, pdf, pages));
    }
    return new PullRequestReport(studies);
  }

  public boolean hasErrors() {
    return studies.stream().anyMatch(s -> s.errors() > 0);
  }

  /** The job summary: a table of the changed case studies, then each one's problems. */
  public String markdown(String artifactName) {
    StringBuilder s = new StringBuilder("## casepress: ");
    if (studies.isEmpty()) {
      return s.append("no case study changed\n\nThis pull request changes no case study.\n")
          .toString();
    }
    s.append(count(studies.size(), "case study", "case studies")).append(" changed\n\n");
    s.append("| case study | state | problems | draft PDF |\n|---|---|---|---|\n");
    for (Study st : studies) {
      s.append("| ")
          .append(cell(st.title() == null ? st.slug() : st.title()))
          .append(" (`")
          .append(st.slug())
          .append("`) | ")
          .append(cell(st.state()))
          .append(" | ")
          .append(problemCount(st))
          .append(" | ")
          .append(
              st.pdf() == null
                  ? "not rendered: fix the errors first"
                  : count(st.pages(), "page", "pages"))
          .append(" |\n");
    }
    for (Study st : studies) {
      if (st.problems().isEmpty()) {
        continue;
      }
      s.append("\n### ").append(st.slug()).append("\n\n");
      for (Problem p : st.problems()) {
        s.append("- **")
            .append(p.severity().label())
            .append("** `")
            .append(p.where())
            .append("`")
            .append(p.field().isEmpty() ? "" : " " + p.field())
            .append(": ")
            .append(p.message().replace("\n", " "))
            .append('\n');
      }
    }
    s.append("\nThe draft PDFs are in the **")
        .append(artifactName)
        .append("** download at the bottom of this run's Summary page. Problems also show on their")
        .append(" lines under *Files changed*.\n");
    return s.toString();
  }

  private static String problemCount(Study st) {
    long errors = st.errors();
    long warnings = st.problems().size() - errors;
    if (st.problems().isEmpty()) {
      return "none";
    }
    return count(errors, "error", "errors") + ", " + count(warnings, "warning", "warnings");
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** A Markdown table cell: a '|' would start the next cell. */
  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
