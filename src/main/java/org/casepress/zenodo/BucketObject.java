package org.casepress.zenodo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The answer to a bucket PUT. {@code checksum} is {@code md5:<hex>}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BucketObject(
    String key,
    long size,
    String checksum,
    String mimetype,
    @JsonProperty("version_id") String versionId,
    @JsonProperty("is_head") Boolean isHead,
    @JsonProperty("delete_marker") Boolean deleteMarker,
    String created,
    String updated,
    Map<String, JsonNode> links) {

  public BucketObject {
    links = Links.orEmpty(links);
  }

  public String md5() {
    return Checksums.bareMd5(checksum);
  }
}
