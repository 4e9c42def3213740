package org.casepress.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The copies under src/test/resources/reference are the shared originals, byte for byte. */
class ReferenceCopyTest {
  @Test
  void copiesEqualTheSharedOriginals() throws IOException {
    Path originals = ReferenceMaterial.sharedZenodo();
    Path copies = ReferenceMaterial.COPIES.resolve("zenodo");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(copies)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no copies under " + copies);
    for (Path copy : files) {
      Path original = originals.resolve(copies.relativize(copy).toString());
      assertArrayEquals(
          Files.readAllBytes(original),
          Files.readAllBytes(copy),
          copy + " differs from " + original + ": copy it again and note it in SOURCES.md");
    }
  }

  @Test
  void everySharedResponseAndSchemaIsCopied() throws IOException {
    Path originals = ReferenceMaterial.sharedZenodo();
    for (String folder : List.of("responses", "schemas")) {
      try (Stream<Path> list = Files.list(originals.resolve(folder))) {
        for (Path original : list.filter(p -> p.toString().endsWith(".json")).toList()) {
          Path copy =
              ReferenceMaterial.COPIES
                  .resolve("zenodo")
                  .resolve(folder)
                  .resolve(original.getFileName().toString());
          assertTrue(Files.exists(copy), original + " has no copy at " + copy);
        }
      }
    }
  }
}
