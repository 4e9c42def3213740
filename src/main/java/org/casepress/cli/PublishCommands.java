package org.casepress.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.publish.Confirmation;
import org.casepress.publish.LocalRecords;
import org.casepress.publish.PlanRow;
import org.casepress.publish.Progress;
import org.casepress.publish.ReadyToPublish;
import org.casepress.publish.ReleaseOutcome;
import org.casepress.publish.Released;
import org.casepress.publish.Session;
import org.casepress.publish.StageOutcome;
import org.casepress.publish.Staged;
import org.casepress.publish.TargetKind;
import org.casepress.source.Workspace;

/**
 * plan, stage, release and unstage: each parses its options, makes one {@link Session} call and
 * prints what came back.
 */
final class PublishCommands {
  private PublishCommands() {}

  /** The case studies a publishing command acts on: those named, or a launch's. */
  record Chosen(List<String> slugs, String launch) {
    static Chosen from(Invocation in) {
      return new Chosen(in.args(), in.line().getOptionValue("launch"));
    }
  }

  static Session open(Invocation in) {
    return Session.open(in.workspace(), in.destination(), in.actorId(), progress(in));
  }

  static Progress progress(Invocation in) {
    boolean terminal = System.console() != null && !in.json();
    return new Progress() {
      @Override
      public void step(int index, int total, String slug, String step) {
        String line = "[" + index + "/" + total + "] " + slug + ": " + step;
        in.err().print(terminal ? "\r\033[K" + line + (index == total ? "\n" : "") : line + "\n");
      }

      /** Each look on a line of its own: the coordinator sees the count go up, then stop. */
      @Override
      public void waiting(Wait wait) {
        in.err().print((terminal ? "\r\033[K" : "") + wait.line() + "\n");
      }
    };
  }

  /** --target and --zenodo-url, which every command that talks to Zenodo takes. */
  static Options targetOptions() {
    Options options = new Options();
    options.addOption(
        Option.builder()
            .longOpt("target")
            .hasArg()
            .argName("T")
            .desc("local (default: the embedded server), sandbox or production")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("zenodo-url")
            .hasArg()
            .argName("URL")
            .desc("override the target's API base URL (plain http only on loopback)")
            .get());
    return options;
  }

  static Options selectionOptions() {
    Options o = targetOptions();
    o.addOption(
        Option.builder()
            .longOpt("launch")
            .hasArg()
            .argName("NAME")
            .desc("the case studies of a launch in metadata/launches.yaml, dated with the launch")
            .get());
    return o;
  }

  static Option asOption() {
    return Option.builder()
        .longOpt("as")
        .hasArg()
        .argName("PERSON")
        .desc("who is acting (or CASEPRESS_USER)")
        .get();
  }

  // ------------------------------------------------------------------------------------------

  static final class PlanCommand implements Command {
    @Override
    public String name() {
      return "plan";
    }

    @Override
    public String synopsis() {
      return "[SLUG...] [--launch NAME] [--target T] [--json]";
    }

    @Override
    public String summary() {
      return "what stage and release would do, sending nothing";
    }

    @Override
    public Options options() {
      return selectionOptions();
    }

