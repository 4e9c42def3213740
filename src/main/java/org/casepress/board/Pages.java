package org.casepress.board;

import java.util.List;
import java.util.Optional;
import org.casepress.model.Launch;
import org.casepress.model.Metadata;
import org.casepress.model.Person;
import org.casepress.model.Problem;
import org.casepress.publish.CommunityState;
import org.casepress.publish.Ledger;
import org.casepress.publish.Standing;
import org.casepress.publish.TargetKind;
import org.casepress.publish.Website;
import org.casepress.workflow.HistoryEntry;
import org.casepress.workflow.StateFileException;
import org.casepress.workflow.Transition;
import org.casepress.workflow.TransitionTable;
import org.jsoup.nodes.Entities;

/** The board's HTML pages: plain, semantic HTML with one stylesheet and a few lines of script. */
final class Pages {
  static final String STYLESHEET = "/board.css";

  /** The review steps the board offers when started with --allow-review. */
  static final List<Transition> REVIEW_STEPS =
      List.of(Transition.START_REVIEW, Transition.REQUEST_CHANGES, Transition.APPROVE);

  private Pages() {}

  // ---- the board

  static String board(Metadata metadata, Standing.All all, boolean allowReview) {
    StringBuilder s = new StringBuilder();
    head(s, "Case studies | " + metadata.community().series(), metadata);
    s.append("<h1>Case studies</h1>\n");
    mode(s, allowReview);
    s.append(
            "<table>\n<caption>Every case study, where it stands and whom it waits for</caption>\n")
        .append("<thead><tr><th scope=\"col\">Case study</th><th scope=\"col\">State</th>")
        .append("<th scope=\"col\">Waits for</th><th scope=\"col\">Latest review comment</th>")
        .append("<th scope=\"col\">Changed since approval</th><th scope=\"col\">Zenodo</th>")
        .append("<th scope=\"col\">Community</th></tr></thead>\n<tbody>\n");
    for (Standing st : all.standings()) {
      s.append("<tr><th scope=\"row\"><a href=\"/studies/")
          .append(e(st.slug()))
          .append("\">")
          .append(e(st.title()))
          .append("</a><br><span class=\"muted\">")
          .append(e(st.slug()))
          .append(", version ")
          .append(st.status().version())
          .append("</span></th>");
      s.append("<td class=\"state\">").append(e(st.status().state().id())).append("</td>");
      s.append("<td>").append(waits(st)).append("</td>");
      s.append("<td>").append(comment(st.latestComment())).append("</td>");
      s.append("<td>").append(changes(st, true)).append("</td>");
      s.append("<td>").append(deposits(st)).append("</td>");
      s.append("<td>").append(community(st)).append("</td></tr>\n");
    }
    s.append("</tbody>\n</table>\n");
    unreadable(s, all.unreadable());
    if (!metadata.launches().isEmpty()) {
      s.append("<h2>Launches</h2>\n<ul>\n");
      for (Launch l : metadata.launches()) {
        s.append("<li><a href=\"/launches/")
            .append(e(l.name()))
            .append("\">")
            .append(e(l.title()))
            .append("</a>, ")
            .append(e(l.date().toString()))
            .append("</li>\n");
      }
      s.append("</ul>\n");
    }
    return foot(s);
  }

  // ---- one case study

