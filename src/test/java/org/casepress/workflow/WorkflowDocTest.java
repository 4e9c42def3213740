package org.casepress.workflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/workflow.md shows the transition table; this keeps it the same as the code's. */
class WorkflowDocTest {

  static String table() {
    StringBuilder s =
        new StringBuilder("| transition | from | to | by | requires |\n|---|---|---|---|---|\n");
    for (TransitionTable.Rule r : TransitionTable.RULES) {
      String from =
          Arrays.stream(ReviewState.values())
              .filter(r.from()::contains)
              .map(ReviewState::id)
              .collect(Collectors.joining(", "));
      String to = r.to() == null ? "the state it was withdrawn from" : r.to().id();
      s.append("| ")
          .append(r.transition().id())
          .append(" | ")
          .append(from)
          .append(" | ")
          .append(to)
          .append(" | ")
          .append(r.byLabel())
          .append(" | ")
          .append(r.requiresLabel())
          .append(" |\n");
    }
    return s.toString();
  }

  @Test
  void theDocumentedTableIsTheTransitionTable() throws Exception {
    String doc = Files.readString(Path.of("docs/workflow.md"));
    assertTrue(
        doc.contains(table()),
        "docs/workflow.md is out of date; its table should read:\n" + table());
  }

  @Test
  void everyStateIsDocumented() throws Exception {
    String doc = Files.readString(Path.of("docs/workflow.md"));
    for (ReviewState s : ReviewState.values()) {
      assertTrue(doc.contains("`" + s.id() + "`"), s.id());
    }
  }
}
