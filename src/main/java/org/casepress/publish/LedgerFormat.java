package org.casepress.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The ledger as it is stored (docs/status-json.md): flat snake_case keys per version, an event log
 * of plain text, easy to read in a diff. Reading checks what a hand edit or a bad merge could break
 * and names the key, rather than guessing.
 */
final class LedgerFormat {
  static final ObjectMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private LedgerFormat() {}

  record StoredLedger(Map<Integer, StoredEntry> versions) {}

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
    "community_request_id",
    "community_reason",
    "community_read_at",
    "events"
  })
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StoredEntry(
      int version,
      String phase,
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
      String communityRequestId,
      String communityReason,
      String communityReadAt,
      List<StoredEvent> events) {}

  @JsonPropertyOrder({"time", "step", "outcome"})
  record StoredEvent(String time, String step, String outcome) {}

  static JsonNode toJson(Ledger ledger) {
    Map<Integer, StoredEntry> versions = new TreeMap<>();
    ledger.versions().forEach((v, e) -> versions.put(v, stored(e)));
    return JSON.valueToTree(new StoredLedger(versions));
  }

  static JsonNode toJson(Ledger.Entry entry) {
    return JSON.valueToTree(stored(entry));
  }

  private static StoredEntry stored(Ledger.Entry e) {
    Ledger.Deposit d = e.deposit();
    Ledger.UploadedPdf pdf = e.pdf();
    Ledger.Publication p = e.publication();
    return new StoredEntry(
        e.version(),
        e.phase().name(),
        e.identifier(),
        d == null ? null : d.id(),
        d == null ? null : d.conceptRecId(),
        d == null ? null : d.bucketUrl(),
        d == null ? null : d.reservedDoi(),
        pdf == null ? null : pdf.file(),
        pdf == null ? null : pdf.md5(),
        pdf == null ? null : pdf.size(),
        e.metadataSha256(),
        e.stagedDigest(),
        e.publicationDate() == null ? null : e.publicationDate().toString(),
        p == null ? null : p.doi(),
        p == null ? null : p.conceptDoi(),
        p == null ? null : p.recordUrl(),
        p == null || p.community() == null ? null : p.community().inclusion().id(),
        p == null || p.community() == null ? null : p.community().requestId(),
        p == null || p.community() == null ? null : p.community().reason(),
        p == null || p.community() == null || p.community().readAt() == null
            ? null
            : p.community().readAt().toString(),
        e.events().stream()
            .map(x -> new StoredEvent(x.time().toString(), x.step().label(), x.outcomeText()))
            .toList());
  }

  /**
   * @param file where the ledger is, relative to the workspace, for the message
   * @param key the ledger's key in that file ("" for the whole file)
   */
  static Ledger fromJson(JsonNode node, String file, String key) {
    StoredLedger stored;
    try {
      stored = JSON.treeToValue(node, StoredLedger.class);
    } catch (JsonProcessingException e) {
      throw damaged(file, key, e.getOriginalMessage().replaceAll("\\s+", " "));
    }
    Map<Integer, Ledger.Entry> versions = new TreeMap<>();
    if (stored.versions() != null) {
      stored
          .versions()
          .forEach(
              (v, e) ->
                  versions.put(
                      v, entry(e, file, (key.isEmpty() ? "" : key + ".") + "versions." + v)));
    }
    return new Ledger(versions);
  }

  private static Ledger.Entry entry(StoredEntry s, String file, String at) {
    if (s == null) {
      throw damaged(file, at, "the entry is null");
    }
    Ledger.Phase phase =
        Arrays.stream(Ledger.Phase.values())
            .filter(p -> p.name().equals(s.phase()))
            .findFirst()
            .orElseThrow(
                () ->
                    notOneOf(
                        file,
                        at + ".phase",
                        s.phase(),
                        "a phase casepress writes",
                        Arrays.stream(Ledger.Phase.values()).map(Enum::name)));
    Ledger.Deposit deposit =
        s.depositId() == null
            ? null
            : new Ledger.Deposit(s.depositId(), s.conceptRecId(), s.bucketUrl(), s.reservedDoi());
    Ledger.UploadedPdf pdf =
        s.pdfMd5() == null
            ? null
            : new Ledger.UploadedPdf(
                s.pdfFile(), s.pdfMd5(), s.pdfSize() == null ? 0 : s.pdfSize());
    Ledger.Publication publication =
        s.doi() == null && s.recordUrl() == null
            ? null
            : new Ledger.Publication(
                s.doi(), s.conceptDoi(), s.recordUrl(), community(s, file, at));
    LocalDate date;
    try {
      date = s.publicationDate() == null ? null : LocalDate.parse(s.publicationDate());
    } catch (DateTimeParseException e) {
      throw damaged(
          file,
          at + ".publication_date",
          "'" + s.publicationDate() + "' is not a date such as 2026-12-10");
    }
    List<Ledger.Event> events = new ArrayList<>();
    List<StoredEvent> stored = s.events() == null ? List.of() : s.events();
    for (int i = 0; i < stored.size(); i++) {
      events.add(event(stored.get(i), file, at + ".events[" + i + "]"));
    }
    return new Ledger.Entry(
        s.version(),
        phase,
        s.identifier(),
        date,
        deposit,
        s.metadataSha256(),
        pdf,
        s.stagedDigest(),
        publication,
        events);
  }

  /**
   * The community state; a ledger written before the request was recorded has only {@code
   * community} (accepted, pending, failed or unknown), which reads as that state, request unknown.
   */
  private static CommunityState community(StoredEntry s, String file, String at) {
    if (s.community() == null) {
      return null;
    }
    CommunityState.Inclusion inclusion =
        CommunityState.Inclusion.parse(s.community())
            .orElseThrow(
                () ->
                    notOneOf(
                        file,
                        at + ".community",
                        s.community(),
                        "a community state casepress writes",
                        Arrays.stream(CommunityState.Inclusion.values())
                            .map(CommunityState.Inclusion::id)));
    Instant readAt =
        s.communityReadAt() == null
            ? null
            : time(s.communityReadAt(), file, at + ".community_read_at");
    return new CommunityState(inclusion, s.communityRequestId(), s.communityReason(), readAt);
  }

  private static Ledger.Event event(StoredEvent s, String file, String at) {
    if (s == null || s.time() == null || s.step() == null || s.outcome() == null) {
      throw damaged(file, at, "an event needs a time, a step and an outcome");
    }
    Instant time = time(s.time(), file, at + ".time");
    Ledger.Step step =
        Ledger.Step.parse(s.step())
            .orElseThrow(
                () ->
                    notOneOf(
                        file,
                        at + ".step",
                        s.step(),
                        "a step casepress logs",
                        Arrays.stream(Ledger.Step.values()).map(Ledger.Step::label)));
    Ledger.Outcome outcome =
        Ledger.Outcome.parseStart(s.outcome())
            .orElseThrow(
                () ->
                    damaged(
                        file,
                        at + ".outcome",
                        "'" + s.outcome() + "' is not an outcome casepress logs"));
    String rest = s.outcome().substring(outcome.label().length()).replaceFirst("^[:,;]?\\s*", "");
    return new Ledger.Event(time, step, outcome, rest.isEmpty() ? null : rest);
  }

  private static Instant time(String text, String file, String key) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw damaged(file, key, "'" + text + "' is not a UTC time");
    }
  }

  /** "'X' is not a phase casepress writes (CREATING, ...)", refusing the file at that key. */
  private static PublishException notOneOf(
      String file, String key, String text, String what, java.util.stream.Stream<String> known) {
    return damaged(
        file,
        key,
        "'" + text + "' is not " + what + " (" + known.collect(Collectors.joining(", ")) + ")");
  }

  private static PublishException damaged(String file, String key, String what) {
    return PublishException.problem(
        file
            + ": the ledger"
            + (key.isEmpty() ? "" : " at " + key)
            + " cannot be read: "
            + what
            + ". casepress has not changed the file. Restore it from git (git checkout -- "
            + file
            + ") or undo the hand edit, then run the command again.");
  }
}
