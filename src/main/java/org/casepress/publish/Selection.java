package org.casepress.publish;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casepress.model.CaseStudy;
import org.casepress.model.Launch;
import org.casepress.source.Identifiers;
import org.casepress.source.Loaded;
import org.casepress.source.Suggest;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;

/**
 * The case studies a stage or release run acts on: those named, those of a launch (released
 * together, dated with the launch), or every case study in the workspace.
 *
 * @param explicit whether the user named them (then each must be ready; otherwise the ones not
 *     approved are simply passed over)
 * @param date the publication date printed on the PDFs and sent to Zenodo
 */
record Selection(
    List<CaseStudy> caseStudies, Optional<Launch> launch, LocalDate date, boolean explicit) {

  public Selection {
    caseStudies = List.copyOf(caseStudies);
  }

  static Selection of(Loaded loaded, List<String> slugs, String launchName, LocalDate today) {
    if (launchName != null) {
      Launch launch =
          loaded
              .metadata()
              .launch(launchName)
              .orElseThrow(
                  () -> {
                    List<String> known =
                        loaded.metadata().launches().stream().map(Launch::name).toList();
                    String nearest = Suggest.nearest(launchName, known);
                    return PublishException.usage(
                        "There is no launch '"
                            + launchName
                            + "' in metadata/launches.yaml"
                            + (nearest != null ? "; did you mean '" + nearest + "'?" : ".")
                            + " Known: "
                            + (known.isEmpty() ? "none yet" : String.join(", ", known))
                            + ".");
                  });
      List<String> wanted = new ArrayList<>(launch.caseStudies());
      if (!slugs.isEmpty()) {
        wanted.retainAll(slugs);
      }
      return new Selection(find(loaded, wanted), Optional.of(launch), launch.date(), true);
    }
    if (!slugs.isEmpty()) {
      return new Selection(find(loaded, slugs), Optional.empty(), today, true);
    }
    return new Selection(loaded.caseStudies(), Optional.empty(), today, false);
  }

  private static List<CaseStudy> find(Loaded loaded, List<String> slugs) {
    return slugs.stream().map(slug -> named(loaded, slug)).toList();
  }

  /**
   * The case study a user named: a usage error when there is no such folder (with the nearest
   * slug), a problem to fix when its files do not load.
   */
  static CaseStudy named(Loaded loaded, String slug) {
    Optional<CaseStudy> found = loaded.caseStudy(slug);
    if (found.isPresent()) {
      return found.get();
    }
    Workspace workspace = loaded.workspace();
    if (!Identifiers.isSlug(slug) || !Files.isDirectory(workspace.caseStudyDir(slug))) {
      List<String> known = WorkspaceLoader.slugs(workspace);
      String nearest = Suggest.nearest(slug, known);
      throw PublishException.usage(
          "There is no case study '"
              + slug
              + "'"
              + (nearest != null ? "; did you mean '" + nearest + "'?" : ".")
              + " Known: "
              + (known.isEmpty() ? "none yet" : String.join(", ", known))
              + ".");
    }
    throw PublishException.problem(
        "'"
            + slug
            + "' cannot be published: its case-study.md cannot be read."
            + " Run ./casepress check "
            + slug
            + ".");
  }

  /** The folder name under build/launch/ for the announcement. */
  public String announcementName() {
    return launch.map(Launch::name).orElse("release-" + date);
  }

  public String announcementTitle(String series) {
    return launch
        .map(Launch::title)
        .orElse((series.isBlank() ? "Case studies" : series) + ": published " + date);
  }
}
