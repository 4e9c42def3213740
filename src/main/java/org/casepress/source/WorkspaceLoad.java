package org.casepress.source;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casepress.model.CaseStudy;
import org.casepress.model.Location;
import org.casepress.model.Metadata;
import org.casepress.model.Problem;

/**
 * A workspace load taken apart, for a caller that acts on each case study as soon as it is loaded
 * ({@code render --all} typesets one while the next is checked): the metadata, loaded once by
 * {@link #start}, then each case study by {@link #load}, on any thread and in any order, then
 * {@link #finish} with the studies in slug order. {@link WorkspaceLoader#load} is this, run in
 * order on one thread, so the {@link Loaded} is the same whichever way it is run.
 *
 * <p>Thread-safe once started: the metadata, the ids it could not load ({@link Unloaded}) and its
 * problems are only read after {@link #start} returns; each {@link #load} has its own problem list
 * and its own {@link CaseStudyLoader}; what they share ({@link Glyphs}, {@link Markdown}'s parser,
 * the YAML and Jackson readers, {@link Template}, {@link Licences}) is immutable or built to be
 * shared.
 */
public final class WorkspaceLoad {
  private final Workspace workspace;
  private final Metadata metadata;
  private final Unloaded unloaded;
  private final List<Problem> metadataProblems;
  private final boolean checkBodies;

  /**
   * One case study's outcome: its value when it loads, the problems its load found, and the tree of
   * its body that check walked ({@link ParsedBody}), for its render: empty when it did not load, or
   * its body was not checked.
   */
  public record Study(
      String slug,
      Optional<CaseStudy> caseStudy,
      List<Problem> problems,
      Optional<ParsedBody> body) {
    public Study {
      problems = List.copyOf(problems);
    }
  }

  private WorkspaceLoad(
      Workspace workspace,
      Metadata metadata,
      Unloaded unloaded,
      List<Problem> metadataProblems,
      boolean checkBodies) {
    this.workspace = workspace;
    this.metadata = metadata;
    this.unloaded = unloaded;
    this.metadataProblems = List.copyOf(metadataProblems);
    this.checkBodies = checkBodies;
  }

  /** Loads the metadata; the case studies are loaded one by one with {@link #load}. */
  public static WorkspaceLoad start(Workspace workspace) {
    return start(workspace, true);
  }

  static WorkspaceLoad start(Workspace workspace, boolean checkBodies) {
    List<Problem> problems = new ArrayList<>();
    MetadataLoader metadataLoader = new MetadataLoader(workspace, problems);
    Metadata metadata = metadataLoader.load();
    return new WorkspaceLoad(workspace, metadata, metadataLoader.unloaded(), problems, checkBodies);
  }

  public Metadata metadata() {
    return metadata;
  }

  /** Loads and checks one case study; an unknown slug is itself a problem. */
  public Study load(String slug) {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(workspace.caseStudyDir(slug))) {
      problems.add(
          Problem.error(
              Location.of("case-studies/" + slug),
              "",
              "There is no case study '"
                  + slug
                  + "'. Known: "
                  + String.join(", ", WorkspaceLoader.slugs(workspace))
                  + "."));
      return new Study(slug, Optional.empty(), problems, Optional.empty());
    }
    Optional<CaseStudyLoader.Result> loaded = Optional.empty();
    try {
      loaded = new CaseStudyLoader(workspace, metadata, unloaded, problems, checkBodies).load(slug);
    } catch (StackOverflowError e) {
      // Limits keeps known deep structures from the parser; this keeps an unknown one to the
      // case study that holds it, so that every other case study is still checked.
      problems.add(
          Problem.error(
              Location.of("case-studies/" + slug + "/" + CaseStudyLoader.FILE_NAME),
              "",
              "The Markdown is nested too deeply for casepress to read (the nesting limit is "
                  + Limits.NESTING
                  + " levels). Flatten deeply nested lists, quotes, links or emphasis."));
    }
    return new Study(
        slug,
        loaded.map(CaseStudyLoader.Result::caseStudy),
        problems,
        loaded.flatMap(CaseStudyLoader.Result::body));
  }

  /**
   * What {@link Loaded#problemsOf} will give for the study once every study is loaded: its own
   * problems and those of the metadata files. A load only reports problems in its own folder (and
   * the folder itself, which {@code problemsOf} leaves out), so no other study adds to these.
   */
  public List<Problem> problemsOf(Study study) {
    List<Problem> all = new ArrayList<>(metadataProblems);
    all.addAll(study.problems());
    return all.stream()
        .filter(p -> Loaded.concerns(study.slug(), p))
        .sorted(Problem.ORDER)
        .toList();
  }

  /**
   * The whole load, from every study in slug order: the problems in the order a serial load found
   * them.
   */
  public Loaded finish(List<Study> studies) {
    List<Problem> problems = new ArrayList<>(metadataProblems);
    List<CaseStudy> caseStudies = new ArrayList<>();
    Map<String, ParsedBody> bodies = new HashMap<>();
    for (Study s : studies) {
      problems.addAll(s.problems());
      s.caseStudy().ifPresent(caseStudies::add);
      s.body().ifPresent(b -> bodies.put(s.slug(), b));
    }
    return new Loaded(workspace, metadata, caseStudies, problems, bodies);
  }
}
