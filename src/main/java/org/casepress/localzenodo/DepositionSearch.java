package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.casepress.localzenodo.Store.Concept;
import org.casepress.localzenodo.Store.Deposit;

/**
 * The {@code q} of {@code GET /api/deposit/depositions}, as Zenodo's drafts search reads it
 * (docs/local-zenodo.md, "Search"): legacy field names mapped to the RDM fields they stand for,
 * identifier-like fields matched exactly, text fields and unfielded queries as tokenised phrases
 * (so {@code usnm} also finds {@code usnm-ixodes}), clauses joined by AND (the default) or OR. An
 * unquoted value holding a colon, or an unclosed quote, is a 400 syntax error.
 */
final class DepositionSearch {
  /** A field of the index: how to read its values from a deposition, and how to match them. */
  private record Field(boolean exact, BiFunction<Deposit, Concept, List<String>> values) {}

  /** Legacy names (ZENODO_LEGACY_SEARCH_MAP) to the RDM field names they stand for. */
  private static final Map<String, String> LEGACY =
      Map.ofEntries(
          Map.entry("alternate.identifier", "metadata.identifiers.identifier"),
          Map.entry("alternate.scheme", "metadata.identifiers.scheme"),
          Map.entry("related.identifier", "metadata.related_identifiers.identifier"),
          Map.entry("related.scheme", "metadata.related_identifiers.scheme"),
          Map.entry("related.relation", "metadata.related_identifiers.relation_type.id"),
          Map.entry("conceptrecid", "parent.id"),
          Map.entry("recid", "id"),
          Map.entry("title", "metadata.title"),
          Map.entry("description", "metadata.description"),
          Map.entry("doi", "pids.doi.identifier"),
          Map.entry("conceptdoi", "parent.pids.doi.identifier"),
          Map.entry("creators.name", "metadata.creators.person_or_org.name"),
          Map.entry("creators.orcid", "metadata.creators.person_or_org.identifiers.identifier"),
          Map.entry("creators.affiliation", "metadata.creators.affiliations.name"),
          Map.entry("contributors.name", "metadata.contributors.person_or_org.name"),
          Map.entry("keywords", "metadata.subjects.subject"),
          Map.entry("publication_date", "metadata.publication_date"),
          Map.entry("publicationdate", "metadata.publication_date"));

  private static final Map<String, Field> FIELDS =
      Map.ofEntries(
          Map.entry(
              "metadata.identifiers.identifier",
              exact((d, c) -> identifiers(d, true, "identifier"))),
          Map.entry("metadata.identifiers.scheme", exact((d, c) -> identifiers(d, true, "scheme"))),
          Map.entry(
              "metadata.related_identifiers.identifier",
              exact((d, c) -> identifiers(d, false, "identifier"))),
          Map.entry(
              "metadata.related_identifiers.scheme",
              exact((d, c) -> identifiers(d, false, "scheme"))),
          Map.entry(
              "metadata.related_identifiers.relation_type.id",
              exact(
                  (d, c) ->
                      identifiers(d, false, "relation").stream()
                          .map(r -> r.toLowerCase(Locale.ROOT))
                          .toList())),
          Map.entry("parent.id", exact((d, c) -> List.of(d.conceptrecid))),
          Map.entry("id", exact((d, c) -> List.of(Long.toString(d.id)))),
          Map.entry("pids.doi.identifier", exact((d, c) -> listOf(d.doi))),
          Map.entry(
              "parent.pids.doi.identifier",
              exact((d, c) -> listOf(c == null ? null : c.conceptdoi))),
          Map.entry("metadata.publication_date", exact((d, c) -> texts(d, "publication_date"))),
          Map.entry("metadata.title", text((d, c) -> texts(d, "title"))),
          Map.entry("metadata.description", text((d, c) -> texts(d, "description"))),
          Map.entry("metadata.version", text((d, c) -> texts(d, "version"))),
          Map.entry("metadata.subjects.subject", text((d, c) -> items(d, "keywords", null))),
          Map.entry(
              "metadata.creators.person_or_org.name", text((d, c) -> items(d, "creators", "name"))),
          Map.entry(
              "metadata.creators.person_or_org.identifiers.identifier",
              exact((d, c) -> items(d, "creators", "orcid"))),
          Map.entry(
              "metadata.creators.affiliations.name",
              text((d, c) -> items(d, "creators", "affiliation"))),
          Map.entry(
              "metadata.contributors.person_or_org.name",
              text((d, c) -> items(d, "contributors", "name"))));

  /** One clause: a field (null for all fields), the value, and whether it was quoted. */
  private record Clause(String field, String value, boolean quoted, boolean or) {}

  private final List<Clause> clauses;

  private DepositionSearch(List<Clause> clauses) {
    this.clauses = clauses;
  }

