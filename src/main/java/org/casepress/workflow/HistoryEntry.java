package org.casepress.workflow;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line of a case study's history in status.json (docs/status-json.md).
 *
 * @param time when it happened, UTC, whole seconds
 * @param actor the people.yaml id of whoever did it
 * @param action what was done: {@code new} or a transition's command name
 * @param from the state before, or null for the entry that created the case study
 * @param to the state after
 * @param version the case study's version after the step
 * @param comment what the actor said, or null
 * @param digest the content digest at that moment ({@code sha256:...})
 */
@JsonPropertyOrder({"time", "actor", "action", "from", "to", "version", "comment", "digest"})
public record HistoryEntry(
    @JsonSerialize(using = ToStringSerializer.class) Instant time,
    String actor,
    String action,
    ReviewState from,
    ReviewState to,
    int version,
    String comment,
    String digest) {

  public HistoryEntry {
    // Whole seconds keep the file readable and the format fixed: 2026-11-25T16:40:12Z.
    time = time.truncatedTo(ChronoUnit.SECONDS);
  }
}
