package org.casepress.workflow;

import java.util.List;

/**
 * Where every case study in a workspace stands.
 *
 * @param unreadable the case studies whose status.json cannot be trusted; listed, not guessed at
 */
public record Overview(List<Row> rows, List<StateFileException> unreadable) {

  public Overview {
    rows = List.copyOf(rows);
    unreadable = List.copyOf(unreadable);
  }

  /**
   * One case study.
   *
   * @param title the title, or null when case-study.md cannot be read
   * @param changedSince approved, but the files differ from those approved
   * @param authors the authors' family names, in order
   */
  public record Row(
      String slug, String title, StatusFile status, boolean changedSince, List<String> authors) {
    public Row {
      authors = List.copyOf(authors);
    }
  }
}
