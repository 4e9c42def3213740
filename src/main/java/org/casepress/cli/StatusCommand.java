package org.casepress.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casepress.publish.LedgerStores;
import org.casepress.publish.TargetKind;
import org.casepress.source.Workspace;
import org.casepress.workflow.HistoryEntry;
import org.casepress.workflow.Overview;
import org.casepress.workflow.StateFileException;
import org.casepress.workflow.StatusFile;

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
    overview = ReviewCommands.workflow(in).overview();
    if (in.json()) {
      in.printJson(json(overview, in.workspace()));
    } else {
      printTable(in, overview, in.workspace());
    }
    for (StateFileException e : overview.unreadable()) {
      in.err().println(e.getMessage());
    }
    return overview.unreadable().isEmpty() ? ExitCode.OK : ExitCode.PROBLEM;
  }

  private static void printTable(Invocation in, Overview overview, Workspace workspace) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"SLUG", "TITLE", "STATE", "VERSION", "AUTHORS", "LAST CHANGE", "ZENODO"});
    for (Overview.Row r : overview.rows()) {
      HistoryEntry last = r.status().lastChange().orElse(null);
      rows.add(
          new String[] {
            r.slug(),
            truncate(r.title() == null ? "(case-study.md has errors)" : r.title(), TITLE_WIDTH),
            r.status().state().id() + (r.changedSince() ? ", changed since" : ""),
            String.valueOf(r.status().version()),
            truncate(String.join(", ", r.authors()), AUTHORS_WIDTH),
            last == null ? "-" : last.time().toString().substring(0, 10) + " " + last.actor(),
            deposits(workspace, r.status())
          });
    }
    if (rows.size() == 1 && overview.unreadable().isEmpty()) {
      in.out().println("No case studies yet. Start one with ./casepress new SLUG --title \"...\".");
      return;
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], width(row[i]));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - width(row[i]) + 2));
      }
      in.out().println(line.toString().stripTrailing());
    }
  }

  /** Where the current version stands on each target, e.g. "local: published 10.5072/zenodo.2". */
  static String deposits(Workspace workspace, StatusFile status) {
    List<String> parts = new ArrayList<>();
    for (TargetKind target : TargetKind.values()) {
      LedgerStores.current(workspace, status, target)
          .ifPresent(
              e ->
                  parts.add(
                      target.id()
                          + ": "
                          + (e.phase().isPublished() ? "published" : e.phase().label())
                          + (e.doi() != null
                              ? " " + e.doi()
                              : e.reservedDoi() != null ? " (DOI " + e.reservedDoi() + ")" : "")));
    }
    return parts.isEmpty() ? "-" : String.join("; ", parts);
  }

  /** Columns as a terminal shows them: combining accents take no room. */
  static int width(String s) {
    return (int)
        s.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).count();
  }

  /** The --json shape, documented in docs/status-json.md. */
  private static Map<String, Object> json(Overview overview, Workspace workspace) {
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
      Map<String, Object> deposits = new LinkedHashMap<>();
      for (TargetKind target : TargetKind.values()) {
        LedgerStores.current(workspace, r.status(), target)
            .ifPresent(e -> deposits.put(target.id(), LedgerStores.toJson(e)));
      }
      m.put("deposits", deposits);
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
