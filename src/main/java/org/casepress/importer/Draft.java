package org.casepress.importer;

import java.util.List;
import java.util.Map;
import org.casepress.model.RelatedIdentifier;

/**
 * What a reader found in a draft, before it becomes a case study: the body as Markdown in our
 * dialect, the metadata the draft states, the images it holds, and notes on what did not fit.
 *
 * @param title the title, or null when the draft has no recognisable one
 * @param subtitle the subtitle, or null
 * @param body Markdown; its first heading may still be the title (see {@link Outline})
 * @param images file contents by their path inside the new case study folder
 * @param sourceText the draft's readable text, to prove that none of it was lost
 */
record Draft(
    String title,
    String subtitle,
    List<Author> authors,
    List<RelatedIdentifier> related,
    String licence,
    String body,
    Map<String, byte[]> images,
    List<Note> notes,
    String sourceText) {

  Draft {
    authors = List.copyOf(authors);
    related = List.copyOf(related);
    images = Map.copyOf(images);
    notes = List.copyOf(notes);
  }

  /**
   * A person the draft names as an author.
   *
   * @param orcid as written in the draft (check validates it), or null
   * @param affiliations organisation names as written in the draft
   * @param where where the draft names the person
   */
  record Author(
      String given, String family, String orcid, List<String> affiliations, String where) {
    Author {
      affiliations = List.copyOf(affiliations);
    }

    String fullName() {
      return given.isEmpty() ? family : given + " " + family;
    }
  }
}
