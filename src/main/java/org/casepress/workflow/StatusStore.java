package org.casepress.workflow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casepress.model.Person;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;

/**
 * Reads and writes case-studies/SLUG/status.json (docs/status-json.md). Reading checks everything a
 * hand edit could break and refuses rather than guesses; writing is atomic and always produces the
 * same bytes for the same contents.
 */
public final class StatusStore {
  public static final String FILE_NAME = "status.json";

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();
  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private static final List<String> KEYS =
      List.of("schema", "slug", "state", "version", "approved_digest", "history", "targets");
  private static final List<String> ENTRY_KEYS =
      List.of("time", "actor", "action", "from", "to", "version", "comment", "digest");

  private final Workspace workspace;
  private final AtomicFile.Steps steps;
  private Map<String, Person> people;

  public StatusStore(Workspace workspace) {
    this(workspace, AtomicFile.NO_CRASH);
  }

  StatusStore(Workspace workspace, AtomicFile.Steps steps) {
    this.workspace = workspace;
    this.steps = steps;
  }

  public Path file(String slug) {
    return workspace.caseStudyDir(slug).resolve(FILE_NAME);
  }

  /**
   * The status of a case study; a folder without status.json is a first draft.
   *
   * @throws StateFileException when status.json cannot be trusted
   */
  public StatusFile read(String slug) {
    Path file = file(slug);
    if (!Files.exists(file)) {
      return StatusFile.initial(slug);
    }
    if (!Files.isRegularFile(file)) {
      throw new StateFileException(
          workspace.relative(file),
          0,
          "this is a folder (or something else that is not a file), where casepress keeps the"
              + " case study's review state. Move it away if it holds anything you need.");
    }
    try {
      return parse(Files.readAllBytes(file), slug, workspace.relative(file), people());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Who may have taken the steps of a history: people.yaml, read once per store. */
  private synchronized Map<String, Person> people() {
    if (people == null) {
      people = WorkspaceLoader.load(workspace, List.of()).metadata().people();
    }
    return people;
  }

  /** Replaces status.json atomically. The caller holds the {@link WorkspaceLock}. */
  public void write(StatusFile status) {
    AtomicFile.write(file(status.slug()), bytes(status), steps);
  }

  /**
   * The exact bytes of status.json: 2-space indent, fixed key order, \n line ends and a final \n.
   */
  static byte[] bytes(StatusFile status) {
    try {
      return (WRITER.writeValueAsString(status) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write status.json", e);
    }
  }

  /** Parses and checks a status.json without checking who took its steps. */
  static StatusFile parse(byte[] bytes, String slug, String file) {
    return parse(bytes, slug, file, Map.of());
  }

  /**
   * Parses status.json and checks it key by key, then as a record ({@link StatusRecord}).
   *
   * @param people people.yaml by id, to check who took each step; empty to leave that unchecked
   */
  static StatusFile parse(byte[] bytes, String slug, String file, Map<String, Person> people) {
    int conflict = conflictMarkerLine(bytes);
    if (conflict > 0) {
      throw new StateFileException(
          file,
          conflict,
          "this file holds an unresolved git merge conflict (the <<<<<<< line). Keep both sides'"
              + " history entries in time order and one state that matches the last of them, and"
              + " delete the <<<<<<<, ======= and >>>>>>> lines; or take one side whole with 'git"
              + " checkout --ours "
              + file
              + "' (or --theirs).");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new StateFileException(
          file,
          line,
          "this is not valid JSON"
              + (column > 0 ? " (column " + column + ")" : "")
              + ": "
              + e.getOriginalMessage()
                  .replaceAll("\\s*\\(start marker at .*", "")
                  .replaceAll("\\s+", " ")
              + ".");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Reader reader = new Reader(file, lines(bytes));
    StatusFile status = reader.status(root, slug);
    Optional<StatusRecord.Flaw> flaw = StatusRecord.firstFlaw(status, people);
    if (flaw.isPresent()) {
      throw reader.fail(flaw.get().pointer(), flaw.get().what());
    }
    return status;
  }

  /** The line of the first git conflict marker ({@code <<<<<<< }) at a line start, or 0. */
  private static int conflictMarkerLine(byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("<<<<<<<")) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The line on which each value starts, by JSON pointer, so that messages can point at it. */
  private static Map<String, Integer> lines(byte[] bytes) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          String pointer =
              (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                      ? parser.getParsingContext().getParent()
                      : parser.getParsingContext())
                  .pathAsPointer()
                  .toString();
          lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException e) {
      // Only reached for JSON that readTree accepted; lines are a courtesy.
    }
    return lines;
  }

  /** Checks a parsed status.json against what casepress writes, key by key. */
  private static final class Reader {
    private final String file;
    private final Map<String, Integer> lines;

    Reader(String file, Map<String, Integer> lines) {
      this.file = file;
      this.lines = lines;
    }

    StatusFile status(JsonNode root, String slug) {
      if (!root.isObject()) {
        throw fail("", "the file should hold one JSON object {...}, but holds " + kind(root) + ".");
      }
      keys(root, "", KEYS);
      int schema = integer(root, "/schema");
      if (schema != StatusFile.SCHEMA) {
        throw fail(
            "/schema",
            "schema "
                + schema
                + " is not one this casepress knows (it writes "
                + StatusFile.SCHEMA
                + ")."
                + (schema > StatusFile.SCHEMA
                    ? " A newer casepress wrote it: update casepress."
                    : ""));
      }
      String fileSlug = text(root, "/slug");
      if (!fileSlug.equals(slug)) {
        throw fail(
            "/slug",
            "it says it belongs to '"
                + fileSlug
                + "' but lies in the folder of '"
                + slug
                + "' (copied from another case study?). Delete it to start this one as a fresh draft.");
      }
      ReviewState state = state(root, "/state");
      int version = integer(root, "/version");
      if (version < 1) {
        throw fail("/version", "version is " + version + "; versions start at 1.");
      }
      String approved = nullableText(root, "/approved_digest");
      if (approved != null && !ContentDigest.isWellFormed(approved)) {
        throw fail(
            "/approved_digest",
            "approved_digest '" + approved + "' is not sha256: followed by 64 hex digits.");
      }
      JsonNode historyNode = root.get("history");
      if (!historyNode.isArray()) {
        throw fail("/history", "history should be a list [...], but is " + kind(historyNode) + ".");
      }
      List<HistoryEntry> history = new ArrayList<>();
      for (int i = 0; i < historyNode.size(); i++) {
        history.add(entry(historyNode.get(i), "/history/" + i, i == 0 ? null : history.get(i - 1)));
      }
      if (history.isEmpty()
          ? state != ReviewState.DRAFT
          : history.get(history.size() - 1).to() != state) {
        throw fail(
            "/state",
            "state is '"
                + state.id()
                + "' but the history ends in '"
                + (history.isEmpty()
                    ? "draft (no history)"
                    : history.get(history.size() - 1).to().id())
                + "'; the history is the record of how the state came about, so they must agree.");
      }
      JsonNode targetsNode = root.get("targets");
      if (!targetsNode.isObject()) {
        throw fail(
            "/targets", "targets should be an object {...}, but is " + kind(targetsNode) + ".");
      }
      Map<String, JsonNode> targets = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = targetsNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isObject()) {
          throw fail(
              "/targets/" + e.getKey(),
              "targets."
                  + e.getKey()
                  + " should be an object {...}, but is "
                  + kind(e.getValue())
                  + ".");
        }
        targets.put(e.getKey(), e.getValue());
      }
      return new StatusFile(schema, slug, state, version, approved, history, targets);
    }

    private HistoryEntry entry(JsonNode node, String at, HistoryEntry previous) {
      if (!node.isObject()) {
        throw fail(at, display(at) + " should be an object {...}, but is " + kind(node) + ".");
      }
      keys(node, at, ENTRY_KEYS);
      Instant time;
      try {
        time = Instant.parse(text(node, at + "/time"));
      } catch (DateTimeParseException e) {
        throw fail(
            at + "/time",
            display(at + "/time") + " is not a UTC time such as 2026-11-25T16:40:12Z.");
      }
      String actor = text(node, at + "/actor");
      String action = text(node, at + "/action");
      // Publishing adds its own actions (release), so only the form is checked here.
      if (!action.matches("[a-z]+(-[a-z]+)*")) {
        throw fail(
            at + "/action",
            display(at + "/action")
                + " '"
                + action
                + "' is not the name of a step,"
                + " such as submit or approve.");
      }
      ReviewState from = node.get("from").isNull() ? null : state(node, at + "/from");
      ReviewState to = state(node, at + "/to");
      int version = integer(node, at + "/version");
      if (previous == null && from != null && from != ReviewState.DRAFT) {
        throw fail(
            at + "/from",
            display(at + "/from")
                + " is '"
                + from.id()
                + "' but a history starts at draft (or at null, when"
                + " casepress created the case study).");
      }
      if (previous != null && from != previous.to()) {
        throw fail(
            at + "/from",
            display(at + "/from")
                + " is '"
                + (from == null ? "null" : from.id())
                + "' but the entry before"
                + " ends in '"
                + previous.to().id()
                + "': history only grows at its end, so an entry must"
                + " start where the previous one ended.");
      }
      String digest = nullableText(node, at + "/digest");
      if (digest != null && !ContentDigest.isWellFormed(digest)) {
        throw fail(
            at + "/digest", display(at + "/digest") + " is not sha256: followed by 64 hex digits.");
      }
      return new HistoryEntry(
          time, actor, action, from, to, version, nullableText(node, at + "/comment"), digest);
    }

    private void keys(JsonNode node, String at, List<String> expected) {
      for (String key : expected) {
        if (!node.has(key)) {
          throw fail(
              at,
              (at.isEmpty() ? "the key" : display(at) + " has no key")
                  + " '"
                  + key
                  + "'"
                  + (at.isEmpty() ? " is missing." : "."));
        }
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!Set.copyOf(expected).contains(key)) {
          throw fail(
              at + "/" + key,
              "'"
                  + key
                  + "' is not a key casepress writes"
                  + (at.isEmpty() ? "" : " in " + display(at))
                  + " (expected: "
                  + String.join(", ", expected)
                  + ").");
        }
      }
    }

