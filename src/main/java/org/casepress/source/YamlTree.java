package org.casepress.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casepress.model.Location;
import org.casepress.model.Problem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read into a Jackson tree that remembers where every key and value stood, so that
 * problems found later can point at a line. Jackson's own tree reader forgets locations and stops
 * at the first duplicate key; this one reports duplicates and keeps going.
 */
final class YamlTree {
  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String QUOTING_HINT =
      " Check the indentation and quoting near this line (values containing a colon followed by a"
          + " space, or starting with [, {, *, & or #, need quotes).";

  private final JsonNode root;
  private final Map<String, Location> locations;

  private YamlTree(JsonNode root, Map<String, Location> locations) {
    this.root = root;
    this.locations = locations;
  }

  /** The root node; a missing node for an empty document. */
  JsonNode root() {
    return root;
  }

  /**
   * Where the key (for object members) or the value (for list items) at {@code path} stood, or the
   * closest enclosing path that has a location.
   */
  Location at(String path) {
    String p = path;
    while (true) {
      Location l = locations.get(p);
      if (l != null) {
        return l;
      }
      if (p.isEmpty()) {
        return locations.getOrDefault("", new Location("", 0, 0));
      }
      p = parent(p);
    }
  }

  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut < 0 ? "" : path.substring(0, cut);
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String item(String path, int index) {
    return path + "[" + index + "]";
  }

  /**
   * Reads {@code text}, whose first line is line {@code firstLine} of {@code file}. Syntax errors
   * and duplicate keys are added to {@code problems}; on a syntax error the result is null.
   */
  static YamlTree parse(String text, String file, int firstLine, List<Problem> problems) {
    Map<String, Location> locations = new HashMap<>();
    locations.put("", new Location(file, Math.max(firstLine, 1), 0));
    List<Problem> found = new ArrayList<>();
    try (JsonParser p = YAML.createParser(text)) {
      Reader reader = new Reader(p, file, firstLine, locations, found);
      JsonToken first = p.nextToken();
      JsonNode root = first == null ? NODES.missingNode() : reader.read("");
      problems.addAll(found);
      return new YamlTree(root, locations);
    } catch (JsonProcessingException e) {
      problems.addAll(found);
      problems.add(syntaxError(e, text, file, firstLine));
      return null;
    } catch (IOException e) {
      throw new IllegalStateException("reading YAML from a string cannot fail with I/O", e);
    }
  }

  /**
   * Says where and what the syntax error is. Jackson's own location is the end of the last token it
   * read, which can be lines before the mistake (a tab on line 3 was reported on line 2), and
   * SnakeYAML's first line of message is its parser state ("while scanning for the next token"),
   * not the mistake, so both are taken from SnakeYAML's marked exception.
   */
  private static Problem syntaxError(
      JsonProcessingException e, String text, String file, int firstLine) {
    if (!(e.getCause() instanceof MarkedYAMLException m) || m.getProblemMark() == null) {
      JsonLocation l = e.getLocation();
      Location at =
          l == null
              ? new Location(file, firstLine, 0)
              : new Location(file, (int) l.getLineNr() + firstLine - 1, (int) l.getColumnNr());
      return Problem.error(
          at,
          "",
          "The YAML cannot be read: " + firstLineOf(e.getOriginalMessage()) + "." + QUOTING_HINT);
    }
    String context = m.getContext() == null ? "" : m.getContext();
    String problem = m.getProblem() == null ? "" : m.getProblem();
    // An unclosed quote or bracket is noticed lines later, or at the end: point at where it opens.
    boolean unclosed = context.contains("quoted scalar") || context.contains("flow ");
    Mark mark = m.getProblemMark();
    if (m.getContextMark() != null
        && (unclosed || mark.getIndex() >= text.stripTrailing().length())) {
      mark = m.getContextMark();
    }
    String what;
    if (problem.contains("\t") || problem.contains("TAB")) {
      what =
          "a tab is used for indentation, and YAML allows only spaces. Replace the tab with spaces.";
    } else if (context.contains("quoted scalar")) {
      what =
          "the quote that opens here is never closed. Add the closing quote at the end of the value.";
    } else if (context.contains("flow sequence")) {
      what = "the list that opens here with '[' is never closed. Add ']' after its last item.";
    } else if (context.contains("flow mapping")) {
      what = "the group that opens here with '{' is never closed. Add '}' after its last key.";
    } else if (problem.startsWith("mapping values are not allowed")
        && lineAt(text, mark.getLine()).matches(".*[“”„‘’‚].*")) {
      what =
          "there is a colon followed by a space inside a value, and its curly quotes (“ ”), as word"
              + " processors type them, are not quotes to YAML. Type straight quotes around the"
              + " whole value instead, e.g. title: \"Floods: a case study\".";
    } else if (problem.startsWith("mapping values are not allowed")) {
      what =
          "there is a colon followed by a space inside a value. Put the value in quotes, e.g."
              + " subtitle: \"Floods: a case study\" (or, if this is a key, check its indentation).";
    } else if (problem.startsWith("expected <block end>")) {
      what = "this line is indented differently from the lines before it." + QUOTING_HINT;
    } else {
      what = firstLineOf(problem) + "." + QUOTING_HINT;
    }
    return Problem.error(
        new Location(file, mark.getLine() + firstLine, mark.getColumn() + 1),
        "",
        "The YAML cannot be read: " + what);
  }

