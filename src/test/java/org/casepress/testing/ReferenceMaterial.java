package org.casepress.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where tests find reference material, in one place. Zenodo's recorded responses and schemas are
 * copied under {@code src/test/resources/reference/} (see SOURCES.md there), so they are always
 * present. The corpus of real Markdown is too large to copy and stays in {@code ../shared/corpus}:
 * tests that need it call {@link #corpus()}, which skips them with an assumption when it is absent
 * ({@link ReferenceSkips} prints the count at the end of the run).
 */
public final class ReferenceMaterial {
  /** The copies, relative to the project folder (Maven runs tests there). */
  public static final Path COPIES = Path.of("src", "test", "resources", "reference");

  /** The team's shared folder next to the clone; absent on a user's lone clone. */
  public static final Path SHARED = Path.of("..", "shared");

  /** The corpus of real third-party Markdown (CC-BY), never copied into the repository. */
  public static final Path CORPUS = SHARED.resolve("corpus");

  /** Starts every skip message, so {@link ReferenceSkips} can count them. */
  static final String ABSENT = "reference material absent: ";

  private ReferenceMaterial() {}

  /** Recorded real Zenodo responses. */
  public static Path zenodoResponses() {
    return COPIES.resolve("zenodo").resolve("responses");
  }

  /** Zenodo's legacy schemas and vocabularies. */
  public static Path zenodoSchemas() {
    return COPIES.resolve("zenodo").resolve("schemas");
  }

  /** One recorded response as text. */
  public static String zenodoResponse(String name) {
    try {
      return Files.readString(zenodoResponses().resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every recorded response body ({@code .json}, headers files included), sorted. */
  public static List<Path> zenodoResponseFiles() throws IOException {
    try (Stream<Path> s = Files.list(zenodoResponses())) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** The shared corpus; skips the calling test (visibly, counted) when it is not there. */
  public static Path corpus() {
    return present(CORPUS);
  }

  /** The originals of the copies, {@code ../shared/zenodo}; skips the calling test when absent. */
  public static Path sharedZenodo() {
    return present(SHARED.resolve("zenodo"));
  }

  private static Path present(Path dir) {
    assumeTrue(
        Files.isDirectory(dir),
        () ->
            ABSENT
                + dir
                + " is not next to the project (a lone clone): this test runs where ../shared"
                + " is present, as on CI");
    return dir;
  }
}
