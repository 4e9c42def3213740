package org.casepress.importer;

import java.util.List;
import org.casepress.model.Problem;

/**
 * A draft turned into a case study folder.
 *
 * @param folder the new folder, relative to the workspace root (case-studies/SLUG)
 * @param files the files written into it, relative to the folder
 * @param notes what was left out, changed, or is still to add, in the draft's order
 * @param problems what {@code check} says about the new case study (its own files only)
 */
public record Imported(
    String slug,
    String folder,
    Format format,
    List<String> files,
    List<Note> notes,
    List<Problem> problems) {

  public Imported {
    files = List.copyOf(files);
    notes = List.copyOf(notes);
    problems = List.copyOf(problems);
  }

  public boolean checksOut() {
    return problems.stream().noneMatch(Problem::isError);
  }
}
