package org.casepress.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What casepress has done on one target for one case study, version by version. Every remote step
 * is written here before it is attempted and again when it is done, so that a rerun after any
 * failure or crash knows where to continue and never creates or publishes twice.
 *
 * @param versions by version number
 */
public record Ledger(Map<Integer, Entry> versions) {

  public Ledger {
    versions = java.util.Collections.unmodifiableMap(new TreeMap<>(versions));
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
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One case study version on one target.
   *
   * @param identifier our stable identifier, sent as an alternate identifier so that a deposition
   *     whose creation answer was lost can be found again
   * @param depositId the Zenodo deposition id, once known
   * @param reservedDoi the DOI printed on the PDF: the one Zenodo will mint on publishing
   * @param pdfMd5 the MD5 of the uploaded PDF, as verified against Zenodo's checksum
   * @param metadataSha256 a hash of the deposit metadata sent, to see later changes
   * @param stagedDigest the approved content digest that was staged
   * @param publicationDate the date printed on the PDF and sent to Zenodo (YYYY-MM-DD)
   * @param community ACCEPTED or PENDING after publishing
   * @param events the step log: each step started and finished, with UTC times
   */
  @JsonPropertyOrder({
    "version",
    "phase",
    "identifier",
    "deposit_id",
    "concept_rec_id",
    "bucket_url",
    "reserved_doi",
    "pdf_file",
    "pdf_md5",
    "pdf_size",
    "metadata_sha256",
    "staged_digest",
    "publication_date",
    "doi",
    "concept_doi",
    "record_url",
    "community",
    "events"
  })
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(
      int version,
      Phase phase,
      String identifier,
      Long depositId,
      String conceptRecId,
      String bucketUrl,
      String reservedDoi,
      String pdfFile,
      String pdfMd5,
      Long pdfSize,
      String metadataSha256,
      String stagedDigest,
      String publicationDate,
      String doi,
      String conceptDoi,
      String recordUrl,
      String community,
      List<Event> events) {

    public Entry {
      events = events == null ? List.of() : List.copyOf(events);
    }

    public static Entry start(int version, String identifier) {
      return new Entry(
          version,
          Phase.CREATING,
          identifier,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          List.of());
    }

    Entry log(Instant time, String step, String outcome) {
      List<Event> longer = new ArrayList<>(events);
      longer.add(
          new Event(
              time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), step, outcome));
      return new Entry(
          version,
          phase,
          identifier,
          depositId,
          conceptRecId,
          bucketUrl,
          reservedDoi,
          pdfFile,
          pdfMd5,
          pdfSize,
          metadataSha256,
          stagedDigest,
          publicationDate,
          doi,
          conceptDoi,
          recordUrl,
          community,
          longer);
    }

    Entry phase(Phase p) {
      return new Entry(
          version,
          p,
          identifier,
          depositId,
          conceptRecId,
          bucketUrl,
          reservedDoi,
          pdfFile,
          pdfMd5,
          pdfSize,
          metadataSha256,
          stagedDigest,
          publicationDate,
          doi,
          conceptDoi,
          recordUrl,
          community,
          events);
    }

    Entry deposit(
        long id, String conceptRecId, String bucketUrl, String reservedDoi, String sentMetadata) {
      return new Entry(
          version,
          Phase.CREATED,
          identifier,
          id,
          conceptRecId,
          bucketUrl,
          reservedDoi,
          pdfFile,
          pdfMd5,
          pdfSize,
          sentMetadata,
          stagedDigest,
          publicationDate,
          doi,
          conceptDoi,
          recordUrl,
          community,
          events);
    }

    Entry dated(String date) {
      return new Entry(
          version,
          phase,
          identifier,
          depositId,
          conceptRecId,
          bucketUrl,
          reservedDoi,
          pdfFile,
          pdfMd5,
          pdfSize,
          metadataSha256,
          stagedDigest,
          date,
          doi,
          conceptDoi,
          recordUrl,
          community,
          events);
    }

    Entry metadataSent(String hash) {
      return new Entry(
          version,
          phase,
          identifier,
          depositId,
          conceptRecId,
          bucketUrl,
          reservedDoi,
          pdfFile,
          pdfMd5,
          pdfSize,
          hash,
          stagedDigest,
          publicationDate,
          doi,
          conceptDoi,
          recordUrl,
          community,
          events);
    }

    Entry uploaded(String file, String md5, long size) {
      return new Entry(
          version,
          Phase.UPLOADED,
          identifier,
          depositId,
          conceptRecId,
          bucketUrl,
          reservedDoi,
          file,
          md5,
          size,
          metadataSha256,
          stagedDigest,
          publicationDate,
          doi,
          conceptDoi,
          recordUrl,
          community,
          events);
    }

    Entry staged(String metadataHash, String digest) {
      return new Entry(
          version,
          Phase.STAGED,
          identifier,
          depositId,
          conceptRecId,
          bucketUrl,
          reservedDoi,
          pdfFile,
          pdfMd5,
          pdfSize,
          metadataHash,
          digest,
          publicationDate,
          doi,
          conceptDoi,
          recordUrl,
          community,
          events);
    }

    Entry published(String doi, String conceptDoi, String recordUrl) {
      return new Entry(
          version,
          Phase.PUBLISHED,
          identifier,
          depositId,
          conceptRecId,
          bucketUrl,
          reservedDoi,
          pdfFile,
          pdfMd5,
          pdfSize,
          metadataSha256,
          stagedDigest,
          publicationDate,
          doi,
          conceptDoi,
          recordUrl,
          community,
          events);
    }

    Entry verified(String community) {
      return new Entry(
          version,
          Phase.VERIFIED,
          identifier,
          depositId,
          conceptRecId,
          bucketUrl,
          reservedDoi,
          pdfFile,
          pdfMd5,
          pdfSize,
          metadataSha256,
          stagedDigest,
          publicationDate,
          doi,
          conceptDoi,
          recordUrl,
          community,
          events);
    }
  }

  /** One line of the step log. */
  @JsonPropertyOrder({"time", "step", "outcome"})
  public record Event(String time, String step, String outcome) {}
}