  static String study(
      Metadata metadata,
      Standing st,
      Optional<Previews.Preview> preview,
      boolean allowReview,
      String notice) {
    StringBuilder s = new StringBuilder();
    head(s, st.title() + " | " + metadata.community().series(), metadata);
    s.append("<h1>").append(e(st.title())).append("</h1>\n");
    if (notice != null) {
      s.append("<p class=\"mode\" role=\"status\">").append(e(notice)).append("</p>\n");
    }
    s.append("<dl class=\"facts\">\n<dt>Folder</dt><dd>case-studies/")
        .append(e(st.slug()))
        .append("/</dd>\n<dt>Authors</dt><dd>")
        .append(
            e(
                String.join(
                    ", ",
                    st.caseStudy()
                        .map(c -> c.authors().stream().map(Person::fullName).toList())
                        .orElse(List.of()))))
        .append("</dd>\n<dt>State</dt><dd>")
        .append(e(st.status().state().id()))
        .append(", version ")
        .append(st.status().version())
        .append("</dd>\n<dt>Waits for</dt><dd>")
        .append(waits(st))
        .append("</dd>\n<dt>Latest review comment</dt><dd>")
        .append(comment(st.latestComment()))
        .append("</dd>\n</dl>\n");
    if (st.changedSince()) {
      s.append("<h2 id=\"changes\">Changed since approval</h2>\n");
      s.append(changes(st, false));
      st.changes()
          .filter(c -> !c.diff().isBlank())
          .ifPresent(
              c ->
                  s.append("<p>Compared with commit ")
                      .append(e(c.commit()))
                      .append(
                          ", which recorded the approval.</p>\n<pre class=\"diff\" tabindex=\"0\" role=\"region\" aria-label=\"The changes since approval\">")
                      .append(diff(c.diff()))
                      .append("</pre>\n"));
    }
    preview(s, st, preview);
    s.append("<h2>On Zenodo</h2>\n");
    if (st.deposits().isEmpty()) {
      s.append("<p>Not staged on any target yet.</p>\n");
    } else {
      s.append("<table>\n<caption>Version ")
          .append(st.status().version())
          .append(" on each target</caption>\n<thead><tr><th scope=\"col\">Target</th>")
          .append("<th scope=\"col\">Stage</th><th scope=\"col\">DOI</th>")
          .append(
              "<th scope=\"col\">Record</th><th scope=\"col\">Community</th></tr></thead>\n<tbody>\n");
      for (TargetKind target : Standing.TARGETS) {
        Ledger.Entry entry = st.deposits().get(target);
        if (entry == null) {
          continue;
        }
        s.append("<tr><th scope=\"row\">")
            .append(e(target.id()))
            .append("</th><td>")
            .append(e(entry.phase().isPublished() ? "published" : entry.phase().label()))
            .append("</td><td>")
            .append(
                entry.doi() != null
                    ? e(entry.doi())
                    : entry.reservedDoi() != null ? e(entry.reservedDoi()) + " (reserved)" : "-")
            .append("</td><td>")
            .append(recordLink(st, target, entry))
            .append("</td><td>")
            .append(st.community(target).map(c -> community(target, c)).orElse("-"))
            .append("</td></tr>\n");
      }
      s.append("</tbody>\n</table>\n");
    }
    history(s, st.status().history());
    if (allowReview) {
      reviewForm(s, metadata, st);
    }
    liveScript(s, st.slug(), preview.map(Previews.Preview::generation).orElse(0));
    return foot(s);
  }

