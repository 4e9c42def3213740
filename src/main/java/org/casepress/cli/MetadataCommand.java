package org.casepress.cli;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.casepress.model.CaseStudy;
import org.casepress.model.Problem;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.zenodo.DepositMetadata;
import org.casepress.zenodo.DepositMetadata.Edition;

/**
 * {@code metadata SLUG}: prints the metadata casepress would send to Zenodo for a case study. The
 * output is always JSON, so --json changes nothing.
 */
final class MetadataCommand implements Command {
  private final BiFunction<Workspace, CaseStudy, Edition> editions;

  /** Every case study as its first, unpublished version. */
  MetadataCommand() {
    this((workspace, caseStudy) -> Edition.FIRST);
  }

  /**
   * @param editions the version and publication date of a case study, e.g. from its status
   */
  MetadataCommand(BiFunction<Workspace, CaseStudy, Edition> editions) {
    this.editions = editions;
  }

  @Override
  public String name() {
    return "metadata";
  }

  @Override
  public String synopsis() {
    return "SLUG";
  }

  @Override
  public String summary() {
    return "the Zenodo deposit metadata of a case study, as JSON";
  }

  @Override
  public int run(Invocation in) {
    String slug = in.slug();
    Workspace workspace = in.workspace();
    Loaded loaded = WorkspaceLoader.load(workspace, List.of(slug));
    String folder = "case-studies/" + slug;
    // problemsOf covers the case study's files and metadata/; an unknown slug is reported on the
    // folder.
    List<Problem> errors =
        Stream.concat(
                loaded.problems().stream().filter(p -> p.file().equals(folder)),
                loaded.problemsOf(slug).stream())
            .filter(Problem::isError)
            .toList();
    if (!errors.isEmpty() || loaded.caseStudy(slug).isEmpty()) {
      // Standard output is reserved for the JSON, so the problems go to standard error.
      ProblemPrinter.print(in.err(), errors);
      throw CommandException.problem(
          "No metadata for '"
              + slug
              + "': fix the errors above (./casepress check "
              + slug
              + " lists them).");
    }
    CaseStudy caseStudy = loaded.caseStudy(slug).get();
    in.printJson(
        DepositMetadata.build(caseStudy, loaded.metadata(), editions.apply(workspace, caseStudy)));
    return ExitCode.OK;
  }
}
