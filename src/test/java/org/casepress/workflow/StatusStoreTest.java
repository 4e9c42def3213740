package org.casepress.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casepress.source.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusStoreTest {
  private static final String FILE = "case-studies/fernbank-flood-models/status.json";

  private static final String SUBMITTED =
      """
      {
        "schema": 1,
        "slug": "fernbank-flood-models",
        "state": "submitted",
        "version": 1,
        "approved_digest": null,
        "history": [
          {
            "time": "2026-11-25T09:00:00Z",
            "actor": "morgan-ellis",
            "action": "submit",
            "from": "draft",
            "to": "submitted",
            "version": 1,
            "comment": null,
            "digest": "sha256:abababababababababababababababababababababababababababababababab"
          }
        ],
        "targets": {}
      }
      """;

  @Test
  void writesPrettyStableJsonWithAFinalNewline() {
    assertEquals(
        SUBMITTED,
        new String(
            StatusStore.bytes(Fixtures.inState(ReviewState.SUBMITTED)), StandardCharsets.UTF_8));
  }

  @Test
  void readsWhatItWrites() {
    StatusFile published =
        Fixtures.inState(ReviewState.PUBLISHED)
            .withTarget("sandbox", JsonNodeFactory.instance.objectNode().put("deposit", 42));
    assertEquals(published, StatusStore.parse(StatusStore.bytes(published), Fixtures.SLUG, FILE));
  }

  @Test
  void targetsAreWrittenInNameOrder() {
    StatusFile s =
        StatusFile.initial(Fixtures.SLUG)
            .withTarget("sandbox", JsonNodeFactory.instance.objectNode())
            .withTarget("production", JsonNodeFactory.instance.objectNode());
    String json = new String(StatusStore.bytes(s), StandardCharsets.UTF_8);
    assertTrue(json.indexOf("\"production\"") < json.indexOf("\"sandbox\""), json);
  }

  @Test
  void aFolderWithoutStatusJsonIsAFirstDraft(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("case-studies/fernbank-flood-models"));
    assertEquals(
        StatusFile.initial(Fixtures.SLUG), new StatusStore(new Workspace(dir)).read(Fixtures.SLUG));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bad JSON              | "targets": {} | "targets": {     | 21 | this is not valid JSON (column 1): Unexpected end-of-input: expected close marker for Object.
          unknown state         | "to": "submitted" | "to": "submited" | 13 | history[0].to 'submited' is not a review state (draft, submitted, in-review, changes-requested, approved, withdrawn, published).
          broken history chain  | "from": "draft" | "from": "in-review" | 12 | history[0].from is 'in-review' but a history starts at draft (or at null, when casepress created the case study).
          state against history | "state": "submitted" | "state": "approved" | 4 | state is 'approved' but the history ends in 'submitted'
          unknown key           | "schema": 1, | "schema": 1, "note": "hi", | 2 | 'note' is not a key casepress writes (expected: schema, slug, state, version, approved_digest, history, targets).
          newer schema          | "schema": 1, | "schema": 2, | 2 | schema 2 is not one this casepress knows (it writes 1). A newer casepress wrote it: update casepress.
          copied from elsewhere | "slug": "fernbank-flood-models" | "slug": "river-sensors" | 3 | it says it belongs to 'river-sensors' but lies in the folder of 'fernbank-flood-models'
          bad time              | 2026-11-25T09:00:00Z | yesterday | 9 | history[0].time is not a UTC time such as 2026-11-25T16:40:12Z.
          version as text       | "version": 1, | "version": "1", | 5 | version should be a whole number, but is the text "1".
          duplicate key         | "version": 1, | "version": 1, "version": 2, | 5 | this is not valid JSON (column 26): Duplicate field 'version'.
          """)
  void refusesAStatusFileItCannotTrust(
      String name, String find, String replace, int line, String what) {
    byte[] bytes =
        SUBMITTED
            .replaceFirst(
                java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(replace))
            .getBytes(StandardCharsets.UTF_8);
    StateFileException e =
        assertThrows(StateFileException.class, () -> StatusStore.parse(bytes, Fixtures.SLUG, FILE));
    assertEquals(FILE, e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.getMessage().startsWith(FILE + ":" + line + ": " + what), e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "restore it with 'git checkout -- "
                    + FILE
                    + "' (or fix it as described), then run the command again."),
        e.getMessage());
  }

  @Test
  void anEntryMustStartWhereThePreviousOneEnded() {
    String inReview =
        new String(
            StatusStore.bytes(Fixtures.inState(ReviewState.IN_REVIEW)), StandardCharsets.UTF_8);
    byte[] bytes =
        inReview
            .replace("\"from\": \"submitted\"", "\"from\": \"draft\"")
            .getBytes(StandardCharsets.UTF_8);
    StateFileException e =
        assertThrows(StateFileException.class, () -> StatusStore.parse(bytes, Fixtures.SLUG, FILE));
    assertTrue(
        e.getMessage()
            .startsWith(
                FILE
                    + ":22: history[1].from is 'draft' but the entry before ends in 'submitted':"
                    + " history only grows at its end"),
        e.getMessage());
  }

  @Test
  void aMissingKeyIsNamed() {
    byte[] bytes =
        SUBMITTED.replace("  \"approved_digest\": null,\n", "").getBytes(StandardCharsets.UTF_8);
    StateFileException e =
        assertThrows(StateFileException.class, () -> StatusStore.parse(bytes, Fixtures.SLUG, FILE));
    assertTrue(
        e.getMessage().startsWith(FILE + ":1: the key 'approved_digest' is missing."),
        e.getMessage());
  }

  @Test
  void writingReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("case-studies/fernbank-flood-models"));
    StatusStore store = new StatusStore(new Workspace(dir));
    store.write(Fixtures.inState(ReviewState.SUBMITTED));
    store.write(Fixtures.inState(ReviewState.IN_REVIEW));
    assertArrayEquals(
        StatusStore.bytes(Fixtures.inState(ReviewState.IN_REVIEW)),
        Files.readAllBytes(folder.resolve("status.json")));
    try (var files = Files.list(folder)) {
      assertEquals(1, files.count());
    }
  }
}
