package org.casepress.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casepress.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of malformed inputs: each file under src/test/resources/checks/cases/ changes the
 * valid base workspace in one way and lists the problems {@code check} must report. Every problem
 * reported, warnings included, must be expected (so a case cannot pass by accident with an
 * unrelated error), every expected problem must be reported at exactly its place, and loading must
 * not write anything.
 *
 * <p>Case file keys: {@code what} (one line), {@code edit} (file, find, replace: the text to find
 * must occur exactly once), {@code write} (file, text), {@code bytes} (file, hex), {@code delete}
 * (paths), {@code symlink} (link, target; or {@code outside: true} for a link to a copy of the
 * chart made outside the workspace), {@code slugs} (check only these), {@code expect} (lines {@code
 * "<severity> <file>[:line[:column]] <field or -> | <part of the message>"}; the line and column
 * are left out only where check gives none). Keys are applied in that order: edits, writes, bytes,
 * deletes, symlinks.
 *
 * <p>A few cases prove what is accepted rather than refused: instead of {@code expect} they say
 * {@code expect_clean: true}, and then check must report nothing at all, not even a warning.
 */
public class CheckCatalogueTest {
  public static final Path CASES = Path.of("src/test/resources/checks/cases");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public static Stream<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void catalogueHasAtLeastFortyCases() throws IOException {
    assertTrue(cases().count() >= 40, "the catalogue must keep at least 40 malformed inputs");
  }

  @Test
  void baseWorkspaceIsClean(@TempDir Path tmp) {
    Loaded loaded =
        WorkspaceLoader.load(new Workspace(TestWorkspaces.copy(TestWorkspaces.BASE, tmp)));
    assertEquals(List.of(), loaded.problems());
    assertEquals(1, loaded.caseStudies().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExpectedProblems(Path caseFile, @TempDir Path tmp) throws IOException {
    JsonNode spec = YAML.readTree(caseFile.toFile());
    Path root = TestWorkspaces.copy(TestWorkspaces.BASE, tmp.resolve("ws"));
    apply(spec, root);
    Map<String, String> before = TestWorkspaces.snapshot(tmp);

    Workspace workspace = new Workspace(root);
    Loaded loaded =
        spec.has("slugs")
            ? WorkspaceLoader.load(workspace, strings(spec.get("slugs")))
            : WorkspaceLoader.load(workspace);

    assertEquals(before, TestWorkspaces.snapshot(tmp), "check must not write anything");
    if (spec.path("expect_clean").asBoolean()) {
      assertFalse(spec.has("expect"), caseFile + " says both expect_clean and expect");
      assertEquals(
          "", describe(loaded.problems()), "an accepted input must give no problems at all");
      assertEquals(1, loaded.caseStudies().size());
      return;
    }
    List<Expected> expected = new ArrayList<>();
    for (JsonNode e : spec.path("expect")) {
      expected.add(Expected.parse(e.asText()));
    }
    assertFalse(expected.isEmpty(), caseFile + " expects nothing");
    List<Problem> unmatched = new ArrayList<>(loaded.problems());
    for (Expected e : expected) {
      Problem match = unmatched.stream().filter(e::matches).findFirst().orElse(null);
      if (match == null) {
        fail("expected " + e.line + "\nbut check reported:\n" + describe(loaded.problems()));
      }
      unmatched.remove(match);
    }
    assertTrue(
        unmatched.isEmpty(),
        "unexpected problems:\n"
            + describe(unmatched)
            + "\nall reported:\n"
            + describe(loaded.problems()));
    assertTrue(loaded.hasErrors() || expected.stream().allMatch(x -> x.severity.equals("warning")));
  }

  private static String describe(List<Problem> problems) {
    return problems.stream()
        .map(
            p ->
                "  "
                    + p.severity().label()
                    + " "
                    + p.where()
                    + " "
                    + (p.field().isEmpty() ? "-" : p.field())
                    + " | "
                    + p.message())
        .collect(Collectors.joining("\n"));
  }

  private static List<String> strings(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(n -> result.add(n.asText()));
    return result;
  }

  /** Applies a case's edits, writes, bytes, deletes and symlinks to a copy of the base. */
  public static void apply(JsonNode spec, Path root) throws IOException {
    for (JsonNode e : spec.path("edit")) {
      Path file = root.resolve(e.get("file").asText());
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String find = e.get("find").asText();
      int first = text.indexOf(find);
      assertTrue(
          first >= 0 && text.indexOf(find, first + 1) < 0,
          "'" + find + "' must occur exactly once in " + file);
      Files.writeString(
          file, text.replace(find, e.path("replace").asText()), StandardCharsets.UTF_8);
    }
    for (JsonNode w : spec.path("write")) {
      Path file = root.resolve(w.get("file").asText());
      Files.createDirectories(file.getParent());
      Files.writeString(file, w.get("text").asText(), StandardCharsets.UTF_8);
    }
    for (JsonNode b : spec.path("bytes")) {
      Path file = root.resolve(b.get("file").asText());
      Files.createDirectories(file.getParent());
      Files.write(file, HexFormat.of().parseHex(b.get("hex").asText().replace(" ", "")));
    }
    for (JsonNode d : spec.path("delete")) {
      Path p = root.resolve(d.asText());
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          for (Path q : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
            Files.delete(q);
          }
        }
      } else {
        Files.delete(p);
      }
    }
    for (JsonNode s : spec.path("symlink")) {
      Path link = root.resolve(s.get("link").asText());
      String target = s.get("target").asText();
      if (s.path("outside").asBoolean()) {
        // A file outside the workspace, made for the link to point at.
        Path outside = root.getParent().resolve("outside.png");
        Files.copy(root.resolve("case-studies/base-study/figures/chart.png"), outside);
        Files.createSymbolicLink(link, outside);
      } else {
        Files.createSymbolicLink(link, Path.of(target));
      }
    }
  }

  /** One expected problem: severity, location, field, and a part of the message. */
  private record Expected(
      String line,
      String severity,
      String file,
      int lineNo,
      int column,
      String field,
      String message) {
    static Expected parse(String line) {
      String[] halves = line.split(" \\| ", 2);
      String[] head = halves[0].trim().split("\\s+");
      if (head.length != 3 || halves.length != 2) {
        throw new IllegalArgumentException(
            "expect lines are '<severity> <file>[:line[:col]] <field or -> | <message part>': "
                + line);
      }
      String[] where = head[1].split(":");
      return new Expected(
          line,
          head[0],
          where[0],
          where.length > 1 ? Integer.parseInt(where[1]) : 0,
          where.length > 2 ? Integer.parseInt(where[2]) : 0,
          head[2].equals("-") ? "" : head[2],
          halves[1].trim());
    }

    boolean matches(Problem p) {
      return p.severity().label().equals(severity)
          && p.file().equals(file)
          && p.line() == lineNo
          && p.column() == column
          && p.field().equals(field)
          && p.message().contains(message);
    }
  }
}
