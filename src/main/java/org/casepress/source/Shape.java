package org.casepress.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.casepress.model.Problem;

/**
 * Checks a YAML tree against the record type it will be bound to, collecting every problem (unknown
 * keys with the nearest known one, missing required keys, wrong kinds of value), then binds what is
 * left with Jackson. The records are the single description of each file's keys: there is no second
 * list to keep in step.
 */
final class Shape {
  private static final PropertyNamingStrategies.NamingBase SNAKE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final YamlTree tree;
  private final List<Problem> problems;
  private final Map<String, String> ownedKeys;

  /**
   * @param ownedKeys keys that casepress manages itself, with the reason; written by hand they get
   *     that reason instead of "unknown key"
   */
  Shape(YamlTree tree, List<Problem> problems, Map<String, String> ownedKeys) {
    this.tree = tree;
    this.problems = problems;
    this.ownedKeys = ownedKeys;
  }

  /** Checks the whole document and binds it, or returns null when the root is unusable. */
  <T extends Record> T bind(Class<T> type, String what) {
    JsonNode root = tree.root();
    if (root.isMissingNode() || root.isNull()) {
      problems.add(
          Problem.error(
              tree.at(""),
              "",
              "The " + what + " is empty; it needs the keys " + requiredKeys(type) + "."));
      return null;
    }
    return bindAt("", root, type);
  }

  /** Checks and binds the part of the document at {@code path}, or returns null if unusable. */
  <T extends Record> T bindAt(String path, JsonNode node, Class<T> type) {
    JsonNode cleaned = check(node, type, path);
    if (cleaned == null) {
      return null;
    }
    try {
      return MAPPER.treeToValue(cleaned, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("checked YAML did not bind to " + type.getSimpleName(), e);
    }
  }

  static String keyOf(RecordComponent c) {
    return SNAKE.translate(c.getName());
  }

  static String keys(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      names.add(keyOf(c));
    }
    return String.join(", ", names);
  }

  /** The keys a document must have, or all its keys when none is required. */
  static String requiredKeys(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.isAnnotationPresent(Required.class)) {
        names.add(keyOf(c));
      }
    }
    return names.isEmpty() ? keys(type) : String.join(", ", names);
  }

  /** Returns the node with every unusable part removed, or null when the node itself is. */
  private JsonNode check(JsonNode node, Type type, String path) {
    Class<?> raw = rawClass(type);
    if (raw == JsonNode.class) {
      return node;
    }
    if (raw.isRecord()) {
      return checkRecord(node, raw, path);
    }
    if (raw == List.class) {
      return checkList(node, elementType(type), path);
    }
    if (node.isContainerNode()) {
      wrongKind(node, path, raw == LocalDate.class ? "a date (YYYY-MM-DD)" : "a single value");
      return null;
    }
    if (raw == LocalDate.class) {
      try {
        LocalDate.parse(node.asText());
      } catch (DateTimeParseException e) {
        problems.add(
            Problem.error(
                tree.at(path),
                path,
                "'" + node.asText() + "' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-10."));
        return null;
      }
    }
    if (raw == Integer.class || raw == int.class) {
      if (!node.canConvertToInt()) {
        wrongKind(node, path, "a whole number");
        return null;
      }
      return node;
    }
    // Strings: YAML turns `2023` or `yes` into numbers and booleans; the author meant text.
    return JsonNodeFactory.instance.textNode(node.asText());
  }

  private JsonNode checkRecord(JsonNode node, Class<?> type, String path) {
    if (!node.isObject()) {
      wrongKind(node, path, "a group of keys (" + keys(type) + ")");
      return null;
    }
    ObjectNode in = (ObjectNode) node;
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    RecordComponent[] components = type.getRecordComponents();
    List<String> known = new ArrayList<>();
    for (RecordComponent c : components) {
      known.add(keyOf(c));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
      String key = it.next().getKey();
      if (known.contains(key)) {
        continue;
      }
      String keyPath = YamlTree.child(path, key);
      String reason = path.isEmpty() ? ownedKeys.get(key) : null;
      String message;
      if (reason != null) {
        message = reason;
      } else {
        String nearest = Suggest.nearest(key, known);
        message =
            "Unknown key '"
                + key
                + "'."
                + (nearest != null
                    ? " Did you mean '" + nearest + "'?"
                    : " Known keys here: " + String.join(", ", known) + ".");
      }
      problems.add(Problem.error(tree.at(keyPath), keyPath, message));
    }
    for (RecordComponent c : components) {
      String key = keyOf(c);
      String keyPath = YamlTree.child(path, key);
      JsonNode value = in.get(key);
      // 'authors:' with nothing after it reads as blank text: it is empty, not text in place of a
      // list.
      boolean absent =
          value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
      if (absent) {
        Required required = c.getAnnotation(Required.class);
        if (required != null) {
          problems.add(
              Problem.error(
                  tree.at(value == null ? path : keyPath),
                  keyPath,
                  (value == null
                          ? "The required key '" + key + "' is missing"
                          : "'" + key + "' is empty")
                      + ": add "
                      + required.value()
                      + "."));
        }
        continue;
      }
      JsonNode checked = check(value, c.getGenericType(), keyPath);
      if (checked != null) {
        out.set(key, checked);
      }
    }
    return out;
  }

  private JsonNode checkList(JsonNode node, Type element, String path) {
    if (!node.isArray()) {
      wrongKind(node, path, "a list (one '- item' per line, or [a, b])");
      return null;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (item.isNull()) {
        problems.add(
            Problem.error(
                tree.at(YamlTree.item(path, i)),
                YamlTree.item(path, i),
                "This list item is empty; remove the lone '-' or fill it in."));
        continue;
      }
      JsonNode checked = check(item, element, YamlTree.item(path, i));
      if (checked != null) {
        out.add(checked);
      }
    }
    return out;
  }

  private void wrongKind(JsonNode node, String path, String expected) {
    problems.add(
        Problem.error(
            tree.at(path),
            path,
            "'"
                + (path.isEmpty() ? "the file" : path)
                + "' should be "
                + expected
                + ", but it is "
                + kind(node)
                + "."));
  }

  static String kind(JsonNode node) {
    if (node.isObject()) {
      return "a group of keys";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "true/false";
    }
    return "text";
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return (Class<?>) type;
  }

  private static Type elementType(Type listType) {
    if (listType instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[0];
    }
    return JsonNode.class;
  }
}
