package org.casepress.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;
import org.casepress.model.Problem;
import org.casepress.source.Loaded;
import org.casepress.source.LocalWriteException;
import org.casepress.source.Workspace;
import org.casepress.workflow.ReviewState;
import org.casepress.workflow.ReviewWorkflow;
import org.casepress.workflow.StatusFile;
import org.casepress.zenodo.OutcomeUnknownException;
import org.casepress.zenodo.ZenodoException;

/**
 * A plan, stage or release run over a {@link Selection} on one target: the ordered steps of
 * docs/publishing.md on top of {@link Publisher}, with the checks that come before any of them.
 */
final class ReleaseJob {
  private final Workspace workspace;
  private final Loaded loaded;
  private final Statuses statuses;
  private final TargetKind target;
  private final Supplier<Publisher> publisher;
  private final LedgerStore ledgers;
  private final Progress progress;

  /**
   * @param publisher opened on first use: planning never connects to the target
   */
  ReleaseJob(
      Workspace workspace,
      Loaded loaded,
      Statuses statuses,
      TargetKind target,
      Supplier<Publisher> publisher,
      LedgerStore ledgers,
      Progress progress) {
    this.workspace = workspace;
    this.loaded = loaded;
    this.statuses = statuses;
    this.target = target;
    this.publisher = publisher;
    this.ledgers = ledgers;
    this.progress = progress;
  }

  /** The ledger entry of the case study's current version on this target, if any. */
  private Optional<Ledger.Entry> currentEntry(CaseStudy cs) {
    return ledgers.read(cs.slug()).version(working(cs.slug()).number());
  }

  private WorkingVersion working(String slug) {
    return WorkingVersion.of(statuses.of(slug), ledgers.read(slug));
  }

  /** The content digest a stage of the case study pins (see {@link WorkingVersion}). */
  private String digestToStage(String slug) {
    return working(slug).digestToStage(statuses.of(slug), statuses.digest(slug));
  }

