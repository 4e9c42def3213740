package org.casepress.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;
import org.casepress.source.Workspace;
import org.casepress.workflow.StatusFile;
import org.casepress.zenodo.DepositFile;
import org.casepress.zenodo.Deposition;
import org.casepress.zenodo.DepositionQuery;
import org.casepress.zenodo.DepositionState;
import org.casepress.zenodo.OutcomeUnknownException;
import org.casepress.zenodo.PublishedRecord;
import org.casepress.zenodo.Sleeper;
import org.casepress.zenodo.ZenodoClient;
import org.casepress.zenodo.ZenodoException;

/**
 * Stages and releases case study versions on one Zenodo target, exactly once.
 *
 * <p>Every remote step follows the same discipline: write to the ledger that the step is about to
 * run, run it, write what came back. A step whose answer was lost (a crash, a timeout, a 5xx after
 * Zenodo did the work) is resolved on the next run by reading state before acting: the deposition
 * is found again by our stable identifier (or, for a new version, by its concept), and a publish is
 * checked with a plain GET before it is ever sent again.
 */
final class Publisher {
  /**
   * How long a step whose answer was lost waits for Zenodo to show its outcome before casepress
   * acts on what it knows: a lost create is searched for (search lags the commit), a lost publish
   * is read back (Zenodo can still be applying it after the proxy gave up, zenodo/zenodo-rdm#1456,
   * and sending it again meanwhile fails or, worse, races it). The case study waits alongside the
   * others ({@link Batch}), never in front of them.
   */
  static final Duration WAIT_BOUND = Duration.ofSeconds(30);

  /** The pause between two looks at the same unresolved step. */
  static final Duration WAIT_PAUSE = Duration.ofSeconds(2);

  /**
   * At most this many looks at one unresolved step, whatever the clock says: the bound holds even
   * with a clock that does not move (as in tests that only record their sleeps).
   */
  static final int MAX_LOOKS = (int) (WAIT_BOUND.toSeconds() / WAIT_PAUSE.toSeconds()) + 1;

  private final Workspace workspace;
  private final Metadata metadata;
  private final ZenodoClient client;
  private final TargetKind target;
  private final LedgerStore ledgers;
  private final RenderedAhead pdf;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Checkpoints checkpoints;
  private final Statuses statuses;
  private final Map<String, ObjectNode> built = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final CommunityRequests communities;

  /**
   * The bucket links this session read from Zenodo itself (so they name its port), by deposition.
   */
  private final Map<Long, String> bucketsReadNow = new HashMap<>();

  /** The unresolved steps of this session, by case study version and step: when the wait began. */
  private final Map<String, Look> looks = new HashMap<>();

  /**
   * What {@link #depositAhead} did for each version in this session, by "slug vN", until {@link
   * #stage} reports it as its outcome.
   */
  private final Map<String, StageOutcome> depositedAhead = new HashMap<>();

  private record Look(Instant since, int count) {}

  /** Points between steps where tests simulate a crash. Production code passes {@link #NONE}. */
  @FunctionalInterface
  interface Checkpoints {
    Checkpoints NONE = point -> {};

    void reached(String point);
  }

  Publisher(
      Workspace workspace,
      Statuses statuses,
      Metadata metadata,
      ZenodoClient client,
      TargetKind target,
      LedgerStore ledgers,
      FinalPdf pdf,
      Clock clock,
      Sleeper sleeper,
      Checkpoints checkpoints) {
    this.workspace = workspace;
    this.metadata = metadata;
    this.client = client;
    this.target = target;
    this.ledgers = ledgers;
    this.pdf = new RenderedAhead(pdf);
    this.clock = clock;
    this.sleeper = sleeper;
    this.checkpoints = checkpoints;
    this.statuses = statuses;
    this.communities = new CommunityRequests(client, metadata.community().community(), clock);
  }

  TargetKind target() {
    return target;
  }

  /** Differences found after an irreversible step in this session, for the report. */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  // ---------------------------------------------------------------- identity and content

  String identifier(String slug, int version) {
    return DepositMetadata.identifier(metadata, slug, version);
  }

  /** The version this target works on (a rehearsal's reopen may have opened a later one). */
  int version(String slug) {
    return working(slug).number();
  }

  private WorkingVersion working(String slug) {
    return WorkingVersion.of(statuses.of(slug), ledgers.read(slug));
  }

  /**
   * The deposit metadata of a version, built once per session: stage sends it, the preflight
   * compares its hash. Callers do not change it.
   */
  ObjectNode depositMetadata(CaseStudy cs, int version, LocalDate date) {
    DepositMetadata.Edition edition =
        DepositMetadata.Edition.onTarget(ledgers.read(cs.slug()), version, date);
    return built.computeIfAbsent(
        cs.slug() + " " + edition, key -> DepositMetadata.build(cs, metadata, edition));
  }

