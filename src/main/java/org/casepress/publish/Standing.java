package org.casepress.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casepress.model.CaseStudy;
import org.casepress.model.Person;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.ApprovedChanges;
import org.casepress.workflow.HistoryEntry;
import org.casepress.workflow.Overview;
import org.casepress.workflow.ReviewWorkflow;
import org.casepress.workflow.StateFileException;
import org.casepress.workflow.StatusFile;
import org.casepress.workflow.Waiting;

/**
 * Where one case study stands, everything a person looking at it needs: its review state and whom
 * it waits for, the latest review comment, what changed since approval, and its deposits on each
 * target. Read once; {@code status} and the board show it.
 *
 * @param caseStudy the loaded case study, or empty when case-study.md cannot be read or its front
 *     matter has errors
 * @param changes which files changed since approval, when it is approved, changed since, and git
 *     can tell
 * @param latestComment the newest history entry with a comment
 * @param deposits the current version's ledger entry per target, for the targets it has one on
 */
public record Standing(
    String slug,
    Optional<CaseStudy> caseStudy,
    StatusFile status,
    boolean changedSince,
    Optional<ApprovedChanges> changes,
    Waiting waiting,
    Optional<HistoryEntry> latestComment,
    Map<TargetKind, Ledger.Entry> deposits) {

  /** The targets, in the order a table shows them. */
  public static final List<TargetKind> TARGETS = List.of(TargetKind.values());

  public Standing {
    deposits = Map.copyOf(deposits);
  }

  /**
   * Every case study of a workspace, and the review overview they were read from (which {@code
   * status --json} prints as well), with the status.json files that cannot be trusted.
   */
  public record All(List<Standing> standings, Overview overview) {
    public All {
      standings = List.copyOf(standings);
    }

    public List<StateFileException> unreadable() {
      return overview.unreadable();
    }

    public Optional<Standing> of(String slug) {
      return standings.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }
  }

  public static All read(Workspace workspace) {
    // Titles, authors and people only: the bodies' checks show nowhere in a standing.
    Loaded loaded = WorkspaceLoader.loadFrontMatter(workspace);
    Overview overview = new ReviewWorkflow(workspace).overview(loaded);
    List<Standing> standings = new ArrayList<>();
    for (Overview.Row row : overview.rows()) {
      Optional<CaseStudy> cs = loaded.caseStudy(row.slug());
      List<Person> authors = cs.map(CaseStudy::authors).orElse(List.of());
      StatusFile status = row.status();
      Optional<ApprovedChanges> changes =
          row.changedSince()
              ? ApprovedChanges.since(workspace, row.slug(), status.approvedDigest())
              : Optional.empty();
      Optional<HistoryEntry> comment = Optional.empty();
      for (HistoryEntry h : status.history()) {
        if (h.comment() != null) {
          comment = Optional.of(h);
        }
      }
      Map<TargetKind, Ledger.Entry> deposits = new LinkedHashMap<>();
      for (TargetKind target : TARGETS) {
        // A rehearsal's reopen may have a target working on a later version than status.json.
        Ledger ledger = LedgerStores.forTarget(workspace, target).read(row.slug());
        ledger
            .version(ledger.workingVersion(status.version()))
            .ifPresent(e -> deposits.put(target, e));
      }
      standings.add(
          new Standing(
              row.slug(),
              cs,
              status,
              row.changedSince(),
              changes,
              Waiting.of(status, row.changedSince(), authors, loaded.metadata().people().values()),
              comment,
              deposits));
    }
    return new All(standings, overview);
  }

  public String title() {
    return caseStudy.map(CaseStudy::title).orElse("(case-study.md has errors)");
  }

  /** "approved", "approved, changed since: case-study.md", "in-review". */
  public String state() {
    String s = status.state().id();
    if (!changedSince) {
      return s;
    }
    return s
        + ", changed since"
        + changes
            .map(c -> c.files().isEmpty() ? "" : ": " + String.join(", ", c.files()))
            .orElse("");
  }

  /**
   * The community state as the ledger last recorded it from Zenodo, or empty when the record is not
   * published on {@code target}.
   */
  public Optional<CommunityState> community(TargetKind target) {
    Ledger.Entry e = deposits.get(target);
    if (e == null || !e.phase().isPublished() || e.publication() == null) {
      return Optional.empty();
    }
    CommunityState c = e.publication().community();
    return Optional.of(c == null ? CommunityState.UNREAD : c);
  }

  /**
   * The published record's page on {@code target}, or empty before publishing: for the local target
   * on the {@code site} showing its records (the board, at the port it runs on).
   */
  public Optional<String> recordUrl(TargetKind target, Website site) {
    Ledger.Entry e = deposits.get(target);
    if (e == null || e.publication() == null || !e.phase().isPublished()) {
      return Optional.empty();
    }
    return target == TargetKind.LOCAL
        ? Optional.of(site.record(e.depositId()))
        : Optional.ofNullable(e.publication().recordUrl());
  }
}