    private ReviewState state(JsonNode parent, String at) {
      String id = text(parent, at);
      return ReviewState.parse(id)
          .orElseThrow(
              () ->
                  fail(
                      at,
                      display(at)
                          + " '"
                          + id
                          + "' is not a review state ("
                          + ReviewState.allIds()
                          + ")."));
    }

    private String text(JsonNode parent, String at) {
      JsonNode n = parent.get(last(at));
      if (!n.isTextual()) {
        throw fail(at, display(at) + " should be text in quotes, but is " + kind(n) + ".");
      }
      return n.asText();
    }

    private String nullableText(JsonNode parent, String at) {
      return parent.get(last(at)).isNull() ? null : text(parent, at);
    }

    private int integer(JsonNode parent, String at) {
      JsonNode n = parent.get(last(at));
      if (!n.isInt()) {
        throw fail(at, display(at) + " should be a whole number, but is " + kind(n) + ".");
      }
      return n.asInt();
    }

    private StateFileException fail(String pointer, String what) {
      return new StateFileException(file, lines.getOrDefault(pointer, 0), what);
    }

    private static String last(String pointer) {
      return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    /** "/history/2/from" as "history[2].from". */
    private static String display(String pointer) {
      StringBuilder s = new StringBuilder();
      for (String part : pointer.substring(1).split("/")) {
        if (part.matches("\\d+")) {
          s.append('[').append(part).append(']');
        } else {
          s.append(s.length() > 0 ? "." : "").append(part);
        }
      }
      return s.toString();
    }

    private static String kind(JsonNode n) {
      return switch (n.getNodeType()) {
        case ARRAY -> "a list";
        case OBJECT -> "an object";
        case STRING -> "the text \"" + n.asText() + "\"";
        case NULL -> "null";
        default -> n.toString();
      };
    }
  }
}
