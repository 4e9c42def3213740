package org.casepress.zenodo;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A file as listed in a deposition. {@code checksum} is bare MD5 hex here, unlike bucket objects.
 * The old multipart endpoint said {@code name} and sent {@code filesize} as a string.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DepositFile(
    String id,
    @JsonAlias("name") String filename,
    long filesize,
    String checksum,
    Map<String, JsonNode> links) {

  public DepositFile {
    links = Links.orEmpty(links);
  }

  /** The MD5 in lower-case hex, with any {@code md5:} prefix removed. */
  public String md5() {
    return Checksums.bareMd5(checksum);
  }

  public Optional<String> link(String name) {
    return Links.text(links, name);
  }
}
