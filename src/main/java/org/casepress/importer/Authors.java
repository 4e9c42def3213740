package org.casepress.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casepress.model.Metadata;
import org.casepress.model.Organisation;
import org.casepress.model.Person;

/**
 * Turns the people a draft names into front matter authors: a person who is in metadata/people.yaml
 * (by ORCID, or by a name that fits exactly one person) becomes their id, anyone else is written
 * out in full, with the organisations from metadata/organisations.yaml that their affiliations
 * name.
 */
final class Authors {

  /** One line of the front matter's authors list. */
  sealed interface Entry permits Known, Written {}

  /** A person from metadata/people.yaml, by id. */
  record Known(String id) implements Entry {}

  /** A person written out in full; {@code orcid} may be null. */
  record Written(String given, String family, String orcid, List<String> affiliations)
      implements Entry {
    Written {
      affiliations = List.copyOf(affiliations);
    }
  }

  record Resolved(List<Entry> entries, List<Note> notes) {}

  private Authors() {}

  static Resolved resolve(List<Draft.Author> named, Metadata metadata, String as) {
    List<Entry> entries = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    for (Draft.Author a : named) {
      String path = "authors[" + entries.size() + "]";
      Person known = person(a, metadata);
      if (known != null) {
        if (entries.contains(new Known(known.id()))) {
          continue;
        }
        entries.add(new Known(known.id()));
        notes.add(
            Note.changed(
                path,
                a.fullName()
                    + " ("
                    + a.where()
                    + ") is "
                    + known.id()
                    + " in metadata/people.yaml."));
        continue;
      }
      List<String> affiliations = new ArrayList<>();
      for (String name : a.affiliations()) {
        Organisation o = organisation(name, metadata);
        if (o == null) {
          notes.add(
              Note.toAdd(
                  path + ".affiliations",
                  a.fullName()
                      + "'s affiliation \""
                      + name
                      + "\" is not in metadata/organisations.yaml: add it there (id, name, ror)"
                      + " and list its id under "
                      + path
                      + ".affiliations."));
        } else if (!affiliations.contains(o.id())) {
          affiliations.add(o.id());
        }
      }
      entries.add(new Written(a.given(), a.family(), a.orcid(), affiliations));
      if (a.orcid() == null) {
        notes.add(
            Note.toAdd(
                path + ".orcid",
                a.fullName()
                    + " has no ORCID iD in the draft: add 'orcid: 0000-...' under "
                    + path
                    + " if they have one (https://orcid.org)."));
      }
      if (a.affiliations().isEmpty()) {
        notes.add(
            Note.toAdd(
                path + ".affiliations",
                a.fullName()
                    + " has no affiliation in the draft: add 'affiliations: [organisation-id]'"
                    + " under "
                    + path
                    + " with ids from metadata/organisations.yaml."));
      }
    }
    if (as != null && !entries.contains(new Known(as))) {
      if (entries.isEmpty()) {
        entries.add(new Known(as));
        notes.add(
            Note.changed(
                "authors",
                "the draft names no authors: "
                    + as
                    + " (--as) is the first author; add the others."));
      } else {
        notes.add(
            Note.toAdd(
                "authors",
                as
                    + " (--as) is not among the draft's authors. Only authors can submit a case"
                    + " study: add '- "
                    + as
                    + "' to the authors if you are one."));
      }
    }
    if (entries.isEmpty()) {
      notes.add(
          Note.toAdd(
              "authors",
              "the draft names no authors: list them, each as an id from metadata/people.yaml"
                  + " (e.g. '- priya-nandakumar') or written out with given, family, orcid and"
                  + " affiliations."));
    }
    return new Resolved(entries, notes);
  }

  /** The one person the draft's author is, by ORCID or else by name; null if none or several. */
  private static Person person(Draft.Author a, Metadata metadata) {
    List<Person> found = new ArrayList<>();
    for (Person p : metadata.people().values()) {
      if (a.orcid() != null && a.orcid().equalsIgnoreCase(p.orcid())) {
        return p;
      }
      boolean sameName = comparable(p.fullName()).equals(comparable(a.fullName()));
      boolean orcidsDiffer = a.orcid() != null && p.orcid() != null;
      if (sameName && !orcidsDiffer) {
        found.add(p);
      }
    }
    return found.size() == 1 ? found.get(0) : null;
  }

  private static Organisation organisation(String name, Metadata metadata) {
    List<Organisation> found = new ArrayList<>();
    String wanted = comparable(name);
    for (Organisation o : metadata.organisations().values()) {
      String plainName = comparable(o.name().replaceAll("\\s*\\([^)]*\\)\\s*$", ""));
      if (wanted.equals(comparable(o.name()))
          || wanted.equals(plainName)
          || wanted.equals(comparable(o.id()))) {
        found.add(o);
      }
    }
    return found.size() == 1 ? found.get(0) : null;
  }

  /**
   * "Zoë Achterberg" and "zoe achterberg" compare equal; so do "The Alan Turing Institute" and "the
   * alan turing institute".
   */
  static String comparable(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