    @Override
    public int run(Invocation in) {
      Chosen chosen = Chosen.from(in);
      List<PlanRow> rows;
      String target;
      try (Session session = open(in)) {
        rows = session.plan(chosen.slugs(), chosen.launch());
        target = session.target().id();
      }
      int total = rows.stream().mapToInt(PlanRow::requests).sum();
      if (in.json()) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target", target);
        out.put("requests", total);
        List<Map<String, Object>> list = new ArrayList<>();
        for (PlanRow r : rows) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("slug", r.slug());
          m.put("version", r.version());
          m.put("action", r.action().label());
          m.put("requests", r.requests());
          m.put("note", r.note());
          list.add(m);
        }
        out.put("case_studies", list);
        in.printJson(out);
      } else {
        in.out().println("Plan for target " + target + " (nothing has been sent):");
        for (PlanRow r : rows) {
          in.out()
              .printf(
                  "  %-40s v%-3d %-12s %2d requests  %s%n",
                  r.slug(), r.version(), r.action().label(), r.requests(), r.note());
        }
        in.out().println("In all: " + total + " requests to Zenodo.");
      }
      return ExitCode.OK;
    }
  }

  static final class StageCommand implements Command {
    @Override
    public String name() {
      return "stage";
    }

    @Override
    public String synopsis() {
      return "[SLUG...] [--launch NAME] [--target T] [--as PERSON]";
    }

    @Override
    public String summary() {
      return "drafts on Zenodo with reserved DOIs and the final PDFs, ready to release";
    }

    @Override
    public Options options() {
      Options o = selectionOptions();
      o.addOption(asOption());
      return o;
    }

    @Override
    public int run(Invocation in) {
      Chosen chosen = Chosen.from(in);
      List<Staged> staged;
      String target;
      try (Session session = open(in)) {
        staged = session.stage(chosen.slugs(), chosen.launch());
        target = session.target().id();
      }
      if (in.json()) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Staged s : staged) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("slug", s.slug());
          m.put("outcome", s.outcome().name().toLowerCase(java.util.Locale.ROOT));
          m.put("reserved_doi", s.reservedDoi());
          out.add(m);
        }
        in.printJson(out);
        return ExitCode.OK;
      }
      if (staged.isEmpty()) {
        in.out().println("Nothing to stage: no case study is approved (see ./casepress status).");
      }
      for (Staged s : staged) {
        in.out()
            .println(
                s.slug()
                    + ": "
                    + describe(s.outcome())
                    + " on "
                    + target
                    + ", DOI reserved: "
                    + s.reservedDoi());
      }
      return ExitCode.OK;
    }

    private static String describe(StageOutcome o) {
      return switch (o) {
        case CREATED -> "staged (new deposition)";
        case NEW_VERSION -> "staged as a new version";
        case RESUMED -> "staged (continued an earlier run)";
        case UPDATED -> "staged again with the re-approved content";
        case ALREADY_STAGED -> "already staged, nothing to do";
        case ALREADY_PUBLISHED -> "already published, nothing to do";
      };
    }
  }

  static final class ReleaseCommand implements Command {
    @Override
    public String name() {
      return "release";
    }

    @Override
    public String synopsis() {
      return "[SLUG...] [--launch NAME] [--target T] [--yes] [--as PERSON]";
    }

    @Override
    public String summary() {
      return "publish what is approved (local, sandbox) or staged (production), exactly once, and announce it";
    }

    @Override
    public Options options() {
      Options o = selectionOptions();
      o.addOption(
          Option.builder().longOpt("yes").desc("publish on production without asking").get());
      o.addOption(
          Option.builder()
              .longOpt("only-ready")
              .desc("when some case studies are blocked, publish the ready ones anyway")
              .get());
      o.addOption(asOption());
      return o;
    }

    @Override
    public int run(Invocation in) {
      Chosen chosen = Chosen.from(in);
      try (Session session = open(in)) {
        Confirmation confirmation =
            new Confirmation() {
              @Override
              public boolean confirm(List<ReadyToPublish> batch) {
                return ReleaseCommand.confirm(in, batch);
              }

              @Override
              public boolean publishReadySubset(List<String> blocked, List<ReadyToPublish> ready) {
                return ReleaseCommand.publishReadySubset(in, blocked, ready);
              }
            };
        ReleaseOutcome outcome = session.release(chosen.slugs(), chosen.launch(), confirmation);
        report(in, session.target(), outcome, in.workspace());
        if (!outcome.failed().isEmpty()) {
          throw CommandException.problem(
              "Not every case study was published; the others are out and announced:\n  "
                  + String.join("\n  ", outcome.failed()));
        }
      }
      return ExitCode.OK;
    }

    /** The preflight blocked some: the coordinator decides, by flag or at the terminal. */
    private static boolean publishReadySubset(
        Invocation in, List<String> blocked, List<ReadyToPublish> ready) {
      if (in.line().hasOption("only-ready")) {
        return true;
      }
      String ready1 =
          ready.size() + " case stud" + (ready.size() == 1 ? "y is" : "ies are") + " ready";
      if (System.console() == null) {
        throw CommandException.problem(
            "Nothing was published: the checks before release blocked these:\n  "
                + String.join("\n  ", blocked)
                + "\n"
                + ready1
                + ". Fix the above, or add --only-ready to publish only the ready ones now.");
      }
      in.out().println("These case studies are not ready and will not be published:");
      blocked.forEach(b -> in.out().println("  " + b));
      in.out().print(ready1 + ". Type 'ready' to publish only those now: ");
      in.out().flush();
      return "ready".equals(readAnswer());
    }

    private static String readAnswer() {
      try {
        String answer =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer == null ? null : answer.strip();
      } catch (IOException e) {
        return null;
      }
    }

    private static boolean confirm(Invocation in, List<ReadyToPublish> batch) {
      in.out().println("About to publish on production (this cannot be undone):");
      for (ReadyToPublish r : batch) {
        in.out()
            .println(
                "  "
                    + r.caseStudy().slug()
                    + " v"
                    + r.entry().version()
                    + " as "
                    + r.entry().reservedDoi());
      }
      if (in.line().hasOption("yes")) {
        return true;
      }
      if (System.console() == null) {
        throw CommandException.problem(
            "Nothing was published. Confirm with --yes (no terminal to ask on).");
      }
      in.out().print("Type 'publish' to go ahead: ");
      in.out().flush();
      return "publish".equals(readAnswer());
    }

    private static void report(
        Invocation in, TargetKind target, ReleaseOutcome outcome, Workspace workspace) {
      if (in.json()) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target", target.id());
        out.put("published", outcome.published().stream().map(PublishCommands::json).toList());
        out.put(
            "already_published",
            outcome.alreadyPublished().stream().map(PublishCommands::json).toList());
        out.put(
            "announcement",
            outcome.announcement() == null ? null : workspace.relative(outcome.announcement()));
        out.put("warnings", outcome.warnings());
        out.put("failed", outcome.failed());
        in.printJson(out);
        return;
      }
      if (outcome.published().isEmpty() && outcome.alreadyPublished().isEmpty()) {
        in.out()
            .println(
                "Nothing to release on "
                    + target
                    + ": no case study is approved (see ./casepress status).");
        return;
      }
      if (outcome.published().isEmpty()) {
        in.out()
            .println(
                "Nothing new to publish on "
                    + target
                    + ": every case study here is already published.");
      }
      // Short, and the DOIs last, so that they stay on an 80x24 screen: the full text is in files.
      for (String warning : outcome.warnings()) {
        in.out().println("Warning: " + warning);
      }
      Path announcement = outcome.announcement();
      if (announcement != null) {
        String folder = workspace.relative(announcement);
        in.out().println("Launch announcement, to project and to publish:");
        in.out().println("  " + folder + "/announcement.html");
        in.out().println("  (also announcement.md, citations.bib and SLUG/CITATION.cff there)");
      }
      if (target == TargetKind.LOCAL) {
        in.out().println("To browse the local records, run ./casepress serve and open");
        in.out().println("  " + browseUrl(in.line().getOptionValue("launch")));
      }
      if (!outcome.published().isEmpty()) {
        in.out().println();
        in.out().println("Published on " + target + ":");
        outcome.published().forEach(r -> in.out().println(doiLine(r)));
        Map<String, Long> communities = new LinkedHashMap<>();
        outcome.published().forEach(r -> communities.merge(r.community().words(), 1L, Long::sum));
        in.out()
            .println(
                "Community: "
                    + String.join(
                        ", ",
                        communities.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey())
                            .toList())
                    + ".");
      }
      if (!outcome.alreadyPublished().isEmpty()) {
        in.out().println();
        in.out().println("Already published on " + target + ":");
        outcome.alreadyPublished().forEach(r -> in.out().println(doiLine(r)));
      }
    }

    /** The board's launch page lists every record of the launch with its link; else the board. */
    private static String browseUrl(String launch) {
      return LocalRecords.BOARD_URL
          + (launch == null ? "/" : "/launches/" + launch + "?target=" + TargetKind.LOCAL.id());
    }

    /** " https://doi.org/10.5072/zenodo.2 fernbank-reproducible-forecasting v1" */
    private static String doiLine(Released r) {
      return "  https://doi.org/"
          + r.doi()
          + "  "
          + r.caseStudy().slug()
          + (r.version() > 1 ? " v" + r.version() : "");
    }
  }

  static Map<String, Object> json(Released r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("slug", r.caseStudy().slug());
    m.put("version", r.version());
    m.put("doi", r.doi());
    m.put("concept_doi", r.conceptDoi());
    m.put("record_url", r.recordUrl());
    m.put("community", r.community().inclusion().id());
    m.put("community_request_id", r.community().requestId());
    m.put("community_reason", r.community().reason());
    return m;
  }

  /** {@code community accept}: a curator takes the launch's records into the community at once. */
  static final class CommunityCommand implements Command {
    @Override
    public String name() {
      return "community";
    }

    @Override
    public String synopsis() {
      return "accept [SLUG...] [--launch NAME] [--target T]";
    }

    @Override
    public String summary() {
      return "accept the open community requests of published case studies (as a curator)";
    }

    @Override
    public Options options() {
      return selectionOptions();
    }

    @Override
    public int run(Invocation in) {
      List<String> args = in.args();
      if (args.isEmpty() || !args.get(0).equals("accept")) {
        throw CommandException.usage(
            "casepress community: say what to do, e.g. ./casepress community accept --launch NAME.");
      }
      List<String> slugs = args.subList(1, args.size());
      try (Session session = open(in)) {
        Session.Accepted done =
            session.acceptCommunityRequests(slugs, in.line().getOptionValue("launch"));
        int accepted = done.requests();
        in.out()
            .println(
                accepted == 0
                    ? "No open community request to accept on " + session.target() + "."
                    : "Accepted "
                        + accepted
                        + " community request"
                        + (accepted == 1 ? "" : "s")
                        + " on "
                        + session.target()
                        + ": the case studies now show in the community.");
        done.announcement()
            .ifPresent(
                folder ->
                    in.out()
                        .println(
                            "The announcement says so now: "
                                + in.workspace().relative(folder)
                                + "/announcement.html"));
      }
      return ExitCode.OK;
    }
  }

  static final class UnstageCommand implements Command {
    @Override
    public String name() {
      return "unstage";
    }

    @Override
    public String synopsis() {
      return "SLUG [--target T]";
    }

    @Override
    public String summary() {
      return "discard a staged draft on Zenodo and forget it";
    }

    @Override
    public Options options() {
      return targetOptions();
    }

    @Override
    public int run(Invocation in) {
      String slug = in.slug();
      try (Session session = open(in)) {
        boolean done = session.unstage(slug);
        String target = session.target().id();
        in.out()
            .println(
                done
                    ? slug + ": the staged draft on " + target + " is discarded."
                    : slug + ": nothing is staged on " + target + ".");
      }
      return ExitCode.OK;
    }
  }
}
