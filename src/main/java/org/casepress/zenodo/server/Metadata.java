package org.casepress.zenodo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the legacy deserializer does to incoming metadata (docs/zenodo.md#depositions): unknown keys
 * dropped, defaults filled in, aliases rewritten, and the errors it raises on POST/PUT.
 * Publish-time checks live in {@link #publishErrors}.
 */
final class Metadata {
  private Metadata() {}

  private static final Set<String> STRING_FIELDS =
      Set.of(
          "upload_type",
          "publication_type",
          "image_type",
          "publication_date",
          "title",
          "description",
          "embargo_date",
          "doi",
          "notes",
          "method",
          "thesis_university",
          "version",
          "journal_title",
          "journal_volume",
          "journal_issue",
          "journal_pages",
          "conference_title",
          "conference_acronym",
          "conference_dates",
          "conference_place",
          "conference_url",
          "conference_session",
          "conference_session_part",
          "imprint_publisher",
          "imprint_isbn",
          "imprint_place",
          "partof_title",
          "partof_pages");
  private static final Set<String> PASS_THROUGH =
      Set.of("keywords", "subjects", "references", "grants", "locations", "custom");
  private static final Set<String> UPLOAD_TYPES =
      Set.of(
          "publication",
          "poster",
          "presentation",
          "dataset",
          "image",
          "video",
          "software",
          "lesson",
          "physicalobject",
          "other",
          "workflow");
  private static final Set<String> ACCESS = Set.of("open", "embargoed", "restricted", "closed");

  /** Accepted license ids (lower case) and how the legacy serializer writes them back. */
  private static final Map<String, String> LICENSES = licenses();

  private static final Map<String, String> LANGUAGES =
      Map.ofEntries(
          Map.entry("en", "eng"),
          Map.entry("de", "deu"),
          Map.entry("fr", "fra"),
          Map.entry("es", "spa"),
          Map.entry("it", "ita"),
          Map.entry("nl", "nld"),
          Map.entry("pt", "por"),
          Map.entry("sv", "swe"),
          Map.entry("da", "dan"),
          Map.entry("fi", "fin"),
          Map.entry("no", "nor"),
          Map.entry("pl", "pol"),
          Map.entry("cs", "ces"),
          Map.entry("el", "ell"),
          Map.entry("ja", "jpn"),
          Map.entry("zh", "zho"),
          Map.entry("ar", "ara"),
          Map.entry("ru", "rus"),
          Map.entry("cy", "cym"),
          Map.entry("ga", "gle"));

  /**
   * Turns request metadata into what the server stores and returns. Throws a 400 {@link ApiError}
   * with every deserializer error found.
   */
  static ObjectNode normalize(JsonNode in, LocalDate today) {
    ObjectNode out = Store.MAPPER.createObjectNode();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (in == null || in.isNull()) {
      in = Store.MAPPER.createObjectNode();
    }
    if (!in.isObject()) {
      errors.put("metadata", List.of("Invalid input type."));
      throw ApiError.validation(errors);
    }
    boolean nonEmpty = in.size() > 0;
    for (Map.Entry<String, JsonNode> e : in.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (STRING_FIELDS.contains(key)) {
        if (v.isValueNode()) {
          out.put(key, v.asText());
        }
      } else if (PASS_THROUGH.contains(key)) {
        out.set(key, v.deepCopy());
      }
      // creators, license, ... are handled below; anything else is dropped (EXCLUDE).
    }

    String uploadType = out.path("upload_type").asText(null);
    if (uploadType != null && !UPLOAD_TYPES.contains(uploadType)) {
      errors.put("metadata.upload_type", List.of("Invalid value " + uploadType + "."));
    }
    if ("thesis".equals(out.path("publication_type").asText())) {
      out.put("publication_type", "dissertation");
    }

    String access = in.path("access_right").asText("open");
    if (!ACCESS.contains(access)) {
      errors.put("metadata.access_right", List.of("Unknown access type."));
    } else if (access.equals("embargoed") && !out.hasNonNull("embargo_date")) {
      errors.put("metadata.access_right", List.of("Unknown access type."));
    }
    out.put("access_right", access.equals("closed") ? "restricted" : access);

    JsonNode license = in.get("license");
    if (license != null && !license.isNull()) {
      String id = license.isTextual() ? license.asText() : license.path("id").asText(null);
      if (id == null || !(license.isTextual() || license.isObject())) {
        errors.put(
            "metadata.license",
            List.of(
                "Invalid license value provided (expected string, or object with 'id' key): "
                    + license));
      } else if (!LICENSES.containsKey(id.toLowerCase(Locale.ROOT))) {
        errors.put("metadata.license", List.of("Invalid license provided: " + id));
      } else {
        out.put("license", LICENSES.get(id.toLowerCase(Locale.ROOT)));
      }
    } else if (nonEmpty
        && (out.path("access_right").asText().equals("open")
            || out.path("access_right").asText().equals("embargoed"))) {
      out.put("license", "dataset".equals(uploadType) ? "cc-zero" : "cc-by-4.0");
    }

    persons(in.get("creators"), "creators", false, out, errors);
    persons(in.get("contributors"), "contributors", true, out, errors);
    JsonNode supervisors = in.get("thesis_supervisors");
    if (supervisors != null && supervisors.isArray()) {
      ArrayNode contributors =
          out.has("contributors")
              ? (ArrayNode) out.get("contributors")
              : out.putArray("contributors");
      for (JsonNode s : supervisors) {
        ObjectNode p = person(s);
        p.put("type", "Supervisor");
        contributors.add(p);
      }
    }

    related(in.get("related_identifiers"), out, errors);
    communities(in.get("communities"), out, errors);

    JsonNode language = in.get("language");
    if (language != null && language.isTextual()) {
      String lang = language.asText().toLowerCase(Locale.ROOT);
      if (lang.length() == 3) {
        out.put("language", lang);
      } else if (lang.length() == 2 && LANGUAGES.containsKey(lang)) {
        out.put("language", LANGUAGES.get(lang));
      } else {
        errors.put(
            "metadata.language", List.of("Language must be either ISO-639-1 or 639-2 compatible."));
      }
    }

    JsonNode dates = in.get("dates");
    if (dates != null && dates.isArray()) {
      ArrayNode kept = Store.MAPPER.createArrayNode();
      for (JsonNode d : dates) {
        String start = d.path("start").asText("");
        String end = d.path("end").asText("");
        if (start.isEmpty() && end.isEmpty()) {
          errors.put("metadata.dates", List.of("Invalid date provided."));
        } else if (!start.isEmpty() && !end.isEmpty() && !start.equals(end)) {
          // The serializer returns only intervals (docs/zenodo.md#depositions).
          kept.add(d.deepCopy());
        }
      }
      if (!kept.isEmpty()) {
        out.set("dates", kept);
      }
    }

    if (!errors.isEmpty()) {
      throw ApiError.validation(errors);
    }
    if (nonEmpty) {
      if (!out.has("publication_date")) {
        out.put("publication_date", today.toString());
      }
      if (!out.has("imprint_publisher")) {
        out.put("imprint_publisher", "Zenodo");
      }
    }
    return out;
  }

  private static void persons(
      JsonNode list,
      String field,
      boolean typed,
      ObjectNode out,
      Map<String, List<String>> errors) {
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      errors.put("metadata." + field, List.of("Not a valid list."));
      return;
    }
    ArrayNode people = out.putArray(field);
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      if (!p.isObject() || !p.path("name").isTextual()) {
        errors.put(
            "metadata." + field + "." + i + ".name", List.of("Missing data for required field."));
        continue;
      }
      ObjectNode person = person(p);
      if (typed && p.path("type").isTextual()) {
        person.put("type", p.path("type").asText());
      }
      people.add(person);
    }
  }

  private static ObjectNode person(JsonNode p) {
    ObjectNode person = Store.MAPPER.createObjectNode();
    person.put("name", p.path("name").asText(""));
    JsonNode affiliation = p.get("affiliation");
    if (affiliation != null && affiliation.isTextual() && !affiliation.asText().isEmpty()) {
      person.put("affiliation", affiliation.asText());
    } else {
      person.putNull("affiliation");
    }
    for (String id : List.of("orcid", "gnd")) {
      if (p.path(id).isTextual() && !p.path(id).asText().isEmpty()) {
        person.put(id, p.path(id).asText());
      }
    }
    return person;
  }

  private static void related(JsonNode list, ObjectNode out, Map<String, List<String>> errors) {
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      errors.put("metadata.related_identifiers", List.of("Not a valid list."));
      return;
    }
    ArrayNode kept = out.putArray("related_identifiers");
    for (int i = 0; i < list.size(); i++) {
      JsonNode r = list.get(i);
      String at = "metadata.related_identifiers." + i;
      if (!r.isObject()) {
        errors.put(at, List.of("Invalid input type."));
        continue;
      }
      if (!r.path("identifier").isTextual()) {
        errors.put(at + ".identifier", List.of("Missing data for required field."));
      }
      if (!r.path("relation").isTextual()) {
        errors.put(at + ".relation", List.of("Missing data for required field."));
        continue;
      }
      ObjectNode item = Store.MAPPER.createObjectNode();
      item.put("identifier", r.path("identifier").asText());
      item.put("relation", r.path("relation").asText());
      if (r.path("resource_type").isTextual()) {
        item.put("resource_type", r.path("resource_type").asText());
      }
      item.put("scheme", scheme(r.path("identifier").asText()));
      kept.add(item);
    }
  }

  /** The server detects the scheme itself; the client's is ignored. */
  private static String scheme(String identifier) {
    String id = identifier.toLowerCase(Locale.ROOT);
    if (id.startsWith("10.") || id.contains("doi.org/10.")) {
      return "doi";
    }
    if (id.startsWith("http://") || id.startsWith("https://")) {
      return "url";
    }
    if (id.matches("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dx]")) {
      return "orcid";
    }
    if (id.startsWith("urn:lsid:")) {
      return "lsid";
    }
    return "other";
  }

  private static void communities(JsonNode list, ObjectNode out, Map<String, List<String>> errors) {
    if (list == null || list.isNull()) {
      return;
    }
    boolean ok = list.isArray();
    if (ok) {
      for (JsonNode c : list) {
        ok &= c.isObject() && c.path("identifier").isTextual();
      }
    }
    if (!ok) {
      errors.put("communities", List.of("Invalid communities format."));
      return;
    }
    ArrayNode kept = out.putArray("communities");
    for (JsonNode c : list) {
      kept.addObject().put("identifier", c.path("identifier").asText());
    }
  }

  /** The checks of docs/zenodo.md#validation, with the field paths the current server uses. */
  static Map<String, List<String>> publishErrors(ObjectNode metadata, int files, String doiPrefix) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (files == 0) {
      errors.put(
          "files.enabled",
          List.of(
              "Missing uploaded files. To disable files for this record please mark it as"
                  + " metadata-only."));
    }
    if (!metadata.hasNonNull("upload_type")) {
      errors.put("metadata.resource_type", List.of("Missing data for required field."));
    }
    JsonNode creators = metadata.path("creators");
    if (!creators.isArray() || creators.isEmpty()) {
      errors.put("metadata.creators", List.of("Missing data for required field."));
    } else {
      for (int i = 0; i < creators.size(); i++) {
        String name = creators.get(i).path("name").asText("").strip();
        String family = name.contains(",") ? name.substring(0, name.indexOf(',')).strip() : name;
        if (family.isEmpty()) {
          errors.put(
              "metadata.creators." + i + ".person_or_org.family_name",
              List.of("Family name cannot be blank."));
        }
      }
    }
    if (metadata.path("title").asText("").strip().length() < 3) {
      errors.put("metadata.title", List.of("Shorter than minimum length 3."));
    }
    if (!metadata.hasNonNull("publication_date")) {
      errors.put("metadata.publication_date", List.of("Missing data for required field."));
    }
    JsonNode contributors = metadata.path("contributors");
    for (int i = 0; i < contributors.size(); i++) {
      if (!contributors.get(i).path("type").isTextual()) {
        errors.put(
            "metadata.contributors." + i + ".role", List.of("Missing data for required field."));
      }
    }
    String doi = metadata.path("doi").asText("");
    if (doi.startsWith("10.5281/") && !doiPrefix.equals("10.5281")) {
      errors.put(
          "pids.doi", List.of("Wrong DOI 10.5281 prefix provided, it should be " + doiPrefix));
    }
    return errors;
  }

  private static Map<String, String> licenses() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String id :
        List.of(
            "cc-by-4.0",
            "cc-by-sa-4.0",
            "cc-by-nc-4.0",
            "cc-by-nd-4.0",
            "cc-by-nc-sa-4.0",
            "cc-by-nc-nd-4.0",
            "cc-by-3.0",
            "cc-by-sa-3.0",
            "mit",
            "bsd-2-clause",
            "bsd-3-clause",
            "gpl-2.0",
            "gpl-3.0",
            "lgpl-3.0",
            "agpl-3.0",
            "mpl-2.0",
            "eupl-1.2",
            "odc-by-1.0",
            "odbl-1.0",
            "other-open",
            "other-at",
            "other-nc",
            "other-closed",
            "other-pd")) {
      m.put(id, id);
    }
    m.put("cc-by", "cc-by-4.0");
    m.put("cc0-1.0", "cc-zero");
    m.put("cc-zero", "cc-zero");
    m.put("cc0", "cc-zero");
    m.put("apache-2.0", "apache2.0");
    m.put("apache2.0", "apache2.0");
    m.put("gpl-3.0-only", "gpl-3.0");
    m.put("agpl-3.0-only", "agpl-3.0");
    m.put("lgpl-3.0-only", "lgpl-3.0");
    return Map.copyOf(m);
  }

  static List<String> communitySlugs(JsonNode metadata) {
    List<String> slugs = new ArrayList<>();
    for (JsonNode c : metadata.path("communities")) {
      slugs.add(c.path("identifier").asText());
    }
    return slugs;
  }
}
