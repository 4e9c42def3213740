package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code actions/publish} refuses (docs/local-zenodo.md, "Lenient drafts, strict publish"):
 * drafts are stored whatever they hold, and only publishing checks files, required fields, title
 * length, ORCID iDs (form, check digit and issued blocks) and vocabulary values, answering with the
 * RDM field paths the real server uses.
 */
final class PublishRules {
  private PublishRules() {}

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

  private static final Set<String> PUBLICATION_TYPES =
      Set.of(
          "annotationcollection",
          "book",
          "section",
          "conferencepaper",
          "conferenceproceeding",
          "datamanagementplan",
          "article",
          "patent",
          "preprint",
          "deliverable",
          "milestone",
          "proposal",
          "report",
          "softwaredocumentation",
          "taxonomictreatment",
          "technicalnote",
          "dissertation",
          "workingpaper",
          "other");

  private static final Set<String> IMAGE_TYPES =
      Set.of("figure", "plot", "drawing", "diagram", "photo", "other");

  /** DataCite's relation types, Zenodo's relation_type vocabulary (ids are lower case). */
  private static final Set<String> RELATIONS =
      Set.of(
          "iscitedby",
          "cites",
          "issupplementto",
          "issupplementedby",
          "iscontinuedby",
          "continues",
          "isdescribedby",
          "describes",
          "hasmetadata",
          "ismetadatafor",
          "isnewversionof",
          "ispreviousversionof",
          "ispartof",
          "haspart",
          "isreferencedby",
          "references",
          "isdocumentedby",
          "documents",
          "iscompiledby",
          "compiles",
          "isvariantformof",
          "isoriginalformof",
          "isidenticalto",
          "isalternateidentifier",
          "isreviewedby",
          "reviews",
          "isderivedfrom",
          "issourceof",
          "requires",
          "isrequiredby",
          "isobsoletedby",
          "obsoletes",
          "ispublishedin",
          "iscollectedby",
          "collects",
          "istranslationof",
          "hastranslation");

  /** Zenodo's contributor roles (ids are lower case). */
  private static final Set<String> ROLES =
      Set.of(
          "contactperson",
          "datacollector",
          "datacurator",
          "datamanager",
          "distributor",
          "editor",
          "hostinginstitution",
          "producer",
          "projectleader",
          "projectmanager",
          "projectmember",
          "registrationagency",
          "registrationauthority",
          "relatedperson",
          "researcher",
          "researchgroup",
          "rightsholder",
          "supervisor",
          "sponsor",
          "workpackageleader",
          "other");

  static Map<String, List<String>> errors(ObjectNode metadata, int files, String doiPrefix) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (files == 0) {
      errors.put(
          "files.enabled",
          List.of(
              "Missing uploaded files. To disable files for this record please mark it as"
                  + " metadata-only."));
    }
    resourceType(metadata, errors);
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
        orcid(creators.get(i), "metadata.creators." + i, errors);
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
      JsonNode c = contributors.get(i);
      String at = "metadata.contributors." + i;
      if (!c.path("type").isTextual()) {
        errors.put(at + ".role", List.of("Missing data for required field."));
      } else if (!ROLES.contains(c.path("type").asText().toLowerCase(Locale.ROOT))) {
        errors.put(at + ".role", List.of(invalid(c.path("type").asText())));
      }
      orcid(c, at, errors);
    }
    relations(metadata, errors);
    String doi = metadata.path("doi").asText("");
    if (doi.startsWith("10.5281/") && !doiPrefix.equals("10.5281")) {
      errors.put(
          "pids.doi", List.of("Wrong DOI 10.5281 prefix provided, it should be " + doiPrefix));
    }
    return errors;
  }

  private static void resourceType(ObjectNode metadata, Map<String, List<String>> errors) {
    if (!metadata.hasNonNull("upload_type")) {
      errors.put("metadata.resource_type", List.of("Missing data for required field."));
      return;
    }
    String type = metadata.path("upload_type").asText();
    String subtype =
        type.equals("publication")
            ? metadata.path("publication_type").asText(null)
            : type.equals("image") ? metadata.path("image_type").asText(null) : null;
    Set<String> subtypes = type.equals("image") ? IMAGE_TYPES : PUBLICATION_TYPES;
    if (!UPLOAD_TYPES.contains(type)) {
      errors.put("metadata.resource_type", List.of(invalid(type)));
    } else if (subtype != null && !subtypes.contains(subtype)) {
      errors.put("metadata.resource_type", List.of(invalid(type + "-" + subtype)));
    }
  }

  /** The person's identifiers come in the order ORCID, GND: the ORCID is identifier 0. */
  private static void orcid(JsonNode person, String at, Map<String, List<String>> errors) {
    String orcid = person.path("orcid").asText("");
    if (!orcid.isEmpty() && !Identifiers.isOrcid(orcid)) {
      errors.put(
          at + ".person_or_org.identifiers.0.identifier", List.of("Invalid ORCID identifier."));
    }
  }

  /** Relation types of related identifiers; alternates are counted apart, so indexes skip them. */
  private static void relations(ObjectNode metadata, Map<String, List<String>> errors) {
    int index = 0;
    for (JsonNode r : metadata.path("related_identifiers")) {
      String relation = r.path("relation").asText("");
      if (relation.equals(Metadata.ALTERNATE)) {
        continue;
      }
      if (!RELATIONS.contains(relation.toLowerCase(Locale.ROOT))) {
        errors.put(
            "metadata.related_identifiers." + index + ".relation_type",
            List.of(invalid(relation.toLowerCase(Locale.ROOT))));
      }
      index++;
    }
  }

  private static String invalid(String id) {
    return "Invalid value " + id + ".";
  }
}
