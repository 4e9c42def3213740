package org.casepress.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contents of case-studies/SLUG/status.json: where a case study stands, how it got there, and
 * per-target deposit ledgers (docs/status-json.md). Immutable; each change makes a new one.
 *
 * @param schema the format version, {@link #SCHEMA}
 * @param version the case study's version, 1 until it is reopened after publication
 * @param approvedDigest the content digest pinned by the last approval, or null
 * @param history every step so far, oldest first; append-only
 * @param targets per-target ledgers ({@code sandbox}, {@code production}), owned by publishing;
 *     kept as JSON so that this package neither needs nor loses their structure
 */
@JsonPropertyOrder({"schema", "slug", "state", "version", "approved_digest", "history", "targets"})
public record StatusFile(
    int schema,
    String slug,
    ReviewState state,
    int version,
    @JsonProperty("approved_digest") String approvedDigest,
    List<HistoryEntry> history,
    Map<String, JsonNode> targets) {

  public static final int SCHEMA = 1;

  public StatusFile {
    history = List.copyOf(history);
    // Sorted so that the file is written in the same order every time.
    targets = Collections.unmodifiableMap(new TreeMap<>(targets));
  }

  /** What a case study folder without status.json stands at: a first draft. */
  public static StatusFile initial(String slug) {
    return new StatusFile(SCHEMA, slug, ReviewState.DRAFT, 1, null, List.of(), Map.of());
  }

  /** This file with {@code entry} appended and its state, version and pinned digest taken over. */
  StatusFile append(HistoryEntry entry, String newApprovedDigest) {
    List<HistoryEntry> longer = new ArrayList<>(history);
    longer.add(entry);
    return new StatusFile(
        schema, slug, entry.to(), entry.version(), newApprovedDigest, longer, targets);
  }

  /** This file with one target's ledger replaced; for the publishing steps. */
  public StatusFile withTarget(String target, JsonNode ledger) {
    Map<String, JsonNode> changed = new TreeMap<>(targets);
    changed.put(target, ledger);
    return new StatusFile(schema, slug, state, version, approvedDigest, history, changed);
  }

  /**
   * The "approved and unchanged" rule, the only thing publishing stages: approved, and {@code
   * digest} (the folder's content digest now) is the one the approval pinned.
   */
  public boolean approvedAs(String digest) {
    return state == ReviewState.APPROVED && approvedDigest != null && approvedDigest.equals(digest);
  }

  public Optional<HistoryEntry> lastChange() {
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }
}