  /** Parses {@code q}; a syntax error is a 400, as the search engine answers it. */
  static DepositionSearch parse(String q) {
    List<Clause> clauses = new ArrayList<>();
    int i = 0;
    boolean or = false;
    String text = q == null ? "" : q.strip();
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      StringBuilder raw = new StringBuilder();
      String field = null;
      boolean quoted = false;
      boolean unquotedColon = false;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        char ch = text.charAt(i);
        if (ch == '\\' && i + 1 < text.length()) {
          raw.append(text.charAt(i + 1));
          i += 2;
        } else if (ch == '"') {
          int end = text.indexOf('"', i + 1);
          if (end < 0) {
            throw syntaxError();
          }
          raw.append(text, i + 1, end);
          quoted = true;
          i = end + 1;
        } else if (ch == ':' && field == null && !quoted && raw.length() > 0) {
          field = raw.toString();
          raw.setLength(0);
          i++;
        } else {
          if (ch == ':') {
            unquotedColon = true;
          }
          raw.append(ch);
          i++;
        }
      }
      String word = text.substring(start, i);
      if (!quoted && (word.equals("AND") || word.equals("OR"))) {
        or = word.equals("OR");
        continue;
      }
      if (unquotedColon) {
        throw syntaxError();
      }
      clauses.add(new Clause(field, raw.toString(), quoted, or));
      or = false;
    }
    return new DepositionSearch(clauses);
  }

  private static ApiError syntaxError() {
    return ApiError.of(400, "Invalid query string syntax.");
  }

  /** Whether the deposition matches: clauses folded left to right, AND unless OR is written. */
  boolean matches(Deposit d, Concept c) {
    boolean result = true;
    for (int i = 0; i < clauses.size(); i++) {
      Clause clause = clauses.get(i);
      boolean hit = matches(clause, d, c);
      result = i == 0 ? hit : clause.or() ? result || hit : result && hit;
    }
    return result;
  }

  private static boolean matches(Clause clause, Deposit d, Concept c) {
    if (clause.value().equals("*") && !clause.quoted()) {
      return true;
    }
    if (clause.field() == null) {
      // No field list: every field, as one tokenised phrase (drafts search "*").
      for (Field f : FIELDS.values()) {
        for (String v : f.values().apply(d, c)) {
          if (phrase(v, clause.value())) {
            return true;
          }
        }
      }
      return false;
    }
    Field f = FIELDS.get(LEGACY.getOrDefault(clause.field(), clause.field()));
    if (f == null) {
      // A field the index does not have matches nothing, as on the search engine.
      return false;
    }
    for (String v : f.values().apply(d, c)) {
      if (f.exact() ? v.equals(clause.value()) : phrase(v, clause.value())) {
        return true;
      }
    }
    return false;
  }

  /** True when the query's tokens occur, in order and adjacent, among the value's tokens. */
  static boolean phrase(String value, String query) {
    List<String> hay = tokens(value);
    List<String> needle = tokens(query);
    if (needle.isEmpty()) {
      return false;
    }
    for (int i = 0; i + needle.size() <= hay.size(); i++) {
      if (hay.subList(i, i + needle.size()).equals(needle)) {
        return true;
      }
    }
    return false;
  }

  /** The standard analyser, near enough: runs of letters and digits, lower-cased. */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder t = new StringBuilder();
    s.codePoints()
        .forEach(
            cp -> {
              if (Character.isLetterOrDigit(cp)) {
                t.appendCodePoint(Character.toLowerCase(cp));
              } else if (t.length() > 0) {
                out.add(t.toString());
                t.setLength(0);
              }
            });
    if (t.length() > 0) {
      out.add(t.toString());
    }
    return out;
  }

  private static Field exact(BiFunction<Deposit, Concept, List<String>> values) {
    return new Field(true, values);
  }

  private static Field text(BiFunction<Deposit, Concept, List<String>> values) {
    return new Field(false, values);
  }

  private static JsonNode metadata(Deposit d) {
    return d.draft != null ? d.draft : d.published;
  }

  private static List<String> listOf(String value) {
    return value == null ? List.of() : List.of(value);
  }

  private static List<String> texts(Deposit d, String key) {
    JsonNode v = metadata(d).path(key);
    return v.isValueNode() && !v.asText().isEmpty() ? List.of(v.asText()) : List.of();
  }

  /**
   * Values of {@code key} in each element of the list {@code list} (the element itself if null).
   */
  private static List<String> items(Deposit d, String list, String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : metadata(d).path(list)) {
      JsonNode v = key == null ? item : item.path(key);
      if (v.isValueNode() && !v.asText().isEmpty()) {
        out.add(v.asText());
      }
    }
    return out;
  }

  /** Alternate identifiers are the related ones with relation isAlternateIdentifier. */
  private static List<String> identifiers(Deposit d, boolean alternate, String key) {
    List<String> out = new ArrayList<>();
    if (d.identifiersUnindexed) {
      return out;
    }
    for (JsonNode r : metadata(d).path("related_identifiers")) {
      boolean isAlternate = Metadata.ALTERNATE.equals(r.path("relation").asText());
      if (isAlternate == alternate && r.path(key).isTextual()) {
        out.add(r.path(key).asText());
      }
    }
    return out;
  }
}
