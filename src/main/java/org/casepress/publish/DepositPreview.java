package org.casepress.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.casepress.model.CaseStudy;
import org.casepress.model.Problem;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.StatusFile;
import org.casepress.workflow.StatusStore;

/**
 * What {@code metadata SLUG} shows: the deposit metadata of the case study's current version on a
 * target, exactly as the next stage would send it (its version, its date, our alternate
 * identifier), or, once published, as deposited, with the DOI Zenodo minted.
 *
 * @param metadata the {@code metadata} object; once published it carries {@code doi} as Zenodo's
 *     record does
 * @param doi the minted DOI once published on the target
 * @param changedSince published, but the files or workspace metadata changed since, so the JSON
 *     shown (built from today's files) differs from what was deposited
 */
public record DepositPreview(
    String slug,
    int version,
    TargetKind target,
    LocalDate date,
    Optional<String> doi,
    boolean changedSince,
    ObjectNode metadata) {

  /**
   * @param launch the launch the case study will be staged with (its date is the publication date),
   *     or null
   * @param today the date a stage without a launch would use
   */
  public static DepositPreview of(
      Workspace workspace, String slug, TargetKind target, String launch, LocalDate today) {
    Loaded loaded = WorkspaceLoader.load(workspace, List.of(slug));
    String folder = workspace.relative(workspace.caseStudyDir(slug));
    // problemsOf covers the case study's files and metadata/; an unknown slug is reported on the
    // folder itself.
    List<Problem> errors =
        Stream.concat(
                loaded.problems().stream().filter(p -> p.file().equals(folder)),
                loaded.problemsOf(slug).stream())
            .filter(Problem::isError)
            .toList();
    Optional<CaseStudy> found = loaded.caseStudy(slug);
    if (!errors.isEmpty() || found.isEmpty()) {
      throw PublishException.problem(
          "No metadata for '"
              + slug
              + "': fix the errors above (./casepress check "
              + slug
              + " lists them).",
          errors);
    }
    CaseStudy cs = found.get();
    StatusFile status = new StatusStore(workspace).read(slug);
    Ledger ledger = LedgerStores.forTarget(workspace, target).read(slug);
    int version = ledger.workingVersion(status.version());
    Optional<Ledger.Entry> entry = ledger.version(version);
    LocalDate date =
        entry
            .map(Ledger.Entry::publicationDate)
            .filter(d -> d != null)
            .orElseGet(
                () ->
                    launch == null ? today : Selection.of(loaded, List.of(), launch, today).date());
    ObjectNode metadata =
        DepositMetadata.build(
            cs, loaded.metadata(), DepositMetadata.Edition.onTarget(ledger, version, date));
    String sent = Publisher.sha256(metadata);
    Optional<String> doi = entry.filter(e -> e.phase().isPublished()).map(Ledger.Entry::doi);
    boolean changedSince = doi.isPresent() && !sent.equals(entry.get().metadataSha256());
    doi.ifPresent(d -> metadata.put("doi", d));
    return new DepositPreview(slug, version, target, date, doi, changedSince, metadata);
  }
}
