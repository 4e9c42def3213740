package org.casepress.zenodo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/records/{id}/files} in the InvenioRDM format, which is where a published
 * deposition's {@code links.files} points.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordFiles(Boolean enabled, List<Entry> entries, Map<String, JsonNode> links) {
  public RecordFiles {
    entries = entries == null ? List.of() : List.copyOf(entries);
    links = Links.orEmpty(links);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(
      String key,
      long size,
      String checksum,
      String status,
      String mimetype,
      @JsonProperty("file_id") String fileId) {
    public String md5() {
      return Checksums.bareMd5(checksum);
    }
  }
}
