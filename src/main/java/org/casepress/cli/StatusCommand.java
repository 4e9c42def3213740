package org.casepress.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casepress.workflow.HistoryEntry;
import org.casepress.workflow.Overview;
import org.casepress.workflow.StateFileException;
import org.casepress.workflow.WorkflowException;

/** {@code status}: where every case study stands, as a table or JSON. */
final class StatusCommand implements Command {
  private static final int TITLE_WIDTH = 40;
  private static final int AUTHORS_WIDTH = 30;

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String synopsis() {
    return "[--json]";
  }

  @Override
  public String summary() {
    return "where each case study stands: state, version, authors, last change";
  }

  @Override
  public int run(Invocation in) {
    Overview overview;
    try {
      overview = ReviewCommands.workflow(in).overview();
    } catch (WorkflowException e) {
      throw ReviewCommands.refused(in, e);
    }
    if (in.json()) {
      in.printJson(json(overview));
    } else {
      printTable(in, overview);
    }
    for (StateFileException e : overview.unreadable()) {
      in.err().println(e.getMessage());
    }
    return overview.unreadable().isEmpty() ? ExitCode.OK : ExitCode.PROBLEM;
  }

  private static void printTable(Invocation in, Overview overview) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SLUG", "TITLE", "STATE", "VERSION", "AUTHORS", "LAST CHANGE"});
    for (Overview.Row r : overview.rows()) {
      HistoryEntry last = r.status().lastChange().orElse(null);
      rows.add(
          new String[] {
            r.slug(),
            truncate(r.title() == null ? "(case-study.md has errors)" : r.title(), TITLE_WIDTH),
            r.status().state().id() + (r.changedSince() ? ", changed since" : ""),
            String.valueOf(r.status().version()),
            truncate(String.join(", ", r.authors()), AUTHORS_WIDTH),
            last == null ? "-" : last.time().toString().substring(0, 10) + " " + last.actor()
          });
    }
    if (rows.size() == 1 && overview.unreadable().isEmpty()) {
      in.out().println("No case studies yet. Start one with ./casepress new SLUG --title \"...\".");
      return;
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(String.format("%-" + widths[i] + "s", row[i])).append("  ");
      }
      in.out().println(line.toString().stripTrailing());
    }
  }

  /** The --json shape, documented in docs/status-json.md. */
  private static Map<String, Object> json(Overview overview) {
    List<Map<String, Object>> studies = new ArrayList<>();
    for (Overview.Row r : overview.rows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("slug", r.slug());
      m.put("title", r.title());
      m.put("state", r.status().state());
      m.put("changed_since_approval", r.changedSince());
      m.put("version", r.status().version());
      m.put("authors", r.authors());
      m.put("approved_digest", r.status().approvedDigest());
      m.put("last_change", r.status().lastChange().orElse(null));
      m.put("targets", r.status().targets());
      studies.add(m);
    }
    List<Map<String, Object>> unreadable = new ArrayList<>();
    for (StateFileException e : overview.unreadable()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", e.file());
      m.put("line", e.line());
      m.put("message", e.getMessage());
      unreadable.add(m);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("case_studies", studies);
    result.put("unreadable", unreadable);
    return result;
  }

  private static String truncate(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}
