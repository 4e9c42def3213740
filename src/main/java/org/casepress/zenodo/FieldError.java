package org.casepress.zenodo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of Zenodo's field errors. {@code zenodoField} is Zenodo's dotted path ({@code
 * metadata.creators.0.name}); {@code field} is where to fix it in the front matter ({@code
 * authors[0]}), or Zenodo's path when no front matter field corresponds.
 */
public record FieldError(String zenodoField, String field, List<String> messages) {
  private static final Pattern INDEXED = Pattern.compile("metadata\\.([a-z_]+)\\.(\\d+)(\\..*)?");

  public FieldError {
    zenodoField = zenodoField == null ? "" : zenodoField;
    messages = List.copyOf(messages);
  }

  public static FieldError of(String zenodoField, List<String> messages) {
    return new FieldError(zenodoField, frontMatterPath(zenodoField), messages);
  }

  /** Maps a Zenodo field path to our front matter key path; unknown ones are kept as they are. */
  static String frontMatterPath(String zenodoField) {
    if (zenodoField == null) {
      return "";
    }
    Matcher m = INDEXED.matcher(zenodoField);
    if (m.matches()) {
      String base = listName(m.group(1));
      if (base != null) {
        return base + "[" + m.group(2) + "]";
      }
      return zenodoField;
    }
    if (zenodoField.startsWith("metadata.")) {
      String rest = zenodoField.substring("metadata.".length());
      String mapped = simpleName(rest);
      if (mapped != null) {
        return mapped;
      }
      String list = listName(rest);
      if (list != null) {
        return list;
      }
    }
    return zenodoField;
  }

  private static String listName(String zenodo) {
    switch (zenodo) {
      case "creators":
        return "authors";
      case "related_identifiers":
        return "related";
      case "keywords":
        return "keywords";
      default:
        return null;
    }
  }

  private static String simpleName(String zenodo) {
    switch (zenodo) {
      case "title":
        return "title";
      case "description":
        return "description";
      case "license":
        return "licence";
      case "language":
        return "language";
      default:
        return null;
    }
  }

  @Override
  public String toString() {
    return field + ": " + String.join(" ", messages);
  }
}
