package org.casepress.zenodo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The envelope of {@code GET /api/records}: {@code {"hits":{"hits":[...],"total":N}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordSearch(List<PublishedRecord> hits, long total) {
  public RecordSearch {
    hits = List.copyOf(hits);
  }

  static RecordSearch parse(JsonNode root) throws IOException {
    JsonNode outer = root.path("hits");
    List<PublishedRecord> records = new ArrayList<>();
    for (JsonNode hit : outer.path("hits")) {
      records.add(Json.MAPPER.treeToValue(hit, PublishedRecord.class));
    }
    JsonNode total = outer.path("total");
    // OpenSearch can also send {"value": N, "relation": "eq"}.
    long count = total.isObject() ? total.path("value").asLong() : total.asLong(records.size());
    return new RecordSearch(records, count);
  }
}