  static String sha256(JsonNode node) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(node.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String md5(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      try (var in = Files.newInputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          md.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The PDF's name on Zenodo: the slug, so readers see what it is. */
  static String fileKey(CaseStudy cs) {
    return cs.slug() + ".pdf";
  }

  Path stagedPdf(CaseStudy cs, int version) {
    return workspace
        .buildDir()
        .resolve("stage")
        .resolve(target.id())
        .resolve(cs.slug() + "-v" + version + ".pdf");
  }

  /**
   * The DOI Zenodo will mint on publishing, printed on the PDF before it exists. Production mints
   * the pre-reserved 10.5281 DOI; the sandbox and the local server mint 10.5072 DOIs from the same
   * record id, and their pre-reserved value (always 10.5281) must not be used
   * (docs/zenodo.md#reserved-dois).
   */
  String reservedDoi(Deposition d) {
    if (target.isProduction()) {
      return d.prereservedDoi().orElse("10.5281/zenodo." + d.id());
    }
    return "10.5072/zenodo." + d.id();
  }

  // ---------------------------------------------------------------- ledger discipline

  private Ledger.Entry save(CaseStudy cs, Ledger.Entry entry) {
    ledgers.write(cs.slug(), ledgers.read(cs.slug()).with(entry));
    return entry;
  }

  private Ledger.Entry log(
      CaseStudy cs, Ledger.Entry entry, Ledger.Step step, Ledger.Outcome outcome) {
    return log(cs, entry, step, outcome, null);
  }

  private Ledger.Entry log(
      CaseStudy cs, Ledger.Entry entry, Ledger.Step step, Ledger.Outcome outcome, String detail) {
    return save(cs, entry.log(clock.instant(), step, outcome, detail));
  }

  // ---------------------------------------------------------------- stage

  /**
   * A case study version as stage finds it, read once for one step: its ledger, its entry there (if
   * any) and the deposit metadata stage would send now.
   */
  private record Found(
      CaseStudy cs,
      int version,
      Ledger ledger,
      Ledger.Entry entry,
      ObjectNode wanted,
      String hash) {
    /**
     * What stage reports for it without sending anything: published already, or staged already with
     * these approved files and this metadata; empty when there is work to do.
     */
    Optional<StageOutcome> settled(String approvedDigest) {
      if (entry != null && entry.phase().atLeast(Ledger.Phase.PUBLISHING)) {
        return Optional.of(StageOutcome.ALREADY_PUBLISHED);
      }
      if (entry != null
          && entry.phase() == Ledger.Phase.STAGED
          && approvedDigest.equals(entry.stagedDigest())
          && hash.equals(entry.metadataSha256())) {
        return Optional.of(StageOutcome.ALREADY_STAGED);
      }
      return Optional.empty();
    }

    boolean deposited() {
      return entry != null && entry.depositId() != null;
    }

    /** "slug vN": the key of this version in the session's maps. */
    String key() {
      return cs.slug() + " v" + version;
    }
  }

  private Found find(CaseStudy cs, LocalDate date) {
    int version = version(cs.slug());
    Ledger ledger = ledgers.read(cs.slug());
    Ledger.Entry entry = ledger.version(version).orElse(null);
    ObjectNode wanted = depositMetadata(cs, version, printedDate(entry, date));
    return new Found(cs, version, ledger, entry, wanted, sha256(wanted));
  }

  /** The publication date a version carries: the one its ledger fixed, else today's run's. */
  private static LocalDate printedDate(Ledger.Entry entry, LocalDate date) {
    return entry != null && entry.publicationDate() != null ? entry.publicationDate() : date;
  }

  /**
   * Whether {@link #stage} would create (or find) a deposition for this case study before its
   * upload: it has none yet, and stage has work to do for it.
   */
  boolean lacksDeposit(CaseStudy cs, LocalDate date, String approvedDigest) {
    Found found = find(cs, date);
    return !found.deposited() && found.settled(approvedDigest).isEmpty();
  }

  /**
   * The deposit step of {@link #stage}, run ahead of it for a case study that {@link
   * #lacksDeposit}: the same search, create (or new version), clean-up of duplicate drafts and
   * ledger writes, so that the DOI its PDF prints is known and the PDF can be rendered ahead with
   * the others. Stage then finds the deposition in the ledger and reports what was done here as its
   * own outcome.
   *
   * @param renders where its PDF is handed as soon as Zenodo's answer gives its DOI
   * @throws Unresolved when a lost answer is not settled yet: stage's turn looks again, alongside
   *     the other case studies
   */
  void depositAhead(
      CaseStudy cs, LocalDate date, String approvedDigest, RenderedAhead.Renders renders)
      throws IOException, Unresolved {
    Found found = find(cs, date);
    if (found.deposited() || found.settled(approvedDigest).isPresent()) {
      return;
    }
    Deposited d = deposit(found, date);
    if (d.outcome() != StageOutcome.ALREADY_PUBLISHED) {
      depositedAhead.put(found.key(), d.outcome());
      // Its DOI is known from now on (the ledger, read again, holds it): the pool typesets it
      // while the next creates wait on Zenodo.
      pdfToStage(find(cs, date), approvedDigest).ifPresent(renders::ahead);
    }
  }

  /** An entry with its deposition, and what getting it counts as for stage. */
  private record Deposited(Ledger.Entry entry, StageOutcome outcome) {}

  /**
   * Makes the deposition of a version that has none (or finds the one Zenodo has already, by our
   * identifier or as the concept's open draft).
   */
  private Deposited deposit(Found found, LocalDate date) throws IOException, Unresolved {
    CaseStudy cs = found.cs();
    Ledger.Entry entry = found.entry();
    if (entry == null) {
      entry =
          save(
              cs,
              Ledger.Entry.start(found.version(), identifier(cs.slug(), found.version()), date));
    }
    Optional<Ledger.Entry> previous = found.ledger().publishedBefore(found.version());
    boolean resumed = entry.events().stream().anyMatch(e -> e.outcome() == Ledger.Outcome.STARTED);
    entry = ensureDeposit(cs, entry, previous, found.wanted(), found.hash());
    if (entry.phase().isPublished()) {
      // Another clone (or an earlier run whose ledger is gone) published this version already.
      return new Deposited(entry, StageOutcome.ALREADY_PUBLISHED);
    }
    return new Deposited(
        entry,
        resumed
            ? StageOutcome.RESUMED
            : previous.isPresent() ? StageOutcome.NEW_VERSION : StageOutcome.CREATED);
  }

  /**
   * Starts rendering ahead, on a pool of every core, the final PDFs that {@link #stage} will upload
   * for these case studies: at once those whose DOI is known already (their deposit exists: staged
   * before and changed since, or a run that stopped after creating it), and each of the others as
   * soon as {@link #depositAhead} has Zenodo's answer. Stage then takes each instead of rendering
   * it in its turn.
   *
   * @param approvedDigest the digest a case study's stage pins, by slug
   * @return the stage's renders, which {@link #depositAhead} hands the others to: close them when
   *     the stage returns or throws
   */
  RenderedAhead.Renders renderAhead(
      List<CaseStudy> studies, LocalDate date, Function<String, String> approvedDigest)
      throws IOException {
    List<RenderedAhead.Job> known = new ArrayList<>();
    int toRender = 0;
    for (CaseStudy cs : studies) {
      String digest = approvedDigest.apply(cs.slug());
      try {
        Found found = find(cs, date);
        if (found.settled(digest).isPresent()) {
          continue;
        }
        toRender++;
        pdfToStage(found, digest).ifPresent(known::add);
      } catch (RuntimeException e) {
        // Its turn meets the same problem and stops the run there, after the ones before it.
      }
    }
    return pdf.start(known, toRender, workspace.buildDir().resolve("stage").resolve(target.id()));
  }

  /**
   * The final PDF {@link #stage} would render now for a case study whose deposit exists, as {@code
   * found} in its ledger; empty when it has none yet, or stage would render nothing (published, or
   * staged as it is).
   */
  private Optional<RenderedAhead.Job> pdfToStage(Found found, String approvedDigest) {
    if (!found.deposited()
        || found.entry().reservedDoi() == null
        || found.settled(approvedDigest).isPresent()) {
      return Optional.empty();
    }
    Ledger.Entry entry = found.entry();
    return Optional.of(
        new RenderedAhead.Job(
            found.cs(), metadata, found.version(), entry.publicationDate(), entry.reservedDoi()));
  }

  /**
   * Stages one approved case study version: a deposition with the full metadata and our identifier,
   * the final PDF carrying the DOI it will get, uploaded and checksum-verified.
   *
   * @param date the publication date printed on the PDF and sent to Zenodo
   */
  StageOutcome stage(CaseStudy cs, LocalDate date, String approvedDigest)
      throws IOException, Unresolved {
    Found found = find(cs, date);
    Optional<StageOutcome> settled = found.settled(approvedDigest);
    if (settled.isPresent()) {
      return settled.get();
    }
    int version = found.version();
    Ledger ledger = found.ledger();
    ObjectNode wanted = found.wanted();
    String wantedHash = found.hash();
    Ledger.Entry entry = found.entry();
    StageOutcome outcome;
    StageOutcome ahead = depositedAhead.remove(found.key());
    if (!found.deposited()) {
      Deposited d = deposit(found, date);
      if (d.outcome() == StageOutcome.ALREADY_PUBLISHED) {
        return d.outcome();
      }
      entry = d.entry();
      outcome = d.outcome();
    } else if (ahead != null) {
      // Made by depositAhead in this run: its bucket link was read then.
      outcome = ahead;
    } else {
      outcome = entry.phase() == Ledger.Phase.STAGED ? StageOutcome.UPDATED : StageOutcome.RESUMED;
      if (!bucketsReadNow.containsKey(entry.depositId())) {
        // Read once anyway for its bucket link: another clone may have continued this same
        // deposition and published it meanwhile (a published bucket takes no file), or discarded
        // it as the twin of its own.
        Optional<Deposition> now = readIfThere(cs, entry.depositId());
        if (now.isEmpty()) {
          entry =
              log(
                  cs,
                  entry.withoutDeposit(),
                  Ledger.Step.CREATE,
                  Ledger.Outcome.NOT_FOUND,
                  "deposition " + entry.depositId() + " is gone from Zenodo; looked for again");
          entry = ensureDeposit(cs, entry, ledger.publishedBefore(version), wanted, wantedHash);
          if (entry.phase().isPublished()) {
            return StageOutcome.ALREADY_PUBLISHED;
          }
        } else if (now.get().published()) {
          adoptExisting(cs, entry, now.get());
          return StageOutcome.ALREADY_PUBLISHED;
        } else {
          now.get().bucketUrl().ifPresent(b -> bucketsReadNow.put(now.get().id(), b));
        }
      }
    }
    checkpoints.reached("deposit recorded");

    LocalDate publicationDate = entry.publicationDate();
    Path file = stagedPdf(cs, version);
    Files.createDirectories(file.getParent());
    pdf.render(cs, metadata, version, publicationDate, entry.reservedDoi(), file);
    String md5 = md5(file);
    if (!(entry.phase().atLeast(Ledger.Phase.UPLOADED)
        && entry.pdf() != null
        && md5.equals(entry.pdf().md5()))) {
      boolean newVersion = ledger.publishedBefore(version).isPresent();
      entry = upload(cs, entry, file, md5, newVersion);
    }
    checkpoints.reached("pdf uploaded");

    if (!wantedHash.equals(entry.metadataSha256())) {
      entry = log(cs, entry, Ledger.Step.UPDATE_METADATA, Ledger.Outcome.STARTED);
      client.update(entry.depositId(), wanted);
      entry =
          log(cs, entry.metadataSent(wantedHash), Ledger.Step.UPDATE_METADATA, Ledger.Outcome.DONE);
      checkpoints.reached("metadata updated");
    }
    log(cs, entry.staged(wantedHash, approvedDigest), Ledger.Step.STAGE, Ledger.Outcome.DONE);
    checkpoints.reached("staged");
    return outcome;
  }

  /**
   * Creates the deposition (or the new version's draft), or finds the one a lost answer made. While
   * a lost one may still show up in search, this throws {@link Unresolved} after each look: the
   * batch sets the case study aside and calls again.
   */
  private Ledger.Entry ensureDeposit(
      CaseStudy cs,
      Ledger.Entry entry,
      Optional<Ledger.Entry> previous,
      ObjectNode wanted,
      String wantedHash)
      throws IOException, Unresolved {
    Ledger.Step step = previous.isPresent() ? Ledger.Step.NEW_VERSION : Ledger.Step.CREATE;
    if (previous.isEmpty() && !entry.attempted(step)) {
      // Zenodo decides what exists: a writer's clone (or a ledger lost with a laptop) may have made
      // this version's deposition already; continue it rather than make a second one.
      Optional<Deposition> existing = findByIdentifier(entry.identifier());
      if (existing.isPresent()) {
        return adoptExisting(cs, entry, existing.get());
      }
    }
    if (entry.attempted(step)) {
      String key = waitKey(cs, entry, step);
      Optional<Deposition> lost = lookForLost(cs, entry, previous);
      if (lost.isPresent() && lost.get().published()) {
        looks.remove(key);
        return adoptExisting(cs, entry, lost.get());
      }
      if (lost.isPresent()) {
        looks.remove(key);
        return adopt(
            cs,
            entry,
            lost.get(),
            previous.isPresent() ? null : wantedHash,
            step,
            Ledger.Outcome.FOUND_AGAIN);
      }
      stillWaiting(
          cs,
          key,
          previous.isPresent()
              ? "Zenodo to show the new version's draft it may have made"
              : "Zenodo to show the deposition it may have created");
      // Searched for the whole bounded window inside this run: either the request never left, or
      // Zenodo made a draft it never indexed (LAUNCH.md section 1), which no search will show.
      // Creating again keeps the launch going; verify names the possible leftover to discard.
      entry = log(cs, entry, step, Ledger.Outcome.NOT_FOUND, NOT_FOUND_DETAIL);
    }
    entry = log(cs, entry, step, Ledger.Outcome.STARTED);
    checkpoints.reached(step.label() + " started");
    Deposition d;
    try {
      d =
          previous.isPresent()
              ? client.newVersion(previous.get().depositId())
              : client.create(wanted);
    } catch (OutcomeUnknownException e) {
      // Zenodo may have made it: look for it now and then, alongside the other case studies.
      return ensureDeposit(
          cs, log(cs, entry, step, Ledger.Outcome.ANSWER_LOST), previous, wanted, wantedHash);
    } catch (ZenodoException e) {
      if (previous.isPresent()
          && e.status() == 400
          && e.fieldErrors().stream().anyMatch(f -> f.field().startsWith("files"))) {
        // A draft of the new version is left over from an earlier attempt
        // (docs/zenodo.md#versions): use it.
        d =
            findDraftOfConcept(previous.get().deposit().conceptRecId(), cs)
                .orElseThrow(
                    () ->
                        new PublishException(
                            cs.slug()
                                + ": Zenodo says a draft of the next version exists, but it cannot be found. Discard it on"
                                + " Zenodo, then run the command again.",
                            false,
                            e));
      } else {
        throw e;
      }
    }
    checkpoints.reached(step.label() + " answered");
    return adopt(cs, entry, d, previous.isPresent() ? null : wantedHash, step, Ledger.Outcome.DONE);
  }

  static final String NOT_FOUND_DETAIL =
      "no deposition from the earlier request could be found; made anew (verify names any leftover)";

  /**
   * Takes a deposition found on Zenodo by this version's identifier into a ledger that did not know
   * it: an open draft is continued (its metadata and file are sent again by stage), a published one
   * is recorded as published, with the file Zenodo holds.
   */
  private Ledger.Entry adoptExisting(CaseStudy cs, Ledger.Entry entry, Deposition d) {
    Ledger.Entry adopted = deposited(entry, d, null);
    if (d.published()) {
      List<DepositFile> files = d.files();
      if (files.size() == 1) {
        DepositFile f = files.get(0);
        adopted = adopted.uploaded(new Ledger.UploadedPdf(f.filename(), f.md5(), f.filesize()));
      }
      adopted =
          adopted.published(new Ledger.Publication(d.doi(), d.conceptdoi(), recordUrl(d), null));
    }
    return log(
        cs,
        adopted,
        Ledger.Step.CREATE,
        Ledger.Outcome.ADOPTED,
        (d.published() ? "published deposition " : "draft ") + d.id() + " found on Zenodo");
  }

  private Ledger.Entry adopt(
      CaseStudy cs,
      Ledger.Entry entry,
      Deposition d,
      String sentHash,
      Ledger.Step step,
      Ledger.Outcome how) {
    return log(cs, deposited(entry, d, sentHash), step, how, "deposition " + d.id());
  }

  /** The entry with the deposition Zenodo returned; its bucket link was read in this run. */
  private Ledger.Entry deposited(Ledger.Entry entry, Deposition d, String sentHash) {
    d.bucketUrl().ifPresent(bucket -> bucketsReadNow.put(d.id(), bucket));
    return entry.deposited(
        new Ledger.Deposit(d.id(), d.conceptrecid(), d.bucketUrl().orElse(null), reservedDoi(d)),
        sentHash);
  }

  /**
   * The record's page as the ledger keeps it. A local record's page is a path, which the board and
   * {@code local-zenodo} answer on whatever port they run: the embedded server's port of this run
   * is gone when the command ends.
   */
  private String recordUrl(Deposition d) {
    if (target == TargetKind.LOCAL) {
      return LocalRecords.recordPath(d.id());
    }
    return d.link("html").orElse(d.link("record_html").orElse(null));
  }

  /**
   * Looks once for a deposition whose creation answer was lost: by our identifier for a first
   * version, as the concept's open draft for a later one. Should a lost answer have been followed
   * by a second create, every extra draft carrying our identifier is deleted, keeping the oldest:
   * one deposition per version.
   */
  private Optional<Deposition> lookForLost(
      CaseStudy cs, Ledger.Entry entry, Optional<Ledger.Entry> previous) throws IOException {
    return previous.isPresent()
        ? findDraftOfConcept(previous.get().deposit().conceptRecId(), cs)
        : findByIdentifier(entry.identifier());
  }

  private static String waitKey(CaseStudy cs, Ledger.Entry entry, Ledger.Step step) {
    return cs.slug() + " v" + entry.version() + " " + step.label();
  }

  /**
   * Counts one more look at an unresolved step. While its bound lasts this throws {@link
   * Unresolved}, so the batch sets the case study aside and comes back; once the bound is spent it
   * returns, and the caller acts on what it knows.
   */
  private void stillWaiting(CaseStudy cs, String key, String waitingFor) throws Unresolved {
    Instant now = clock.instant();
    Look look =
        looks.merge(key, new Look(now, 1), (was, one) -> new Look(was.since(), was.count() + 1));
    Duration elapsed = Duration.between(look.since(), now);
    if (elapsed.compareTo(WAIT_BOUND) >= 0 || look.count() >= MAX_LOOKS) {
      looks.remove(key);
      return;
    }
    throw new Unresolved(new Progress.Wait(cs.slug(), waitingFor, elapsed, WAIT_BOUND));
  }

  /**
   * Zenodo stayed unavailable for one case study's step even after the client's retries (a 5xx, a
   * network failure): like a lost answer, the case study waits alongside the others for the bound,
   * each try a rerun of its step (every step is safe to run again). Returns when the bound is
   * spent: the caller then reports the failure.
   */
  void unavailable(CaseStudy cs, String step, IOException failure) throws Unresolved {
    stillWaiting(
        cs,
        cs.slug() + " " + step + " unavailable",
        "Zenodo to answer again ("
            + (failure instanceof ZenodoException z ? "it answered " + z.status() : "no answer")
            + ")");
  }

  /** The step of a case study went through: its wait for Zenodo to answer again is over. */
  void available(CaseStudy cs, String step) {
    looks.remove(cs.slug() + " " + step + " unavailable");
  }

  Batch batch(Progress progress) {
    return new Batch(clock, sleeper, progress, WAIT_PAUSE);
  }

  private Optional<Deposition> findByIdentifier(String identifier) throws IOException {
    List<Deposition> hits = new ArrayList<>(carrying(identifier));
    hits.sort(Comparator.comparingLong(Deposition::id));
    for (int i = 1; i < hits.size(); i++) {
      if (!hits.get(i).published()) {
        client.delete(hits.get(i).id());
      }
    }
    return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
  }

  /**
   * The depositions that carry {@code identifier}: the client's field-scoped search (LAUNCH.md
   * section 1; an unfielded phrase falls back to default fields), re-checked exactly.
   */
  private List<Deposition> carrying(String identifier) throws IOException {
    return client.depositionsWithAlternateIdentifier(identifier);
  }

  /**
   * The open draft of a concept's next version. Search lags, so a hit is adopted only after a fresh
   * read shows it is still an unpublished draft and none of the versions this ledger has published:
   * a lagging index can still list v1 as a draft after it was published.
   */
  private Optional<Deposition> findDraftOfConcept(String conceptRecId, CaseStudy cs)
      throws IOException {
    java.util.Set<Long> published = new java.util.HashSet<>();
    for (Ledger.Entry e : ledgers.read(cs.slug()).versions().values()) {
      if (e.phase().atLeast(Ledger.Phase.PUBLISHING) && e.depositId() != null) {
        published.add(e.depositId());
      }
    }
    for (Deposition hit :
        client.list(
            DepositionQuery.of("conceptrecid:" + conceptRecId).withAllVersions().page(1, 100))) {
      if (hit.state() != DepositionState.UNSUBMITTED || published.contains(hit.id())) {
        continue;
      }
      Deposition now = client.get(hit.id());
      if (!now.published()
          && now.state() == DepositionState.UNSUBMITTED
          && conceptRecId.equals(now.conceptrecid())) {
        return Optional.of(now);
      }
    }
    return Optional.empty();
  }

  /**
   * Uploads the PDF under the case study's key; the bucket replaces a file of the same key. A new
   * version inherits the previous version's files, so there any other file is removed first.
   */
  private Ledger.Entry upload(
      CaseStudy cs, Ledger.Entry entry, Path file, String md5, boolean removeOthers)
      throws IOException {
    entry = log(cs, entry, Ledger.Step.UPLOAD, Ledger.Outcome.STARTED);
    String key = fileKey(cs);
    if (removeOthers) {
      for (DepositFile f : client.files(entry.depositId())) {
        if (!f.filename().equals(key)) {
          client.deleteFile(entry.depositId(), f.id());
        }
      }
    }
    // The bucket link names a server address (on local, the port of the run that made it), so a
    // link from an earlier run is read again from the deposition rather than trusted.
    String bucket = bucketsReadNow.get(entry.depositId());
    if (bucket == null) {
      bucket =
          readOwn(cs, entry.depositId())
              .bucketUrl()
              .orElseThrow(
                  () ->
                      new PublishException(
                          cs.slug()
                              + ": Zenodo gave the deposition no file bucket; try again later.",
                          true,
                          null));
    }
    client.upload(bucket, key, file);
    return log(
        cs,
        entry.uploaded(new Ledger.UploadedPdf(key, md5, Files.size(file))),
        Ledger.Step.UPLOAD,
        Ledger.Outcome.DONE,
        "checksum verified");
  }

  // ---------------------------------------------------------------- release

  /**
   * Checks every case study of the batch before anything is published. Returns one problem (with
   * its fix) per blocked case study; the others are added to {@code ready}.
   */
  List<String> preflight(List<CaseStudy> batch, List<ReadyToPublish> ready) throws IOException {
    List<String> problems = new ArrayList<>();
    for (CaseStudy cs : batch) {
      StatusFile status = statuses.of(cs.slug());
      WorkingVersion working = working(cs.slug());
      Ledger.Entry entry = ledgers.read(cs.slug()).version(working.number()).orElse(null);
      if (entry == null || !entry.phase().atLeast(Ledger.Phase.STAGED)) {
        problems.add(
            cs.slug()
                + ": not staged on "
                + target
                + " (run ./casepress stage "
                + cs.slug()
                + " --target "
                + target
                + ").");
        continue;
      }
      if (entry.phase() == Ledger.Phase.VERIFIED) {
        ready.add(new ReadyToPublish(cs, entry, true, null));
        continue;
      }
      if (entry.phase() == Ledger.Phase.PUBLISHED) {
        // Published, but the run stopped before the record was read back: verify it now.
        ready.add(new ReadyToPublish(cs, entry, false, null));
        continue;
      }
      String digest = statuses.digest(cs.slug());
      if (!digest.equals(entry.stagedDigest())
          || !digest.equals(working.digestToStage(status, digest))) {
        problems.add(
            cs.slug()
                + (working.rehearsal()
                    ? ": its files changed since version "
                        + working.number()
                        + " was staged on "
                        + target
                        + ". Stage it again."
                    : ": its files changed since they were approved and staged. Re-approve it, then stage it again."));
        continue;
      }
      String wanted = sha256(depositMetadata(cs, working.number(), entry.publicationDate()));
      if (!wanted.equals(entry.metadataSha256())) {
        problems.add(
            cs.slug()
                + ": its metadata (people, organisations or community) changed since staging. Stage it again.");
        continue;
      }
      Deposition d;
      try {
        d = readOwn(cs, entry.depositId());
      } catch (ZenodoException e) {
        if (e.status() == 404) {
          problems.add(
              cs.slug()
                  + ": the staged draft "
                  + entry.depositId()
                  + " is gone from Zenodo. Run ./casepress unstage "
                  + cs.slug()
                  + " --target "
                  + target
                  + ", then stage it again.");
          continue;
        }
        throw e;
      }
      if (d.published()) {
        // An earlier run's publish went through although its answer was lost.
        ready.add(new ReadyToPublish(cs, entry, false, d));
        continue;
      }
      List<DepositFile> files = d.files();
      if (files.size() != 1 || !files.get(0).md5().equals(entry.pdfMd5())) {
        problems.add(
            cs.slug()
                + ": the files of draft "
                + d.id()
                + " are not the staged PDF (someone changed them on Zenodo). Stage it again.");
        continue;
      }
      if (!d.carriesAlternateIdentifier(entry.identifier())) {
        problems.add(
            cs.slug()
                + ": the metadata of draft "
                + d.id()
                + " was changed on Zenodo. Stage it again.");
        continue;
      }
      ready.add(new ReadyToPublish(cs, entry, false, d));
    }
    return problems;
  }

  /**
   * Whether Zenodo's rate limit leaves room to publish {@code publishes} versions (a publish and a
   * read back each); empty when it does, else what to do.
   */
  Optional<String> budgetProblem(int publishes) {
    int needed = 2 * publishes;
    List<String> problems = new ArrayList<>();
    client
        .lastRateLimit()
        .filter(r -> r.remainingBudget().isPresent())
        .ifPresent(
            r -> {
              if (r.remainingBudget().getAsInt() < needed) {
                problems.add(
                    "Zenodo's rate limit leaves "
                        + r.remainingBudget().getAsInt()
                        + " requests, and releasing needs "
                        + needed
                        + ". Wait until "
                        + r.resetAt().map(Object::toString).orElse("the limit resets")
                        + " and run the command again.");
              }
            });
    return problems.stream().findFirst();
  }

  /**
   * Publishes one staged version, never twice: a publish is sent only when Zenodo was just seen not
   * to have published it (by the preflight, or by a read after a lost answer).
   */
  Released publish(ReadyToPublish ready) throws IOException, Unresolved {
    CaseStudy cs = ready.caseStudy();
    Ledger.Entry entry = ledgers.read(cs.slug()).version(ready.entry().version()).orElseThrow();
    if (!entry.phase().isPublished()) {
      Deposition d = ready.onZenodo();
      if (entry.phase() == Ledger.Phase.PUBLISHING) {
        // A publish was sent (by this run or an earlier one) and its answer lost: it may still be
        // running on Zenodo.
        d = readBack(cs, entry);
      } else if (d == null) {
        d = client.get(entry.depositId());
      }
      Optional<Ledger.Entry> another =
          d.published() || entry.phase() == Ledger.Phase.PUBLISHING
              ? Optional.empty()
              : anotherDeposition(cs, entry);
      if (another.isPresent()) {
        return publish(new ReadyToPublish(cs, another.get(), false, null));
      }
      if (!d.published()) {
        entry =
            log(
                cs,
                entry.phase(Ledger.Phase.PUBLISHING),
                Ledger.Step.PUBLISH,
                Ledger.Outcome.STARTED);
        checkpoints.reached("publish started");
        try {
          d = client.publish(entry.depositId());
        } catch (ZenodoException e) {
          // Another clone that continues this same deposition may have published it just now.
          Deposition now = e.status() == 404 ? client.get(entry.depositId()) : null;
          if (now == null || !now.published()) {
            throw e;
          }
          d = now;
        } catch (OutcomeUnknownException e) {
          entry = log(cs, entry, Ledger.Step.PUBLISH, Ledger.Outcome.ANSWER_LOST);
          d = readBack(cs, entry);
          if (!d.published()) {
            // Read for the whole bounded time and never published: now it is safe to ask again.
            entry = log(cs, entry, Ledger.Step.PUBLISH, Ledger.Outcome.STARTED);
            d = client.publish(entry.depositId());
          }
        }
        checkpoints.reached("publish answered");
      }
      String recordUrl = recordUrl(d);
      entry =
          log(
              cs,
              entry.published(new Ledger.Publication(d.doi(), d.conceptdoi(), recordUrl, null)),
              Ledger.Step.PUBLISH,
              Ledger.Outcome.DONE,
              d.doi());
      checkpoints.reached("published recorded");
    }
    if (entry.phase() != Ledger.Phase.VERIFIED) {
      entry = verify(cs, entry);
    }
    return released(cs, entry);
  }

  /**
   * Two clones releasing at once can each make a deposition of the same first version: search shows
   * a new draft only after a lag, so neither saw the other's when it looked before creating. Only
   * one may be published, and both clones must agree which without talking to each other: the
   * lowest id carrying the version's identifier, decided once search shows our own deposition (so
   * it also shows every one made before it). Returns the entry to publish instead of ours, if any:
   * another clone's published deposition (recorded as ours, our draft discarded), or, when the
   * clone that made a lower one has not published it within the bound, that one, to be continued.
   */
  private Optional<Ledger.Entry> anotherDeposition(CaseStudy cs, Ledger.Entry entry)
      throws IOException, Unresolved {
    if (ledgers.read(cs.slug()).publishedBefore(entry.version()).isPresent()) {
      return Optional.empty(); // a new version's draft belongs to its concept: it has no twin
    }
    long ours = entry.depositId();
    List<Deposition> carrying = new ArrayList<>(carrying(entry.identifier()));
    carrying.sort(Comparator.comparingLong(Deposition::id));
    String key = waitKey(cs, entry, Ledger.Step.PUBLISH) + " twin";
    Optional<Deposition> published =
        carrying.stream().filter(d -> d.id() != ours && d.published()).findFirst();
    if (published.isPresent()) {
      looks.remove(key);
      discard(ours);
      return Optional.of(adoptExisting(cs, entry, published.get()));
    }
    Optional<Deposition> lower = carrying.stream().filter(d -> d.id() < ours).findFirst();
    if (lower.isPresent()) {
      stillWaiting(
          cs,
          key,
          "the other clone to publish deposition "
              + lower.get().id()
              + ", made for this version before ours ("
              + ours
              + "): only one is published");
      discard(ours);
      adoptExisting(cs, entry, lower.get());
      throw new PublishException(
          cs.slug()
              + ": another clone of this workspace staged this version as deposition "
              + lower.get().id()
              + " and has not published it; casepress now continues that one. Run the release"
              + " again"
              + (target.rehearses() ? "" : " after staging it again")
              + ".",
          true,
          null);
    }
    if (carrying.stream().noneMatch(d -> d.id() == ours)) {
      // Until search shows ours it may not show another made just before it either.
      stillWaiting(
          cs,
          key,
          "Zenodo's search to show deposition "
              + ours
              + ", so that no other clone's deposition of this version is missed");
    }
    looks.remove(key);
    return Optional.empty();
  }

  /** Deletes our own unpublished draft that another deposition of the same version replaces. */
  private void discard(long ours) throws IOException {
    try {
      client.delete(ours);
    } catch (ZenodoException e) {
      if (e.status() != 404 && e.status() != 403) {
        throw e;
      }
    }
  }

  /**
   * Reads once a deposition whose publish answer was lost. While it does not show as published and
   * the bound lasts, this throws {@link Unresolved}; once the bound is spent it returns the
   * deposition as read, unpublished, and the publish may be sent again. A read that fails meanwhile
   * counts as "not yet".
   */
  private Deposition readBack(CaseStudy cs, Ledger.Entry entry) throws IOException, Unresolved {
    String key = waitKey(cs, entry, Ledger.Step.PUBLISH);
    Deposition d = null;
    try {
      d = client.get(entry.depositId());
      if (d.published()) {
        looks.remove(key);
        return d;
      }
    } catch (ZenodoException e) {
      if (e.status() < 500) {
        throw e;
      }
      // Zenodo is still busy; look again after the pause.
    }
    stillWaiting(cs, key, "Zenodo to show whether it published deposition " + entry.depositId());
    return d != null ? d : client.get(entry.depositId());
  }

  /** Reads an unpublished deposition this ledger recorded; empty when Zenodo no longer has it. */
  private Optional<Deposition> readIfThere(CaseStudy cs, long id) throws IOException {
    try {
      return Optional.of(readOwn(cs, id));
    } catch (ZenodoException e) {
      if (e.status() == 404 || e.status() == 410) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Reads a deposition this ledger recorded. Drafts are private to the account that created them
   * (LAUNCH.md section 6), so a 403 here almost always means another account's token, not a bad
   * one: say so, with the way out.
   */
  private Deposition readOwn(CaseStudy cs, long id) throws IOException {
    try {
      return client.get(id);
    } catch (ZenodoException e) {
      if (e.status() == 403) {
        throw new PublishException(
            cs.slug()
                + ": Zenodo does not let this token see deposition "
                + id
                + " on "
                + target
                + ". It was most likely staged with another Zenodo account (drafts are private to"
                + " the account that made them). Run the command with the token of the account"
                + " that staged it, or ask that person to run it.",
            false,
            e);
      }
      throw e;
    }
  }

  /** Reads the published record back and compares it with what was staged. */
  Ledger.Entry verify(CaseStudy cs, Ledger.Entry entry) throws IOException {
    PublishedRecord record = client.record(entry.depositId());
    List<String> wrong = new ArrayList<>();
    if (record.files().size() != 1 || !record.files().get(0).md5().equals(entry.pdfMd5())) {
      wrong.add("its file is not the staged PDF");
    }
    if (!ZenodoText.same(cs.title(), record.title())
        && !ZenodoText.same(cs.title(), record.metadata().path("title").asText())) {
      wrong.add("its title is '" + record.title() + "'");
    }
    if (entry.doi() != null && record.doi() != null && !entry.doi().equals(record.doi())) {
      wrong.add("its DOI is " + record.doi());
    }
    if (!wrong.isEmpty()) {
      // Published is irreversible: record the difference and warn, never stop the batch here.
      String warning =
          cs.slug()
              + ": the published record "
              + entry.depositId()
              + " differs from what was staged: "
              + String.join("; ", wrong)
              + ". Check it on Zenodo (a new version corrects it).";
      warnings.add(warning);
    }
    CommunityState community = communities.ask(cs.slug(), entry.depositId(), record, warnings);
    entry =
        log(
            cs,
            entry.verified(community),
            Ledger.Step.VERIFY,
            wrong.isEmpty() ? Ledger.Outcome.RECORD_MATCHES : Ledger.Outcome.DIFFERS,
            (wrong.isEmpty() ? "" : String.join("; ", wrong) + "; ")
                + "community "
                + community.inclusion().id());
    int removed = entry.lostAnAnswer() ? removeOrphans(entry) : 0;
    if (removed > 0) {
      entry =
          log(
              cs,
              entry,
              Ledger.Step.CLEAN_UP,
              Ledger.Outcome.DELETED,
              removed + " unpublished duplicate draft(s) carrying our identifier");
    }
    return entry;
  }

  /**
   * Accepts the open inclusion requests of this case study's published versions, as a curator of
   * the community, and records the inclusion.
   *
   * @return how many requests were accepted
   */
  int acceptInclusion(CaseStudy cs) throws IOException {
    int accepted = 0;
    for (Ledger.Entry e : ledgers.read(cs.slug()).versions().values()) {
      if (e.phase().isPublished()) {
        accepted += communities.acceptOpen(e.depositId());
      }
    }
    refreshCommunities(cs);
    return accepted;
  }

  /**
   * Reads the community state of every published version again and records it with the time it was
   * read; a change goes into the step log too. Asks Zenodo for nothing.
   */
  void refreshCommunities(CaseStudy cs) throws IOException {
    for (Ledger.Entry e : ledgers.read(cs.slug()).versions().values()) {
      if (!e.phase().isPublished()) {
        continue;
      }
      CommunityState now = communities.read(e.depositId(), client.record(e.depositId()));
      Ledger.Entry read = e.community(now);
      if (now.sameAs(e.publication().community())) {
        save(cs, read);
      } else {
        log(cs, read, Ledger.Step.VERIFY, Ledger.Outcome.DONE, "community " + now.inclusion().id());
      }
    }
  }

  /**
   * Deletes drafts that carry this version's identifier but are not the one published: left by a
   * create whose answer was lost and that search showed only after the next create was made.
   */
  int removeOrphans(Ledger.Entry entry) throws IOException {
    int removed = 0;
    for (Deposition d : carrying(entry.identifier())) {
      if (d.id() != entry.depositId() && !d.published()) {
        client.delete(d.id());
        removed++;
      }
    }
    return removed;
  }

  /**
   * Compares every version the ledger says is published with the record on Zenodo, and looks for
   * drafts carrying our identifiers that the ledger does not know. Changes nothing.
   *
   * @return one line per discrepancy; empty when all is as recorded
   */
  List<String> audit(CaseStudy cs) throws IOException {
    List<String> found = new ArrayList<>();
    Ledger ledger = ledgers.read(cs.slug());
    java.util.Set<Long> known = new java.util.HashSet<>();
    ledger.versions().values().stream()
        .filter(e -> e.depositId() != null)
        .forEach(e -> known.add(e.depositId()));
    for (Ledger.Entry e : ledger.versions().values()) {
      if (e.phase().isPublished()) {
        PublishedRecord record = client.record(e.depositId());
        if (record.files().size() != 1 || !record.files().get(0).md5().equals(e.pdfMd5())) {
          found.add(
              cs.slug()
                  + " v"
                  + e.version()
                  + ": the file of record "
                  + e.depositId()
                  + " is not the PDF that was staged.");
        }
        if (e.doi() != null && !e.doi().equals(record.doi())) {
          found.add(
              cs.slug()
                  + " v"
                  + e.version()
                  + ": record "
                  + e.depositId()
                  + " has DOI "
                  + record.doi()
                  + ", the ledger "
                  + e.doi()
                  + ".");
        }
      }
      for (Deposition d : carrying(e.identifier())) {
        if (e.depositId() == null || d.id() != e.depositId()) {
          found.add(
              cs.slug()
                  + " v"
                  + e.version()
                  + ": deposition "
                  + d.id()
                  + " carries our identifier but is not in the"
                  + " ledger ("
                  + (d.published() ? "published" : "an orphan draft: delete it on Zenodo")
                  + ").");
          known.add(d.id());
        }
      }
      long lostCreates = e.lostCreatesMadeAgain();
      if (lostCreates > 0) {
        for (Deposition d : new Leftovers(client).of(cs, e, known, lostCreates)) {
          found.add(Leftovers.describe(cs, e, d));
          known.add(d.id());
        }
      }
    }
    return found;
  }

  Released released(CaseStudy cs, Ledger.Entry e) {
    Ledger.Publication p = e.publication();
    return new Released(
        cs,
        e.version(),
        e.publicationDate(),
        p.doi(),
        p.conceptDoi(),
        target == TargetKind.LOCAL ? Website.of(target).record(e.depositId()) : p.recordUrl(),
        p.community() == null ? CommunityState.UNREAD : p.community());
  }

  // ---------------------------------------------------------------- unstage

  /** Discards the staged (unpublished) draft of the current version and forgets it. */
  boolean unstage(CaseStudy cs) throws IOException {
    int version = version(cs.slug());
    Ledger ledger = ledgers.read(cs.slug());
    Optional<Ledger.Entry> entry = ledger.version(version);
    if (entry.isEmpty()) {
      return false;
    }
    if (entry.get().phase().atLeast(Ledger.Phase.PUBLISHING)) {
      throw PublishException.problem(
          cs.slug()
              + ": version "
              + version
              + " is published (or being published) on "
              + target
              + "; a published record cannot be unstaged.");
    }
    if (entry.get().depositId() != null) {
      try {
        client.delete(entry.get().depositId());
      } catch (ZenodoException e) {
        if (e.status() != 404) {
          throw e;
        }
      }
    }
    ledgers.write(cs.slug(), ledger.without(version));
    return true;
  }
}
