package org.casepress.publish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casepress.model.CaseStudy;
import org.casepress.model.Launch;
import org.casepress.source.Loaded;

/**
 * The case studies a stage or release run acts on: those named, those of a launch (released
 * together, dated with the launch), or every case study in the workspace.
 *
 * @param explicit whether the user named them (then each must be ready; otherwise the ones not
 *     approved are simply passed over)
 * @param date the publication date printed on the PDFs and sent to Zenodo
 */
public record Selection(
    List<CaseStudy> caseStudies, Optional<Launch> launch, LocalDate date, boolean explicit) {

  public Selection {
    caseStudies = List.copyOf(caseStudies);
  }

  public static Selection of(
      Loaded loaded, List<String> slugs, String launchName, LocalDate today) {
    if (launchName != null) {
      Launch launch =
          loaded
              .metadata()
              .launch(launchName)
              .orElseThrow(
                  () ->
                      PublishException.problem(
                          "There is no launch '"
                              + launchName
                              + "' in metadata/launches.yaml. Known: "
                              + String.join(
                                  ", ",
                                  loaded.metadata().launches().stream().map(Launch::name).toList())
                              + "."));
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
    List<CaseStudy> found = new ArrayList<>();
    for (String slug : slugs) {
      found.add(
          loaded
              .caseStudy(slug)
              .orElseThrow(
                  () ->
                      PublishException.problem(
                          "'"
                              + slug
                              + "' cannot be published: it does not exist or its case-study.md cannot be read."
                              + " Run ./casepress check "
                              + slug
                              + ".")));
    }
    return found;
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
