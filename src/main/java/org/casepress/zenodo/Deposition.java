package org.casepress.zenodo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deposition as the legacy deposit API returns it. Tolerant: unknown fields are ignored, and
 * missing ones are {@code null} (or empty for collections).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Deposition(
    long id,
    @JsonProperty("record_id") Long recordId,
    String conceptrecid,
    String doi,
    String conceptdoi,
    @JsonProperty("doi_url") String doiUrl,
    String title,
    DepositionState state,
    boolean submitted,
    ObjectNode metadata,
    Map<String, JsonNode> links,
    List<DepositFile> files,
    Long owner,
    String created,
    String modified) {

  public Deposition {
    state = state == null ? DepositionState.UNKNOWN : state;
    metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
    links = Links.orEmpty(links);
    files = files == null ? List.of() : List.copyOf(files);
  }

  @Override
  public ObjectNode metadata() {
    // A copy, so that the record stays immutable.
    return metadata.deepCopy();
  }

  /** A textual link by name ({@code bucket}, {@code html}, ...). */
  public Optional<String> link(String name) {
    return Links.text(links, name);
  }

  /** Where files are PUT; absent on some post-migration records (docs/zenodo.md#files). */
  public Optional<String> bucketUrl() {
    return link("bucket");
  }

  /**
   * The DOI Zenodo predicts for this id. Always {@code 10.5281/...}, even on the sandbox, whose
   * real DOIs are {@code 10.5072/...}: never write it back into {@code metadata.doi}.
   */
  public Optional<String> prereservedDoi() {
    JsonNode doiNode = metadata.path("prereserve_doi").path("doi");
    return doiNode.isTextual() ? Optional.of(doiNode.asText()) : Optional.empty();
  }

  /** The DOI, treating Zenodo's occasional {@code ""} as absent. */
  public Optional<String> doiIfAny() {
    return doi == null || doi.isEmpty() ? Optional.empty() : Optional.of(doi);
  }

  /**
   * Whether {@code identifier} is exactly one of this deposition's alternate identifiers: in the
   * legacy format a related identifier with relation {@code isAlternateIdentifier} (or, from some
   * serialisers, an {@code alternate_identifiers} entry). Search hits are only candidates.
   */
  public boolean carriesAlternateIdentifier(String identifier) {
    for (JsonNode r : metadata.path("related_identifiers")) {
      if ("isAlternateIdentifier".equals(r.path("relation").asText())
          && identifier.equals(r.path("identifier").asText())) {
        return true;
      }
    }
    for (JsonNode a : metadata.path("alternate_identifiers")) {
      if (identifier.equals(a.path("identifier").asText())) {
        return true;
      }
    }
    return false;
  }

  public boolean published() {
    return state == DepositionState.DONE || state == DepositionState.INPROGRESS;
  }
}
