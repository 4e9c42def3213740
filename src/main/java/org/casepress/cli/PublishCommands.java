package org.casepress.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.model.Person;
import org.casepress.model.Role;
import org.casepress.publish.LedgerStore;
import org.casepress.publish.LedgerStores;
import org.casepress.publish.PlanRow;
import org.casepress.publish.Progress;
import org.casepress.publish.PublishException;
import org.casepress.publish.Publisher;
import org.casepress.publish.ReleaseJob;
import org.casepress.publish.Released;
import org.casepress.publish.Selection;
import org.casepress.source.Loaded;
import org.casepress.source.LocalWriteException;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.WorkspaceLock;
import org.casepress.zenodo.OutcomeUnknownException;
import org.casepress.zenodo.Sleeper;
import org.casepress.zenodo.ZenodoException;

/**
 * plan, stage, release and unstage: thin commands over {@link ReleaseJob} and {@link Publisher}.
 */
final class PublishCommands {
  private PublishCommands() {}

  /** Everything a publishing command needs, opened together and closed together. */
  private record Run(
      Workspace workspace,
      Loaded loaded,
      ZenodoSession session,
      ReleaseJob job,
      Publisher publisher,
      WorkspaceLock lock)
      implements AutoCloseable {

    static Run open(Invocation in, String what) throws IOException {
      Workspace workspace = in.workspace();
      WorkspaceLock lock =
          WorkspaceLock.acquire(workspace, what, WorkspaceLock.DEFAULT_WAIT, Clock.systemUTC());
      try {
        Loaded loaded = WorkspaceLoader.load(workspace);
        ZenodoSession session = ZenodoSession.open(in, workspace, true);
        LedgerStore ledgers = LedgerStores.forTarget(workspace, ZenodoSession.targetName(in));
        Publisher publisher =
            new Publisher(
                workspace,
                loaded.metadata(),
                session.client(),
                ledgers,
                FinalPdfs.RENDERER,
                Clock.systemUTC(),
                Sleeper.REAL,
                Publisher.Checkpoints.NONE);
        ReleaseJob job = new ReleaseJob(workspace, loaded, publisher, ledgers, progress(in));
        return new Run(workspace, loaded, session, job, publisher, lock);
      } catch (IOException | RuntimeException e) {
        lock.close();
        throw e;
      }
    }

    Selection selection(Invocation in) {
      return Selection.of(
          loaded, in.args(), in.line().getOptionValue("launch"), LocalDate.now(ZoneOffset.UTC));
    }

    @Override
    public void close() {
      try {
        session.close();
      } finally {
        lock.close();
      }
    }
  }

  static Progress progress(Invocation in) {
    boolean terminal = System.console() != null && !in.json();
    return (index, total, slug, step) -> {
      String line = "[" + index + "/" + total + "] " + slug + ": " + step;
      in.err().print(terminal ? "\r\033[K" + line + (index == total ? "\n" : "") : line + "\n");
    };
  }

  static Options selectionOptions() {
    Options o = ZenodoSession.options();
    o.addOption(
        Option.builder()
            .longOpt("launch")
            .hasArg()
            .argName("NAME")
            .desc("the case studies of a launch in metadata/launches.yaml, dated with the launch")
            .get());
    return o;
  }

  /** Turns publishing failures into exit codes: 3 when retrying later may help, else 1. */
  static int guarded(Invocation in, Action action) {
    try {
      return action.run();
    } catch (PublishException e) {
      throw new CommandException(
          e.temporary() ? ExitCode.UNAVAILABLE : ExitCode.PROBLEM, e.getMessage());
    } catch (OutcomeUnknownException e) {
      throw new CommandException(
          ExitCode.UNAVAILABLE,
          "Zenodo did not answer in time ("
              + e.getMessage()
              + "). Everything done so far is recorded: run the same"
              + " command again later and it continues where it stopped.");
    } catch (ZenodoException e) {
      throw new CommandException(
          e.temporary() ? ExitCode.UNAVAILABLE : ExitCode.PROBLEM,
          "Zenodo refused: "
              + e.getMessage()
              + (e.temporary() ? " Try again later; the run continues where it stopped." : ""));
    } catch (IOException e) {
      // Publishing writes PDFs, ledgers and announcements too: a full disk is not the network.
      if (LocalWriteException.isLocal(e)) {
        throw new CommandException(
            ExitCode.PROBLEM, LocalWriteException.of(e, in.workspace().root()).getMessage());
      }
      throw new CommandException(
          ExitCode.UNAVAILABLE,
          "Zenodo could not be reached ("
              + e.getMessage()
              + "). Check the network and run the command again;"
              + " it continues where it stopped.");
    }
  }

  @FunctionalInterface
  interface Action {
    int run() throws IOException;
  }

