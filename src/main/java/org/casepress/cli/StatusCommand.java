package org.casepress.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.model.Person;
import org.casepress.publish.CommunityState;
import org.casepress.publish.Ledger;
import org.casepress.publish.LedgerStores;
import org.casepress.publish.Standing;
import org.casepress.publish.TargetKind;
import org.casepress.publish.Website;
import org.casepress.source.Workspace;
import org.casepress.workflow.HistoryEntry;
import org.casepress.workflow.Overview;
import org.casepress.workflow.StateFileException;
import org.casepress.workflow.Waiting;

/** {@code status}: where every case study stands, as a table or JSON. */
final class StatusCommand implements Command {

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String synopsis() {
    return "[--wide] [--json]";
  }

  @Override
  public String summary() {
    return "where each case study stands, whom it waits for, the latest comment";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder()
                .longOpt("wide")
                .desc("one wide row per case study, nothing shortened (for wide terminals)")
                .get());
  }

  @Override
  public int run(Invocation in) {
    Standing.All all = Standing.read(in.workspace());
    if (in.json()) {
      in.printJson(json(all.overview(), all, in.workspace()));
    } else if (all.standings().isEmpty() && all.unreadable().isEmpty()) {
      in.out().println("No case studies yet. Start one with ./casepress new SLUG --title \"...\".");
    } else if (in.line().hasOption("wide")) {
      printWide(in, all);
    } else {
      printNarrow(in, all);
    }
    for (StateFileException e : all.unreadable()) {
      in.err().println(e.getMessage());
    }
    return all.unreadable().isEmpty() ? ExitCode.OK : ExitCode.PROBLEM;
  }

  /**
   * A few lines per case study, each cut to {@value #TERMINAL} columns: the slug, version and
   * state; whom it waits for; the latest comment; where it stands on Zenodo.
   */
  private static void printNarrow(Invocation in, Standing.All all) {
    boolean first = true;
    for (Standing s : all.standings()) {
      if (!first) {
        in.out().println();
      }
      first = false;
      line(in, s.slug() + "  v" + s.status().version() + "  " + s.state());
      line(in, "  " + s.title());
      line(in, "  waits for " + waits(s));
      s.latestComment().ifPresent(c -> line(in, "  " + comment(c)));
      String deposits = deposits(s);
      if (!deposits.equals("-")) {
        line(in, "  zenodo: " + deposits);
      }
      for (TargetKind target : Standing.TARGETS) {
        s.recordUrl(target, Website.of(target))
            .ifPresent(url -> line(in, "  " + target.id() + " record: " + url + served(target)));
        s.community(target)
            .ifPresent(c -> line(in, "  " + target.id() + " community: " + shortLine(c)));
      }
    }
    in.out().println();
    line(in, "Full comments: ./casepress history SLUG. Everything on one line: --wide.");
  }

  private static void printWide(Invocation in, Standing.All all) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "SLUG",
          "TITLE",
          "STATE",
          "VERSION",
          "AUTHORS",
          "WAITS FOR",
          "LATEST COMMENT",
          "ZENODO",
          "COMMUNITY"
        });
    for (Standing s : all.standings()) {
      rows.add(
          new String[] {
            s.slug(),
            s.title(),
            s.state(),
            String.valueOf(s.status().version()),
            String.join(
                ", ",
                s.caseStudy()
                    .map(c -> c.authors().stream().map(Person::family).toList())
                    .orElse(List.of())),
            waits(s),
            s.latestComment().map(StatusCommand::comment).orElse("-"),
            deposits(s),
            communities(s)
          });
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

  private static final int TERMINAL = 80;

  private static void line(Invocation in, String text) {
    in.out().println(fit(text.replace('\n', ' '), TERMINAL));
  }

  private static String waits(Standing s) {
    Waiting w = s.waiting();
    return w.people().isEmpty() && w.party().equals("nobody")
        ? "nobody (" + w.toDo() + ")"
        : w.names() + " to " + w.toDo();
  }

  /** Who said it first, so that cutting the line shortens the comment, not the name. */
  private static String comment(HistoryEntry c) {
    return c.actor()
        + " ("
        + c.action()
        + ", "
        + c.time().toString().substring(0, 10)
        + "): \""
        + c.comment().replaceAll("\\s+", " ")
        + "\"";
  }

  /** Where the current version stands on each target, e.g. "local: published 10.5072/zenodo.2". */
  static String deposits(Standing s) {
    List<String> parts = new ArrayList<>();
    s.deposits().entrySet().stream()
        .sorted(java.util.Comparator.comparing(e -> Standing.TARGETS.indexOf(e.getKey())))
        .forEach(
            t -> {
              Ledger.Entry e = t.getValue();
              parts.add(
                  t.getKey().id()
                      + ": "
                      + (e.phase().isPublished() ? "published" : e.phase().label())
                      + (e.doi() != null
                          ? " " + e.doi()
                          : e.reservedDoi() != null ? " (DOI " + e.reservedDoi() + ")" : ""));
            });
    return parts.isEmpty() ? "-" : String.join("; ", parts);
  }

  /** A local record opens on the board, which must be running. */
  private static String served(TargetKind target) {
    return target == TargetKind.LOCAL ? " (./casepress serve)" : "";
  }

  /**
   * "pending, request ID", so that the request's id fits 80 columns whole; once in the community,
   * or without a request, the state in words.
   */
  private static String shortLine(CommunityState c) {
    return c.request()
        .filter(id -> c.inclusion() != CommunityState.Inclusion.ACCEPTED)
        .map(id -> c.inclusion().id().replace('_', ' ') + ", request " + id)
        .orElse(c.words());
  }

  /** The community state per target it is published on, e.g. "local: in the community". */
  private static String communities(Standing s) {
    List<String> parts = new ArrayList<>();
    for (TargetKind target : Standing.TARGETS) {
      s.community(target).ifPresent(c -> parts.add(target.id() + ": " + c.line()));
    }
    return parts.isEmpty() ? "-" : String.join("; ", parts);
  }

  /** {@code s} cut to {@code columns} terminal columns, ending in "…" when cut. */
  static String fit(String s, int columns) {
    if (width(s) <= columns) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int w = Character.getType(c) == Character.NON_SPACING_MARK ? 0 : 1;
      if (used + w > columns - 1) {
        break;
      }
      out.appendCodePoint(c);
      used += w;
      i += Character.charCount(c);
    }
    return out.append('…').toString();
  }

  /** Columns as a terminal shows them: combining accents take no room. */
  static int width(String s) {
    return (int)
        s.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).count();
  }

  /** The --json shape, documented in docs/status-json.md. */
  private static Map<String, Object> json(
      Overview overview, Standing.All all, Workspace workspace) {
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
      Standing standing = all.of(r.slug()).orElseThrow();
      m.put("changed_files", standing.changes().map(c -> (Object) c.files()).orElse(null));
      Map<String, Object> waiting = new LinkedHashMap<>();
      waiting.put("party", standing.waiting().party());
      waiting.put("people", standing.waiting().people().stream().map(Person::id).toList());
      waiting.put("to_do", standing.waiting().toDo());
      m.put("waits_for", waiting);
      m.put("latest_comment", standing.latestComment().orElse(null));
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
}
