package org.casepress.model;

/** A place in a workspace file: path relative to the workspace root, 1-based line and column. */
public record Location(String file, int line, int column) {

  public static Location of(String file) {
    return new Location(file, 0, 0);
  }

  public Location atLine(int newLine) {
    return new Location(file, newLine, 0);
  }
}