  static Person actor(Invocation in, Loaded loaded, Role... roles) {
    String id = in.line().getOptionValue("as", in.env().get("CASEPRESS_USER"));
    if (id == null || id.isBlank()) {
      throw CommandException.usage(
          "Say who you are with --as PERSON (or set CASEPRESS_USER): publishing on production is recorded.");
    }
    Person p =
        loaded
            .metadata()
            .person(id)
            .orElseThrow(
                () -> CommandException.usage("'" + id + "' is not in metadata/people.yaml."));
    for (Role r : roles) {
      if (p.has(r)) {
        return p;
      }
    }
    throw CommandException.problem(
        p.fullName()
            + " may not do this on production: it needs the role "
            + String.join(" or ", java.util.Arrays.stream(roles).map(Role::id).toList())
            + " in metadata/people.yaml.");
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
      Workspace workspace = in.workspace();
      Loaded loaded = WorkspaceLoader.load(workspace);
      String target = ZenodoSession.targetName(in);
      LedgerStore ledgers = LedgerStores.forTarget(workspace, target);
      // Planning never opens a connection: the publisher gets no client.
      ReleaseJob job = new ReleaseJob(workspace, loaded, null, ledgers, Progress.SILENT);
      Selection selection =
          Selection.of(
              loaded, in.args(), in.line().getOptionValue("launch"), LocalDate.now(ZoneOffset.UTC));
      List<PlanRow> rows = guardedPlan(() -> job.plan(selection, true));
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

    private static List<PlanRow> guardedPlan(java.util.function.Supplier<List<PlanRow>> plan) {
      try {
        return plan.get();
      } catch (PublishException e) {
        throw CommandException.problem(e.getMessage());
      }
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
    public int run(Invocation in) throws IOException {
      try (Run run = Run.open(in, "stage")) {
        if (run.publisher().target().equals("production")) {
          actor(in, run.loaded(), Role.WRITER, Role.COORDINATOR);
        }
        return guarded(
            in,
            () -> {
              List<ReleaseJob.Staged> staged = run.job().stage(run.selection(in));
              if (in.json()) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (ReleaseJob.Staged s : staged) {
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
                in.out()
                    .println(
                        "Nothing to stage: no case study is approved (see ./casepress status).");
              }
              for (ReleaseJob.Staged s : staged) {
                in.out()
                    .println(
                        s.slug()
                            + ": "
                            + describe(s.outcome())
                            + " on "
                            + run.publisher().target()
                            + ", DOI reserved: "
                            + s.reservedDoi());
              }
              return ExitCode.OK;
            });
      }
    }

    private static String describe(Publisher.StageOutcome o) {
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
      o.addOption(asOption());
      return o;
    }

    @Override
    public int run(Invocation in) throws IOException {
      try (Run run = Run.open(in, "release")) {
        Loaded loaded = run.loaded();
        boolean production = run.publisher().target().equals("production");
        String actor = production ? actor(in, loaded, Role.COORDINATOR).id() : null;
        return guarded(
            in,
            () -> {
              ReleaseJob.Outcome outcome =
                  run.job().release(run.selection(in), batch -> confirm(in, batch), actor);
              report(in, run.publisher().target(), outcome, run.workspace());
              return ExitCode.OK;
            });
      }
    }

    private static boolean confirm(Invocation in, List<Publisher.Ready> batch) {
      in.out().println("About to publish on production (this cannot be undone):");
      for (Publisher.Ready r : batch) {
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
      try {
        String answer =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return "publish".equals(answer == null ? null : answer.strip());
      } catch (IOException e) {
        return false;
      }
    }

    private static void report(
        Invocation in, String target, ReleaseJob.Outcome outcome, Workspace workspace) {
      if (in.json()) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target", target);
        out.put("published", outcome.published().stream().map(PublishCommands::json).toList());
        out.put(
            "already_published",
            outcome.alreadyPublished().stream().map(PublishCommands::json).toList());
        out.put(
            "announcement",
            outcome.announcement() == null ? null : workspace.relative(outcome.announcement()));
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
      for (Released r : outcome.published()) {
        in.out()
            .println(
                "Published "
                    + r.caseStudy().slug()
                    + " v"
                    + r.version()
                    + ": https://doi.org/"
                    + r.doi()
                    + " ("
                    + r.community().label()
                    + ")");
      }
      for (Released r : outcome.alreadyPublished()) {
        in.out()
            .println(
                "Already published "
                    + r.caseStudy().slug()
                    + " v"
                    + r.version()
                    + ": https://doi.org/"
                    + r.doi());
      }
      if (target.equals("local")) {
        in.out()
            .println(
                "(The local server stops with this command; to browse its records, run ./casepress local-zenodo.)");
      }
      Path announcement = outcome.announcement();
      if (announcement != null) {
        in.out().println();
        in.out()
            .println(
                "Launch announcement: "
                    + workspace.relative(announcement)
                    + "/announcement.md (also .html,"
                    + " citations.bib and a CITATION.cff per case study)");
        in.out().println();
        try {
          in.out().print(java.nio.file.Files.readString(announcement.resolve("announcement.md")));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
  }

  static Map<String, Object> json(Released r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("slug", r.caseStudy().slug());
    m.put("version", r.version());
    m.put("doi", r.doi());
    m.put("concept_doi", r.conceptDoi());
    m.put("record_url", r.recordUrl());
    m.put("community", r.community().name().toLowerCase(java.util.Locale.ROOT));
    return m;
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
      return ZenodoSession.options();
    }

    @Override
    public int run(Invocation in) throws IOException {
      String slug = in.slug();
      try (Run run = Run.open(in, "unstage " + slug)) {
        var cs =
            run.loaded()
                .caseStudy(slug)
                .orElseThrow(
                    () ->
                        CommandException.problem(
                            "There is no case study '"
                                + slug
                                + "' that loads; run ./casepress check "
                                + slug
                                + "."));
        return guarded(
            in,
            () -> {
              boolean done = run.publisher().unstage(cs);
              in.out()
                  .println(
                      done
                          ? slug
                              + ": the staged draft on "
                              + run.publisher().target()
                              + " is discarded."
                          : slug + ": nothing is staged on " + run.publisher().target() + ".");
              return ExitCode.OK;
            });
      }
    }
  }
}