  private static String lineAt(String text, int line) {
    String[] lines = text.split("\n", -1);
    return line >= 0 && line < lines.length ? lines[line] : "";
  }

  /** SnakeYAML messages carry an excerpt with a caret after a newline; the first line says it. */
  private static String firstLineOf(String message) {
    String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
    if (first.isEmpty()) {
      return "syntax error";
    }
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }

  private static final class Reader {
    private final JsonParser p;
    private final String file;
    private final int lineOffset;
    private final Map<String, Location> locations;
    private final List<Problem> problems;

    Reader(
        JsonParser p,
        String file,
        int firstLine,
        Map<String, Location> locations,
        List<Problem> problems) {
      this.p = p;
      this.file = file;
      this.lineOffset = firstLine - 1;
      this.locations = locations;
      this.problems = problems;
    }

    private Location here() {
      JsonLocation l = p.currentTokenLocation();
      return new Location(file, (int) l.getLineNr() + lineOffset, (int) l.getColumnNr());
    }

    /** Reads the value at the current token. */
    JsonNode read(String path) throws IOException {
      JsonToken t = p.currentToken();
      locations.putIfAbsent(path, here());
      switch (t) {
        case START_OBJECT:
          return readObject(path);
        case START_ARRAY:
          return readArray(path);
        case VALUE_STRING:
          return NODES.textNode(p.getText());
        case VALUE_NUMBER_INT:
          return NODES.numberNode(p.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT:
          // BigDecimal keeps the digits as written: 1.10 stays 1.10 when read back as text.
          return NODES.numberNode(p.getDecimalValue());
        case VALUE_TRUE:
          return NODES.booleanNode(true);
        case VALUE_FALSE:
          return NODES.booleanNode(false);
        case VALUE_NULL:
          return NODES.nullNode();
        default:
          return NODES.textNode(p.getText());
      }
    }

    private ObjectNode readObject(String path) throws IOException {
      ObjectNode object = NODES.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        String childPath = child(path, key);
        Location keyAt = here();
        p.nextToken();
        if (object.has(key)) {
          problems.add(
              Problem.error(
                  keyAt,
                  childPath,
                  "The key '"
                      + key
                      + "' appears twice"
                      + (locations.containsKey(childPath)
                          ? " (first on line " + locations.get(childPath).line() + ")"
                          : "")
                      + "; keep one of them."));
          skip();
          continue;
        }
        locations.put(childPath, keyAt);
        object.set(key, read(childPath));
      }
      return object;
    }

    private ArrayNode readArray(String path) throws IOException {
      ArrayNode array = NODES.arrayNode();
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(item(path, i++)));
      }
      return array;
    }

    private void skip() throws IOException {
      if (p.currentToken().isStructStart()) {
        p.skipChildren();
      }
    }
  }
}
