package org.casepress.zenodo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The recorded real Zenodo responses next to the clone, in {@code ../shared/zenodo/responses}. */
final class Fixtures {
  static final Path DIR = Path.of("..", "shared", "zenodo", "responses");

  private Fixtures() {}

  static String read(String name) {
    try {
      return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> all() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