  private static void preview(StringBuilder s, Standing st, Optional<Previews.Preview> preview) {
    s.append("<h2 id=\"preview\">Draft PDF</h2>\n");
    if (preview.isEmpty()) {
      s.append("<p>The preview is being rendered; reload the page in a moment.</p>\n");
      return;
    }
    Previews.Preview p = preview.get();
    List<Problem> errors = p.problems().stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      s.append("<p class=\"bad\">The current files cannot be rendered")
          .append(p.rendered() ? "; the last good preview is shown below" : "")
          .append(". Fix these (./casepress check ")
          .append(e(st.slug()))
          .append("):</p>\n");
    }
    problems(s, p.problems());
    if (!p.rendered()) {
      return;
    }
    s.append("<p><a href=\"/studies/")
        .append(e(st.slug()))
        .append("/preview.pdf\">Open the draft PDF</a> (")
        .append(p.pageCount())
        .append(p.pageCount() == 1 ? " page" : " pages")
        .append("). <span id=\"rendered\" role=\"status\">Rendered ")
        .append(e(p.renderedAt().toString().substring(11, 19)))
        .append(" UTC, rendering ")
        .append(p.generation())
        .append("; it follows every saved change.</span></p>\n<div class=\"pages\">\n");
    for (int i = 0; i < p.pages().size(); i++) {
      s.append("<img src=\"/studies/")
          .append(e(st.slug()))
          .append("/page-")
          .append(i + 1)
          .append(".png?r=")
          .append(p.generation())
          .append("\" width=\"595\" height=\"842\" alt=\"Page ")
          .append(i + 1)
          .append(" of the draft PDF of ")
          .append(e(st.title()))
          .append("\">\n");
    }
    s.append("</div>\n");
  }

  private static void problems(StringBuilder s, List<Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    s.append("<ul>\n");
    for (Problem p : problems) {
      s.append("<li><span class=\"")
          .append(p.isError() ? "bad" : "warn")
          .append("\">")
          .append(e(p.severity().label()))
          .append("</span> ")
          .append(e(p.where()))
          .append(p.field().isEmpty() ? "" : " " + e(p.field()))
          .append(": ")
          .append(e(p.message()))
          .append("</li>\n");
    }
    s.append("</ul>\n");
  }

  private static void history(StringBuilder s, List<HistoryEntry> history) {
    s.append("<h2>History</h2>\n");
    if (history.isEmpty()) {
      s.append("<p>No steps yet: a draft, version 1.</p>\n");
      return;
    }
    s.append("<table>\n<caption>Every review step, oldest first</caption>\n<thead><tr>")
        .append("<th scope=\"col\">When (UTC)</th><th scope=\"col\">Who</th>")
        .append("<th scope=\"col\">Step</th><th scope=\"col\">Version</th>")
        .append("<th scope=\"col\">Comment</th></tr></thead>\n<tbody>\n");
    for (HistoryEntry h : history) {
      s.append("<tr><td>")
          .append(e(h.time().toString().replace('T', ' ').replace("Z", "")))
          .append("</td><td>")
          .append(e(h.actor()))
          .append("</td><td>")
          .append(e(h.action()))
          .append(": ")
          .append(e(h.from() == null ? "(new)" : h.from().id()))
          .append(" → ")
          .append(e(h.to().id()))
          .append("</td><td>")
          .append(h.version())
          .append("</td><td class=\"comment\">")
          .append(h.comment() == null ? "" : e(h.comment()))
          .append("</td></tr>\n");
    }
    s.append("</tbody>\n</table>\n");
  }

  private static void reviewForm(StringBuilder s, Metadata metadata, Standing st) {
    List<Transition> possible =
        REVIEW_STEPS.stream()
            .filter(t -> TransitionTable.rule(t).from().contains(st.status().state()))
            .toList();
    s.append("<h2>Review</h2>\n");
    if (possible.isEmpty()) {
      s.append("<p>No review step is possible from ")
          .append(e(st.status().state().id()))
          .append(".</p>\n");
      return;
    }
    s.append("<form class=\"review\" method=\"post\" action=\"/studies/")
        .append(e(st.slug()))
        .append(
            "/review\">\n<label for=\"step\">Step</label>\n<select id=\"step\" name=\"step\">\n");
    for (Transition t : possible) {
      s.append("<option value=\"")
          .append(e(t.id()))
          .append("\">")
          .append(e(t.id()))
          .append("</option>\n");
    }
    s.append("</select>\n<label for=\"as\">You are</label>\n<select id=\"as\" name=\"as\">\n");
    metadata.people().values().stream()
        .filter(p -> !p.roles().isEmpty())
        .sorted(java.util.Comparator.comparing(Person::id))
        .forEach(
            p ->
                s.append("<option value=\"")
                    .append(e(p.id()))
                    .append("\">")
                    .append(e(p.fullName()))
                    .append("</option>\n"));
    s.append("</select>\n<label for=\"comment\">Comment (kept in the history; needed to request")
        .append(" changes)</label>\n<textarea id=\"comment\" name=\"comment\"></textarea>\n")
        .append("<button type=\"submit\">Record the step</button>\n</form>\n");
  }

  /** Swaps in the new page images when the preview is re-rendered: no reload, no framework. */
  private static void liveScript(StringBuilder s, String slug, int generation) {
    s.append("<script>\n(function () {\n  var seen = ")
        .append(generation)
        .append(";\n  setInterval(function () {\n    fetch('/studies/")
        .append(slug)
        .append("/preview-generation').then(function (r) { return r.text(); })")
        .append(".then(function (t) {\n      var now = parseInt(t, 10);\n")
        .append("      if (now > seen) { seen = now; location.reload(); }\n    });\n")
        .append("  }, 1000);\n})();\n</script>\n");
  }

  // ---- a launch

  /**
   * One row of a launch page.
   *
   * @param standing the case study, or empty when launches.yaml names a folder that does not exist
   * @param blockers why it cannot go out now; empty when ready
   */
  record LaunchRow(String slug, Optional<Standing> standing, List<String> blockers) {}

  static String launch(
      Metadata metadata, Launch launch, TargetKind target, List<LaunchRow> rows, String verdict) {
    StringBuilder s = new StringBuilder();
    head(s, launch.title() + " | " + metadata.community().series(), metadata);
    s.append("<h1>")
        .append(e(launch.title()))
        .append("</h1>\n<p>Launch ")
        .append(e(launch.name()))
        .append(" on ")
        .append(e(launch.date().toString()))
        .append(". Target shown: <strong>")
        .append(e(target.id()))
        .append("</strong> (also: ");
    boolean first = true;
    for (TargetKind t : Standing.TARGETS) {
      if (t == target) {
        continue;
      }
      s.append(first ? "" : ", ")
          .append("<a href=\"/launches/")
          .append(e(launch.name()))
          .append("?target=")
          .append(e(t.id()))
          .append("\">")
          .append(e(t.id()))
          .append("</a>");
      first = false;
    }
    s.append(").</p>\n<p class=\"mode\" role=\"status\">").append(e(verdict)).append("</p>\n");
    s.append(
            "<table>\n<caption>Every case study of the launch, ready or blocked and why</caption>\n")
        .append("<thead><tr><th scope=\"col\">Case study</th><th scope=\"col\">State</th>")
        .append("<th scope=\"col\">On ")
        .append(e(target.id()))
        .append(
            "</th><th scope=\"col\">Reserved DOI</th><th scope=\"col\">Record</th>"
                + "<th scope=\"col\">Community</th><th scope=\"col\">Ready?</th></tr></thead>\n"
                + "<tbody>\n");
    for (LaunchRow row : rows) {
      Optional<Ledger.Entry> entry = row.standing().map(st -> st.deposits().get(target));
      s.append("<tr><th scope=\"row\">");
      if (row.standing().isPresent()) {
        s.append("<a href=\"/studies/")
            .append(e(row.slug()))
            .append("\">")
            .append(e(row.standing().get().title()))
            .append("</a>");
      } else {
        s.append(e(row.slug()));
      }
      s.append("</th><td>")
          .append(e(row.standing().map(Standing::state).orElse("no such case study")))
          .append("</td><td>")
          .append(
              e(
                  entry
                      .map(x -> x.phase().isPublished() ? "published" : x.phase().label())
                      .orElse("not staged")))
          .append("</td><td>")
          .append(e(entry.map(Ledger.Entry::reservedDoi).orElse("-")))
          .append("</td><td>")
          .append(
              row.standing().isPresent() && entry.isPresent()
                  ? recordLink(row.standing().get(), target, entry.get())
                  : "-")
          .append("</td><td>")
          .append(
              row.standing()
                  .flatMap(st -> st.community(target))
                  .map(c -> community(target, c))
                  .orElse("-"))
          .append("</td><td>");
      if (row.blockers().isEmpty()) {
        s.append("<span class=\"ok\">ready</span>");
      } else {
        s.append("<span class=\"bad\">blocked</span>: ")
            .append(e(String.join("; ", row.blockers())));
      }
      s.append("</td></tr>\n");
    }
    s.append("</tbody>\n</table>\n");
    return foot(s);
  }

  // ---- pieces

  private static String waits(Standing st) {
    var w = st.waiting();
    return e(w.people().isEmpty() ? w.party() : w.names())
        + " <span class=\"muted\">to "
        + e(w.toDo())
        + "</span>";
  }

  private static String comment(Optional<HistoryEntry> c) {
    if (c.isEmpty()) {
      return "<span class=\"muted\">none yet</span>";
    }
    HistoryEntry h = c.get();
    return "<div class=\"comment\">"
        + e(h.comment())
        + "</div><span class=\"muted\">"
        + e(h.actor())
        + ", "
        + e(h.action())
        + ", "
        + e(h.time().toString().substring(0, 10))
        + "</span>";
  }

  private static String changes(Standing st, boolean link) {
    if (!st.changedSince()) {
      return st.status().approvedDigest() == null ? "-" : "no";
    }
    if (st.changes().isEmpty()) {
      return "<span class=\"warn\">yes</span>: which files cannot be told here (the approval is not"
          + " committed to git yet)";
    }
    StringBuilder s = new StringBuilder("<span class=\"warn\">yes</span>: ");
    s.append(e(String.join(", ", st.changes().get().files())));
    if (link) {
      s.append(" (<a href=\"/studies/").append(e(st.slug())).append("#changes\">see the diff</a>)");
    }
    return s.toString();
  }

  private static String deposits(Standing st) {
    if (st.deposits().isEmpty()) {
      return "-";
    }
    StringBuilder s = new StringBuilder();
    for (TargetKind target : Standing.TARGETS) {
      Ledger.Entry entry = st.deposits().get(target);
      if (entry == null) {
        continue;
      }
      s.append(s.length() == 0 ? "" : "<br>")
          .append(e(target.id()))
          .append(": ")
          .append(e(entry.phase().isPublished() ? "published" : entry.phase().label()));
      String doi = entry.doi() != null ? entry.doi() : entry.reservedDoi();
      if (doi != null) {
        s.append(" ").append(e(doi));
      }
      st.recordUrl(target, site(target))
          .ifPresent(
              url ->
                  s.append(" (<a href=\"")
                      .append(e(url))
                      .append("\">")
                      .append(e(url))
                      .append("</a>)"));
    }
    return s.toString();
  }

  private static String community(Standing st) {
    StringBuilder s = new StringBuilder();
    for (TargetKind target : Standing.TARGETS) {
      st.community(target)
          .ifPresent(
              c ->
                  s.append(s.length() == 0 ? "" : "<br>")
                      .append(e(target.id()))
                      .append(": ")
                      .append(community(target, c)));
    }
    return s.length() == 0 ? "-" : s.toString();
  }

  /** The state in words, and the request as a link to where its curators decide on it. */
  private static String community(TargetKind target, CommunityState c) {
    return e(c.words())
        + c.request()
            .map(
                id -> ", request <a href=\"" + e(site(target).request(id)) + "\">" + e(id) + "</a>")
            .orElse("");
  }

  /** Local records and requests open on this board, at whatever port it runs; others on Zenodo. */
  private static Website site(TargetKind target) {
    return target == TargetKind.LOCAL ? new Website("") : Website.of(target);
  }

  private static String recordLink(Standing st, TargetKind target, Ledger.Entry entry) {
    Optional<String> url = st.recordUrl(target, site(target));
    if (url.isEmpty()) {
      return entry.depositId() == null || target != TargetKind.LOCAL
          ? "-"
          : "<a href=\"/deposit/" + entry.depositId() + "\">draft " + entry.depositId() + "</a>";
    }
    return "<a href=\"" + e(url.get()) + "\">" + e(url.get()) + "</a>";
  }

  private static String diff(String diff) {
    StringBuilder s = new StringBuilder();
    for (String line : diff.lines().toList()) {
      String cls =
          line.startsWith("+") && !line.startsWith("+++")
              ? "add"
              : line.startsWith("-") && !line.startsWith("---")
                  ? "del"
                  : line.startsWith("@@") ? "hunk" : null;
      s.append(cls == null ? "" : "<span class=\"" + cls + "\">")
          .append(e(line))
          .append(cls == null ? "" : "</span>")
          .append('\n');
    }
    return s.toString();
  }

  private static void unreadable(StringBuilder s, List<StateFileException> unreadable) {
    if (unreadable.isEmpty()) {
      return;
    }
    s.append("<h2>Cannot be read</h2>\n<ul>\n");
    unreadable.forEach(
        x -> s.append("<li class=\"bad\">").append(e(x.getMessage())).append("</li>\n"));
    s.append("</ul>\n");
  }

  private static void mode(StringBuilder s, boolean allowReview) {
    s.append("<p class=\"mode\">")
        .append(
            allowReview
                ? "Reviews allowed: each case study's page can record start-review, request-changes"
                    + " and approve, as the person chosen there (the same rules as the commands)."
                : "Read-only: this board changes nothing. To record review steps here, start it with"
                    + " ./casepress serve --allow-review.")
        .append("</p>\n");
  }

  static String error(Metadata metadata, int status, String message) {
    StringBuilder s = new StringBuilder();
    head(s, (status == 404 ? "Not found" : "Not done") + " | casepress board", metadata);
    s.append("<h1>")
        .append(status == 404 ? "Not found" : "Not done")
        .append("</h1>\n<p>")
        .append(e(message))
        .append("</p>\n<p><a href=\"/\">Back to the board</a></p>\n");
    return foot(s);
  }

  private static void head(StringBuilder s, String title, Metadata metadata) {
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(e(title))
        .append("</title>\n<link rel=\"stylesheet\" href=\"")
        .append(STYLESHEET)
        .append("\">\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the content</a>\n")
        .append("<header>\n<p>casepress board: ")
        .append(e(metadata == null ? "" : metadata.community().series()))
        .append(
            "</p>\n<nav aria-label=\"Board\">\n<ul>\n<li><a href=\"/\">All case studies</a></li>\n");
    if (metadata != null) {
      for (Launch l : metadata.launches()) {
        s.append("<li><a href=\"/launches/")
            .append(e(l.name()))
            .append("\">Launch: ")
            .append(e(l.name()))
            .append("</a></li>\n");
      }
    }
    s.append("</ul>\n</nav>\n</header>\n<main id=\"main\">\n");
  }

  private static String foot(StringBuilder s) {
    return s.append("</main>\n</body>\n</html>\n").toString();
  }

  static String e(String s) {
    return Entities.escape(s == null ? "" : s);
  }
}