  /** Why a case study is not ready to stage, or empty when it is. */
  Optional<String> notReady(CaseStudy cs) {
    List<Problem> errors = loaded.problemsOf(cs.slug()).stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      return Optional.of(
          "check finds " + errors.size() + " error(s); run ./casepress check " + cs.slug());
    }
    if (working(cs.slug()).rehearsal()) {
      // A rehearsal's own version has no review yet: check passing is all it needs.
      return Optional.empty();
    }
    StatusFile status = statuses.of(cs.slug());
    if (status.state() == ReviewState.PUBLISHED) {
      return Optional.of("published (reopen it to start a new version)");
    }
    if (status.state() != ReviewState.APPROVED) {
      return Optional.of("not approved (it is " + status.state().id() + ")");
    }
    if (!statuses.approvedAndUnchanged(cs.slug())) {
      return Optional.of(
          "approved, changed since: its files changed after approval; approve it again");
    }
    return Optional.empty();
  }

  /** The plan for every case study of the selection; sends no request. */
  List<PlanRow> plan(Selection selection, boolean releaseToo) {
    List<PlanRow> rows = new ArrayList<>();
    int release = releaseToo ? 3 : 0;
    for (CaseStudy cs : selection.caseStudies()) {
      Ledger ledger = ledgers.read(cs.slug());
      int version = working(cs.slug()).number();
      Optional<Ledger.Entry> entry = ledger.version(version);
      if (entry.isPresent() && entry.get().phase().isPublished()) {
        rows.add(
            new PlanRow(
                cs.slug(),
                version,
                PlanRow.Action.NOTHING,
                0,
                "published as " + entry.get().doi()));
        continue;
      }
      Optional<String> why = notReady(cs);
      if (why.isPresent()) {
        rows.add(new PlanRow(cs.slug(), version, PlanRow.Action.NOTHING, 0, why.get()));
        continue;
      }
      if (entry.isEmpty()) {
        boolean newVersion = ledger.publishedBefore(version).isPresent();
        rows.add(
            newVersion
                ? new PlanRow(
                    cs.slug(),
                    version,
                    PlanRow.Action.NEW_VERSION,
                    4 + release,
                    "new version of " + ledger.publishedBefore(version).get().conceptDoi())
                : new PlanRow(
                    cs.slug(), version, PlanRow.Action.CREATE, 2 + release, "new deposition"));
      } else if (entry.get().phase() == Ledger.Phase.STAGED
          && digestToStage(cs.slug()).equals(entry.get().stagedDigest())) {
        rows.add(
            new PlanRow(
                cs.slug(),
                version,
                releaseToo ? PlanRow.Action.PUBLISH : PlanRow.Action.NOTHING,
                release,
                "staged as draft "
                    + entry.get().depositId()
                    + ", DOI "
                    + entry.get().reservedDoi()));
      } else if (entry.get().phase() == Ledger.Phase.STAGED) {
        rows.add(
            new PlanRow(
                cs.slug(),
                version,
                PlanRow.Action.UPDATE,
                2 + release,
                "re-approved since staging: new PDF and metadata for draft "
                    + entry.get().depositId()));
      } else {
        rows.add(
            new PlanRow(
                cs.slug(),
                version,
                PlanRow.Action.RESUME,
                3 + release,
                "an earlier run stopped at '" + entry.get().phase().label() + "'"));
      }
    }
    return rows;
  }

  private static String failure(CaseStudy cs, ZenodoException e) {
    return cs.slug()
        + ": Zenodo "
        + (e.status() >= 500 ? "was unavailable" : "refused to publish it")
        + " ("
        + e.getMessage()
        + "). "
        + (e.status() >= 500
            ? "Run the release again later; it continues where it stopped."
            : "Fix what Zenodo names, stage it again, then release it.");
  }

  /** Stages every ready case study of the selection. Named but unready ones stop the run first. */
  List<Staged> stage(Selection selection) throws IOException {
    List<CaseStudy> ready = new ArrayList<>();
    for (CaseStudy cs : ready(selection)) {
      Optional<Ledger.Entry> entry = currentEntry(cs);
      if (entry.isEmpty() || !entry.get().phase().atLeast(Ledger.Phase.PUBLISHING)) {
        ready.add(cs);
      }
    }
    Publisher p = publisher.get();
    // Zenodo refusing one study's content (400) says nothing about the others, so they are staged
    // all the same and the refusals are reported together at the end. Any other refusal (a wrong
    // token, another account) would be the same for every study and stops the run at once.
    List<String> refused = new ArrayList<>();
    Batch batch = p.batch(progress);
    // Only the typesetting runs on the pool; the ledgers, Zenodo and status stay on this thread.
    // Closing waits for the renders still running before their folder is removed.
    try (RenderedAhead.Renders renders =
        p.renderAhead(ready, selection.date(), this::digestToStage)) {
      Deposits deposits = depositFirst(p, batch, renders, ready, selection, refused);
      return stageInTurn(p, batch, deposits, selection, refused);
    }
  }

  /**
   * Makes the deposition of every case study about to be staged that has none, one request at a
   * time in the selection's order, before any upload: a new deposition's PDF prints the DOI Zenodo
   * reserves when it creates it, and {@link Publisher#depositAhead} hands that PDF to the render
   * pool as soon as Zenodo answers, so the PDFs are typeset while the next creates wait on Zenodo,
   * instead of one after the other between the uploads.
   *
   * <p>This order is safe. A draft deposition without a file is harmless on Zenodo: it is private
   * to the account until it is published, and no DOI is registered for it before then. It is in the
   * ledger as soon as Zenodo answers (and a lost answer is looked for as in stage's own turn), so a
   * run that stops before the upload (a render that fails, a crash, Ctrl-C) leaves a draft that the
   * next stage continues, never a second one. A case study that is not ready (check, approval) is
   * refused before this point, as before, so none gets a deposition that its turn would not have
   * made.
   *
   * @param refused where a case study whose content Zenodo refuses (400) is reported, as in its
   *     turn
   * @return the case studies to stage in turn: all of {@code ready} but the refused ones
   */
  private Deposits depositFirst(
      Publisher p,
      Batch batch,
      RenderedAhead.Renders renders,
      List<CaseStudy> ready,
      Selection selection,
      List<String> refused)
      throws IOException {
    List<CaseStudy> lacking =
        ready.stream()
            .filter(cs -> p.lacksDeposit(cs, selection.date(), digestToStage(cs.slug())))
            .toList();
    List<CaseStudy> toStage = new ArrayList<>(ready);
    Map<CaseStudy, Instant> unresolved =
        batch.tryOnce(
            lacking,
            CaseStudy::slug,
            "creating its draft deposition on " + target.id(),
            (cs, resumed) -> {
              try {
                return retryWhenUnavailable(
                    p,
                    cs,
                    "stage",
                    () -> {
                      p.depositAhead(cs, selection.date(), digestToStage(cs.slug()), renders);
                      return cs;
                    });
              } catch (ZenodoException e) {
                refusedContent(cs, e, refused);
                toStage.remove(cs);
                return null;
              }
            });
    return new Deposits(toStage, unresolved);
  }

  /**
   * What {@link #depositFirst} leaves to stage in turn.
   *
   * @param unresolved those whose lost answer (or Zenodo's unavailability) is not settled yet, with
   *     when it was last looked at: their turns look again after the pause, alongside the others
   */
  private record Deposits(List<CaseStudy> toStage, Map<CaseStudy, Instant> unresolved) {}

  /**
   * Adds Zenodo's refusal of a case study's content (400) to {@code refused}, to be reported with
   * the others' at the end; rethrows any other refusal, which stops the run.
   */
  private static void refusedContent(CaseStudy cs, ZenodoException e, List<String> refused)
      throws ZenodoException {
    if (e.kind() != ZenodoException.Kind.VALIDATION) {
      throw e;
    }
    refused.add(cs.slug() + ": " + e.getMessage());
  }

  /** The Zenodo steps of each case study in turn, as they always ran. */
  private List<Staged> stageInTurn(
      Publisher p, Batch batch, Deposits deposits, Selection selection, List<String> refused)
      throws IOException {
    List<Staged> staged =
        batch.run(
            deposits.toStage(),
            CaseStudy::slug,
            "staging on " + target.id(),
            (cs, resumed) -> {
              String digest = digestToStage(cs.slug());
              StageOutcome outcome;
              try {
                outcome =
                    retryWhenUnavailable(
                        p, cs, "stage", () -> p.stage(cs, selection.date(), digest));
              } catch (ZenodoException e) {
                refusedContent(cs, e, refused);
                return null;
              }
              Ledger.Entry entry = currentEntry(cs).orElseThrow();
              return new Staged(cs.slug(), outcome, entry.reservedDoi());
            },
            deposits.unresolved());
    staged = staged.stream().filter(s -> s != null).toList();
    if (!refused.isEmpty()) {
      List<String> done = staged.stream().map(Staged::slug).toList();
      throw PublishException.problem(
          "Zenodo refused what casepress sent for "
              + refused.size()
              + (refused.size() == 1 ? " case study" : " case studies")
              + ", so they are not staged:\n  "
              + String.join("\n  ", refused)
              + "\n"
              + (done.isEmpty()
                  ? "No other case study was staged."
                  : "Staged: " + String.join(", ", done) + ".")
              + " Fix what Zenodo names and run stage again: what is staged stays as it is.");
    }
    return staged;
  }

  @FunctionalInterface
  private interface StepCall<T> {
    T call() throws IOException, Unresolved;
  }

  /**
   * Runs one case study's step; when Zenodo stays unavailable for it after the client's own
   * retries, the case study is set aside like a lost answer, until the wait's bound, and the step
   * is then run again from the top (each is safe to rerun). A refusal (4xx) and a failure of this
   * computer (a full disk) are not waited for.
   */
  private static <T> T retryWhenUnavailable(
      Publisher p, CaseStudy cs, String step, StepCall<T> call) throws IOException, Unresolved {
    try {
      T result = call.call();
      p.available(cs, step);
      return result;
    } catch (ZenodoException e) {
      if (!e.temporary()) {
        throw e;
      }
      p.unavailable(cs, step, e);
      throw e;
    } catch (OutcomeUnknownException e) {
      // Only create, newversion and publish are one-shot, and each settles its own lost answer.
      throw e;
    } catch (IOException e) {
      if (LocalWriteException.isLocal(e) || Thread.currentThread().isInterrupted()) {
        // A failure of this computer, or a run being stopped: waiting for Zenodo would not help.
        throw e;
      }
      p.unavailable(cs, step, e);
      throw e;
    }
  }

  private List<CaseStudy> ready(Selection selection) {
    List<CaseStudy> ready = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (CaseStudy cs : selection.caseStudies()) {
      Ledger.Entry entry = currentEntry(cs).orElse(null);
      if (entry != null && entry.phase().isPublished()) {
        ready.add(cs);
        continue;
      }
      Optional<String> why = notReady(cs);
      if (why.isEmpty()) {
        ready.add(cs);
      } else if (selection.explicit()) {
        refused.add(cs.slug() + ": " + why.get());
      }
    }
    if (!refused.isEmpty()) {
      throw PublishException.problem(
          "Nothing was sent to Zenodo, because not every case study named is ready:\n  "
              + String.join("\n  ", refused));
    }
    return ready;
  }

  /**
   * Releases the selection: on local and sandbox, stages what is approved first (a rehearsal runs
   * straight through); on production, publishes only what was staged, after confirmation.
   */
  ReleaseOutcome release(Selection selection, Confirmation confirmation, String actor)
      throws IOException {
    boolean production = target.isProduction();
    if (target.rehearses()) {
      stage(selection);
    }
    List<CaseStudy> batch = ready(selection);
    List<ReadyToPublish> ready = new ArrayList<>();
    List<String> blocked = publisher.get().preflight(batch, ready);
    List<ReadyToPublish> toPublish = ready.stream().filter(r -> !r.alreadyPublished()).toList();
    Optional<String> budget = publisher.get().budgetProblem(toPublish.size());
    if (budget.isPresent()) {
      List<String> all = new ArrayList<>(blocked);
      all.add(budget.get());
      throw PublishException.problem(
          "Nothing was published: the checks before release found problems.\n  "
              + String.join("\n  ", all));
    }
    if (!blocked.isEmpty()
        && (toPublish.isEmpty() || !confirmation.publishReadySubset(blocked, toPublish))) {
      throw PublishException.problem(
          "Nothing was published: the checks before release found problems.\n  "
              + String.join("\n  ", blocked)
              + (toPublish.isEmpty()
                  ? ""
                  : "\nThe other "
                      + toPublish.size()
                      + " case stud"
                      + (toPublish.size() == 1 ? "y is" : "ies are")
                      + " ready; fix the above, or confirm publishing only the ready ones."));
    }
    if (production && !toPublish.isEmpty() && !confirmation.confirm(toPublish)) {
      throw PublishException.problem("Nothing was published: the release was not confirmed.");
    }
    List<Released> already = new ArrayList<>();
    for (ReadyToPublish r : ready) {
      if (r.alreadyPublished()) {
        already.add(publisher.get().released(r.caseStudy(), r.entry()));
      }
    }
    List<String> failed = new ArrayList<>();
    Publisher p = publisher.get();
    List<Released> published = new ArrayList<>();
    for (Released done :
        p.batch(progress)
            .run(
                toPublish,
                r -> r.caseStudy().slug(),
                "publishing on " + target.id(),
                (r, resumed) -> {
                  // What the preflight read is stale once this case study was set aside.
                  ReadyToPublish now =
                      resumed ? new ReadyToPublish(r.caseStudy(), r.entry(), false, null) : r;
                  try {
                    return retryWhenUnavailable(p, r.caseStudy(), "publish", () -> p.publish(now));
                  } catch (PublishException e) {
                    failed.add(e.getMessage());
                    return null;
                  } catch (ZenodoException e) {
                    // One case study refused (or Zenodo unavailable past the wait) must not hold
                    // back the rest of the launch: finish the batch, announce what is out, and
                    // report this one with its reason.
                    failed.add(failure(r.caseStudy(), e));
                    return null;
                  }
                })) {
      if (done == null) {
        continue;
      }
      published.add(done);
      if (production) {
        statuses.replaced(
            new ReviewWorkflow(workspace)
                .recordPublication(done.caseStudy().slug(), actor, done.doi())
                .status());
      }
    }
    List<Released> all = new ArrayList<>(already);
    all.addAll(published);
    Path folder = all.isEmpty() ? null : announce(selection, all);
    return new ReleaseOutcome(published, already, folder, publisher.get().warnings(), failed);
  }

  /** Writes the launch announcement of {@code released}, in the selection's order. */
  private Path announce(Selection selection, List<Released> released) throws IOException {
    List<Released> all = new ArrayList<>(released);
    all.sort(java.util.Comparator.comparing(x -> selection.caseStudies().indexOf(x.caseStudy())));
    Metadata metadata = loaded.metadata();
    Path folder = announcementFolder(selection);
    new LaunchAnnouncement(
            metadata,
            selection.announcementTitle(metadata.community().series()),
            selection.launch(),
            target,
            all)
        .writeTo(folder);
    return folder;
  }

  /**
   * Writes the selection's announcement again from the ledgers, when release wrote one: after
   * {@code community accept} it says what the community now says.
   *
   * @return the folder, or empty when there was no announcement to bring up to date
   */
  Optional<Path> announceAgain(Selection selection) throws IOException {
    List<Released> released = new ArrayList<>();
    for (CaseStudy cs : selection.caseStudies()) {
      currentEntry(cs)
          .filter(e -> e.phase().isPublished())
          .ifPresent(e -> released.add(publisher.get().released(cs, e)));
    }
    Path written = announcementFolder(selection).resolve("announcement.md");
    if (released.isEmpty() || !java.nio.file.Files.exists(written)) {
      return Optional.empty();
    }
    return Optional.of(announce(selection, released));
  }

  /** build/launch/TARGET/NAME/ */
  private Path announcementFolder(Selection selection) {
    return workspace
        .buildDir()
        .resolve("launch")
        .resolve(target.id())
        .resolve(selection.announcementName());
  }
}
