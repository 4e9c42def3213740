package org.casepress.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.casepress.testing.ReferenceMaterial;

/**
 * Zenodo's own legacy deposit schema (draft-04), read from the copy under
 * src/test/resources/reference/zenodo/schemas/, as a validator for the metadata we build. The
 * schema has no $ref, so nothing is ever fetched.
 */
final class DepositMetadataSchema {
  static final Path FILE =
      ReferenceMaterial.zenodoSchemas().resolve("zenodo-legacy-legacyrecord.json");

  /**
   * Keys the REST API accepts (docs: resources/deposit/_representation.md) that the schema does not
   * describe (schemas/SOURCES.md); everything else we send must satisfy the schema. Of these we
   * send version and language.
   */
  static final List<String> NOT_IN_SCHEMA =
      List.of("version", "language", "locations", "dates", "method", "custom");

  /**
   * Relations the API accepts that the schema's enum misses: it spells isOriginalFormOf as
   * "isOrignialFormOf", and predates RDM's hasVersion and isVersionOf (docs/zenodo.md#validation).
   */
  static final List<String> RELATIONS_NOT_IN_SCHEMA =
      List.of("isOriginalFormOf", "hasVersion", "isVersionOf");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private DepositMetadataSchema() {}

  /** The schema's complaints about {@code metadata}, after leaving out {@link #NOT_IN_SCHEMA}. */
  static List<String> validate(ObjectNode metadata) {
    ObjectNode checked = metadata.deepCopy();
    checked.remove(NOT_IN_SCHEMA);
    return SCHEMA.validate(checked).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  private static JsonSchema load() {
    try {
      JsonNode schema = JSON.readTree(FILE.toFile());
      ArrayNode relations =
          (ArrayNode) schema.at("/properties/related_identifiers/items/properties/relation/enum");
      RELATIONS_NOT_IN_SCHEMA.forEach(relations::add);
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath().normalize(), e);
    }
  }
}
