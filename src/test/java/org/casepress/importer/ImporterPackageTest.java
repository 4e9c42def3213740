package org.casepress.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** cli -> importer -> source -> model, and nothing but the CLI uses the importer. */
class ImporterPackageTest {
  private static final Path MAIN = Path.of("src/main/java/org/casepress");
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import (?:static )?org\\.casepress\\.(\\w+)\\.");

  @Test
  void importerUsesOnlySourceAndModel() throws IOException {
    assertEquals(List.of(), uses(MAIN.resolve("importer"), List.of("importer", "source", "model")));
  }

  @Test
  void onlyTheCliUsesTheImporter() throws IOException {
    try (Stream<Path> packages = Files.list(MAIN)) {
      for (Path p : packages.filter(Files::isDirectory).toList()) {
        String name = p.getFileName().toString();
        if (!name.equals("cli") && !name.equals("importer")) {
          List<String> found = uses(p, null);
          assertEquals(
              List.of(), found.stream().filter(f -> f.endsWith(" importer")).toList(), name);
        }
      }
    }
  }

  /** "File.java package" for each casepress package a file imports outside {@code allowed}. */
  private static List<String> uses(Path dir, List<String> allowed) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .flatMap(
              f -> {
                try {
                  Matcher m = IMPORT.matcher(Files.readString(f));
                  return m.results()
                      .map(r -> r.group(1))
                      .filter(used -> allowed == null || !allowed.contains(used))
                      .map(used -> f.getFileName() + " " + used);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .distinct()
          .toList();
    }
  }
}
