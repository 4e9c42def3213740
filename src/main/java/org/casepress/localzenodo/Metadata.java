package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the legacy deserializer does to incoming metadata (docs/local-zenodo.md): unknown keys
 * dropped, defaults filled in, aliases rewritten, text normalised, identifier schemes detected, and
 * the errors it raises on POST/PUT. Everything else is stored even when invalid, as Zenodo saves
 * drafts leniently; {@link PublishRules} refuses it at publish.
 */
final class Metadata {
  private Metadata() {}

  static final String ALTERNATE = "isAlternateIdentifier";

  /** Rich-text fields: sanitised HTML. */
  private static final Set<String> HTML_FIELDS = Set.of("description", "notes", "method");

  /** Fields that are codes, dates or identifiers, stored as sent. */
  private static final Set<String> VERBATIM =
      Set.of(
          "upload_type",
          "publication_type",
          "image_type",
          "publication_date",
          "embargo_date",
          "doi",
          "imprint_isbn",
          "conference_url");

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
          out.put(key, text(key, v.asText()));
        }
      } else if (key.equals("keywords") && v.isArray()) {
        ArrayNode keywords = out.putArray(key);
        v.forEach(k -> keywords.add(k.isTextual() ? PlainText.fix(k.asText()) : k.asText()));
      } else if (PASS_THROUGH.contains(key)) {
        out.set(key, v.deepCopy());
      }
      // creators, license, ... are handled below; anything else is dropped (EXCLUDE).
    }

    // An unknown upload_type is a vocabulary error, raised only at publish.
    String uploadType = out.path("upload_type").asText(null);
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
          // The serializer returns only intervals.
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

  /** Names and affiliations normalised; an ORCID only reformatted (it is checked at publish). */
  private static ObjectNode person(JsonNode p) {
    ObjectNode person = Store.MAPPER.createObjectNode();
    person.put("name", PlainText.fix(p.path("name").asText("")));
    JsonNode affiliation = p.get("affiliation");
    if (affiliation != null && affiliation.isTextual() && !affiliation.asText().isBlank()) {
      person.put("affiliation", PlainText.fix(affiliation.asText()));
    } else {
      person.putNull("affiliation");
    }
    if (p.path("orcid").isTextual() && !p.path("orcid").asText().isEmpty()) {
      person.put("orcid", Identifiers.normalizeOrcid(p.path("orcid").asText()));
    }
    if (p.path("gnd").isTextual() && !p.path("gnd").asText().isEmpty()) {
      person.put("gnd", p.path("gnd").asText());
    }
    return person;
  }

  private static String text(String key, String value) {
    if (VERBATIM.contains(key)) {
      return value;
    }
    return HTML_FIELDS.contains(key) ? PlainText.html(value) : PlainText.fix(value);
  }

  /**
   * Related identifiers: the scheme is detected by the server (the client's is ignored) and must be
   * one Zenodo allows, else the whole create or update is refused. Alternate identifiers are split
   * off and come back after the related ones.
   */
  private static void related(JsonNode list, ObjectNode out, Map<String, List<String>> errors) {
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      errors.put("metadata.related_identifiers", List.of("Not a valid list."));
      return;
    }
    List<ObjectNode> related = new ArrayList<>();
    List<ObjectNode> alternate = new ArrayList<>();
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
      String relation = r.path("relation").asText();
      // Zenodo patches this legacy typo on the way in.
      if (relation.equals("isOrignialFormOf")) {
        relation = "isOriginalFormOf";
      }
      boolean isAlternate = relation.equals(ALTERNATE);
      String identifier = PlainText.fix(r.path("identifier").asText());
      Optional<String> scheme = Identifiers.scheme(identifier);
      if (scheme.isEmpty()) {
        // Raised by a list-level loader: filed under the list, without an index.
        String field =
            isAlternate ? "metadata.alternate_identifiers" : "metadata.related_identifiers";
        errors.put(field + ".scheme", List.of("No valid scheme recognized for identifier."));
        continue;
      }
      ObjectNode item = Store.MAPPER.createObjectNode();
      item.put("identifier", Identifiers.normalize(identifier, scheme.get()));
      item.put("relation", relation);
      if (r.path("resource_type").isTextual() && !isAlternate) {
        item.put("resource_type", r.path("resource_type").asText());
      }
      item.put("scheme", scheme.get());
      (isAlternate ? alternate : related).add(item);
    }
    ArrayNode kept = out.putArray("related_identifiers");
    related.forEach(kept::add);
    alternate.forEach(kept::add);
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
