package org.casepress.zenodo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A published record from {@code GET /api/records/{id}} ("Zenodo JSON", not the deposition format):
 * {@code recid} is a string, files have {@code key}/{@code size} and {@code md5:} checksums, and
 * {@code metadata.license} and {@code resource_type} are objects.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedRecord(
    long id,
    String recid,
    String conceptrecid,
    String doi,
    String conceptdoi,
    @JsonProperty("doi_url") String doiUrl,
    String title,
    String status,
    DepositionState state,
    Boolean submitted,
    Integer revision,
    JsonNode metadata,
    Map<String, JsonNode> links,
    List<File> files,
    String created,
    String modified,
    String updated) {

  public PublishedRecord {
    state = state == null ? DepositionState.UNKNOWN : state;
    metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
    links = Links.orEmpty(links);
    files = files == null ? List.of() : List.copyOf(files);
  }

  @Override
  public JsonNode metadata() {
    return metadata.deepCopy();
  }

  public Optional<String> link(String name) {
    return Links.text(links, name);
  }

  /** Community ids (slugs) the record is in; a pending inclusion request is not listed. */
  public List<String> communities() {
    return metadata.path("communities").findValuesAsText("id");
  }

  /** A file of a published record; {@code links.self} is its content URL. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record File(
      String id, String key, long size, String checksum, Map<String, JsonNode> links) {
    public File {
      links = Links.orEmpty(links);
    }

    public String md5() {
      return Checksums.bareMd5(checksum);
    }

    public Optional<String> link(String name) {
      return Links.text(links, name);
    }
  }
}
