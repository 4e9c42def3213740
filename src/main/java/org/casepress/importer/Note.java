package org.casepress.importer;

/**
 * Something the author should know about an import: what was left out, what was changed on the way,
 * and what only the author can add.
 *
 * @param where the place in the draft (e.g. {@code draft.docx, footnote 2} or {@code page.md:14}),
 *     or the front matter key of the new case study
 */
public record Note(Kind kind, String where, String message) {

  /** How the author should treat a note. */
  public enum Kind {
    /** Text or structure of the draft that is not in the case study: look at it. */
    NOT_IMPORTED,
    /** Imported, but in another form than the draft had it: review it. */
    CHANGED,
    /** Information the draft does not have and the case study needs or would gain from. */
    TO_ADD
  }

  static Note notImported(String where, String message) {
    return new Note(Kind.NOT_IMPORTED, where, message);
  }

  static Note changed(String where, String message) {
    return new Note(Kind.CHANGED, where, message);
  }

  static Note toAdd(String where, String message) {
    return new Note(Kind.TO_ADD, where, message);
  }
}
