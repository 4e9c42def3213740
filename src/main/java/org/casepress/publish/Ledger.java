package org.casepress.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What casepress has done on one target for one case study, version by version. Every remote step
 * is written here before it is attempted and again when it is done, so that a rerun after any
 * failure or crash knows where to continue and never creates or publishes twice. Stored as
 * described in docs/status-json.md (by {@link LedgerStores}).
 *
 * @param versions by version number
 */
public record Ledger(Map<Integer, Entry> versions) {

  public Ledger {
    versions = Collections.unmodifiableMap(new TreeMap<>(versions));
  }

  public static Ledger empty() {
    return new Ledger(Map.of());
  }

  public Optional<Entry> version(int version) {
    return Optional.ofNullable(versions.get(version));
  }

  public Ledger with(Entry entry) {
    Map<Integer, Entry> changed = new TreeMap<>(versions);
    changed.put(entry.version(), entry);
    return new Ledger(changed);
  }

  public Ledger without(int version) {
    Map<Integer, Entry> changed = new TreeMap<>(versions);
    changed.remove(version);
    return new Ledger(changed);
  }

  /** The latest version published on this target before {@code version}, if any. */
  public Optional<Entry> publishedBefore(int version) {
    Entry found = null;
    for (Entry e : versions.values()) {
      if (e.version() < version && e.phase().isPublished()) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  /** How far a case study version has come on a target. Order matters: later is further. */
  public enum Phase {
    /** A create or newversion request was sent; its answer may have been lost. */
    CREATING,
    /** The deposition exists and its id is known. */
    CREATED,
    /** The final PDF (carrying the reserved DOI) is uploaded and its checksum verified. */
    UPLOADED,
    /** Metadata, file and community are all in place: ready to release. */
    STAGED,
    /** A publish request was sent; its answer may have been lost. */
    PUBLISHING,
    /** Zenodo says it is published; DOI and concept DOI recorded. */
    PUBLISHED,
    /** The published record was read back and matches what was staged. */
    VERIFIED;

    public boolean isPublished() {
      return this == PUBLISHED || this == VERIFIED;
    }

    public boolean atLeast(Phase other) {
      return compareTo(other) >= 0;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The deposition on Zenodo.
   *
   * @param conceptRecId the id shared by all versions of the record
   * @param bucketUrl where files are uploaded
   * @param reservedDoi the DOI printed on the PDF: the one Zenodo will mint on publishing
   */
  public record Deposit(long id, String conceptRecId, String bucketUrl, String reservedDoi) {}

  /**
   * The final PDF as uploaded.
   *
   * @param md5 as verified against Zenodo's checksum
   */
  public record UploadedPdf(String file, String md5, long size) {}

  /**
   * The published record.
   *
   * @param recordUrl the record's page on Zenodo; on the local target its path ({@code
   *     /records/ID}), which the board and {@code local-zenodo} answer on any port
   * @param community whether the community took it in, with the request and when it was read; null
   *     until the record was read back
   */
  public record Publication(
      String doi, String conceptDoi, String recordUrl, CommunityState community) {}

  /**
   * One case study version on one target.
   *
   * @param identifier our stable identifier, sent as an alternate identifier so that a deposition
   *     whose creation answer was lost can be found again
   * @param publicationDate the date printed on the PDF and sent to Zenodo
   * @param deposit the deposition, once its id is known
   * @param metadataSha256 a hash of the deposit metadata last sent, to see later changes
   * @param pdf the uploaded PDF, once uploaded
   * @param stagedDigest the approved content digest that was staged
   * @param publication the record, once published
   * @param events the step log: each step started and finished, with UTC times
   */
  public record Entry(
      int version,
      Phase phase,
      String identifier,
      LocalDate publicationDate,
      Deposit deposit,
      String metadataSha256,
      UploadedPdf pdf,
      String stagedDigest,
      Publication publication,
      List<Event> events) {

    public Entry {
      events = events == null ? List.of() : List.copyOf(events);
    }

    static Entry start(int version, String identifier, LocalDate date) {
      return new Entry(
          version, Phase.CREATING, identifier, date, null, null, null, null, null, List.of());
    }

    /** The deposition id, or null before it is known. */
    public Long depositId() {
      return deposit == null ? null : deposit.id();
    }

    /** The DOI the PDF carries, or null before the deposition exists. */
    public String reservedDoi() {
      return deposit == null ? null : deposit.reservedDoi();
    }

    /** The minted DOI, or null before publishing. */
    public String doi() {
      return publication == null ? null : publication.doi();
    }

    public String conceptDoi() {
      return publication == null ? null : publication.conceptDoi();
    }

    /** The MD5 of the uploaded PDF, or null before the upload. */
    public String pdfMd5() {
      return pdf == null ? null : pdf.md5();
    }

    /** Whether an earlier run sent {@code step} (its outcome may have been lost). */
    boolean attempted(Step step) {
      return events.stream().anyMatch(e -> e.step() == step && e.outcome() == Outcome.STARTED);
    }

    /** Whether some answer was lost on the way here, so that a duplicate may have been made. */
    boolean lostAnAnswer() {
      return events.stream()
          .anyMatch(e -> e.outcome() == Outcome.ANSWER_LOST || e.outcome() == Outcome.NOT_FOUND);
    }

    Entry log(Instant time, Step step, Outcome outcome, String detail) {
      List<Event> longer = new ArrayList<>(events);
      longer.add(new Event(time.truncatedTo(ChronoUnit.SECONDS), step, outcome, detail));
      return with(phase, deposit, metadataSha256, pdf, stagedDigest, publication, longer);
    }

    Entry phase(Phase p) {
      return with(p, deposit, metadataSha256, pdf, stagedDigest, publication, events);
    }

    /** The entry without its deposition (gone from Zenodo), its history kept. */
    Entry withoutDeposit() {
      return with(Phase.CREATING, null, null, null, null, null, events);
    }

    Entry deposited(Deposit d, String sentMetadata) {
      return with(Phase.CREATED, d, sentMetadata, pdf, stagedDigest, publication, events);
    }

    Entry metadataSent(String hash) {
      return with(phase, deposit, hash, pdf, stagedDigest, publication, events);
    }

    Entry uploaded(UploadedPdf uploaded) {
      return with(
          Phase.UPLOADED, deposit, metadataSha256, uploaded, stagedDigest, publication, events);
    }

    Entry staged(String metadataHash, String digest) {
      return with(Phase.STAGED, deposit, metadataHash, pdf, digest, publication, events);
    }

    Entry published(Publication p) {
      return with(Phase.PUBLISHED, deposit, metadataSha256, pdf, stagedDigest, p, events);
    }

    Entry verified(CommunityState community) {
      return community(community).phase(Phase.VERIFIED);
    }

    /** The community state read again; the phase stays. */
    Entry community(CommunityState community) {
      Publication p =
          new Publication(
              publication.doi(), publication.conceptDoi(), publication.recordUrl(), community);
      return with(phase, deposit, metadataSha256, pdf, stagedDigest, p, events);
    }

    /** The record's page moved (a local record's link without the port of an old run). */
    Entry recordAt(String recordUrl) {
      Publication p =
          new Publication(
              publication.doi(), publication.conceptDoi(), recordUrl, publication.community());
      return with(phase, deposit, metadataSha256, pdf, stagedDigest, p, events);
    }

    /** A copy with what a step may change; version, identifier and date never change. */
    private Entry with(
        Phase phase,
        Deposit deposit,
        String metadataSha256,
        UploadedPdf pdf,
        String stagedDigest,
        Publication publication,
        List<Event> events) {
      return new Entry(
          version,
          phase,
          identifier,
          publicationDate,
          deposit,
          metadataSha256,
          pdf,
          stagedDigest,
          publication,
          events);
    }
  }

  /** The remote steps the log records. */
  public enum Step {
    CREATE("create"),
    NEW_VERSION("new version"),
    UPLOAD("upload"),
    UPDATE_METADATA("update metadata"),
    STAGE("stage"),
    PUBLISH("publish"),
    VERIFY("verify"),
    CLEAN_UP("clean up");

    private final String label;

    Step(String label) {
      this.label = label;
    }

    /** As written in the log. */
    public String label() {
      return label;
    }

    static Optional<Step> parse(String label) {
      return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
  }

  /** How a step went, as far as this run knows. */
  public enum Outcome {
    STARTED("started"),
    DONE("done"),
    /** The request went out, but no answer came back: Zenodo may or may not have done it. */
    ANSWER_LOST("answer lost"),
    /** A deposition made by a request whose answer was lost, found by searching. */
    FOUND_AGAIN("found again"),
    /** A deposition this ledger did not know, found on Zenodo by our identifier, and taken in. */
    ADOPTED("adopted"),
    /** A lost create stayed invisible for the whole window: it is taken never to have happened. */
    NOT_FOUND("not found"),
    /** The published record was read back and matches what was staged. */
    RECORD_MATCHES("record matches"),
    /** The published record differs from what was staged (a warning: publishing is final). */
    DIFFERS("differs"),
    /** Duplicate drafts a lost answer left were deleted. */
    DELETED("deleted");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /**
     * The outcome a logged text starts with; the rest (after ": ", ", " or "; ") is its detail.
     * Older casepress wrote e.g. "done, checksum verified" and "record matches; community
     * accepted", which read the same way.
     */
    static Optional<Outcome> parseStart(String text) {
      return Arrays.stream(values())
          .filter(
              o ->
                  text.equals(o.label)
                      || text.startsWith(o.label + ":")
                      || text.startsWith(o.label + ",")
                      || text.startsWith(o.label + ";")
                      || text.startsWith(o.label + " "))
          .findFirst();
    }
  }

  /**
   * One line of the step log.
   *
   * @param detail what else is worth knowing (a deposition id, a DOI), or null
   */
  public record Event(Instant time, Step step, Outcome outcome, String detail) {
    /** The outcome as written in the log, e.g. "found again: deposition 12". */
    public String outcomeText() {
      return detail == null ? outcome.label() : outcome.label() + ": " + detail;
    }
  }
}
