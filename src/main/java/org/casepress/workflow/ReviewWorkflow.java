package org.casepress.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casepress.model.CaseStudy;
import org.casepress.model.Metadata;
import org.casepress.model.Person;
import org.casepress.model.Problem;
import org.casepress.source.Identifiers;
import org.casepress.source.Loaded;
import org.casepress.source.Suggest;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;

/**
 * The review workflow of a workspace (docs/workflow.md): creates case studies, takes them through
 * the {@link TransitionTable}, and reports where each stands. Every change holds the {@link
 * WorkspaceLock} and is written atomically by the {@link StatusStore}.
 */
public final class ReviewWorkflow {
  private static final String TEMPLATE = "case-study-template.md";

  private final Workspace workspace;
  private final StatusStore store;
  private final Clock clock;
  private final Duration lockWait;

  public ReviewWorkflow(Workspace workspace) {
    this(workspace, new StatusStore(workspace), Clock.systemUTC(), WorkspaceLock.DEFAULT_WAIT);
  }

  ReviewWorkflow(Workspace workspace, StatusStore store, Clock clock, Duration lockWait) {
    this.workspace = workspace;
    this.store = store;
    this.clock = clock;
    this.lockWait = lockWait;
  }

  /** A step that happened: the new history entry and the status it left behind. */
  public record Step(String slug, HistoryEntry entry, StatusFile status) {}

  /**
   * Takes {@code transition} on a case study as {@code actorId}.
   *
   * @param comment what the actor says; required by some transitions, may be null otherwise
   * @throws CheckFailedException when the transition needs {@code check} to pass and it does not
   * @throws StateFileException when status.json cannot be trusted
   * @throws WorkflowException when the transition is not allowed now, or not to this person
   */
  public Step apply(String slug, Transition transition, String actorId, String comment) {
    requireCaseStudy(slug);
    try (WorkspaceLock lock =
        WorkspaceLock.acquire(workspace, transition.id() + " " + slug, lockWait, clock)) {
      Loaded loaded = WorkspaceLoader.load(workspace, List.of(slug));
      Person actor = person(loaded.metadata(), actorId);
      StatusFile current = store.read(slug);
      TransitionTable.Rule rule = TransitionTable.rule(transition);
      Optional<CaseStudy> caseStudy = loaded.caseStudy(slug);
      List<Problem> problems = loaded.problemsOf(slug);
      if (caseStudy.isEmpty()
          && rule.by().contains(Party.AUTHOR_OF_IT)
          && rule.by().stream().noneMatch(p -> p.includes(actor, false))
          && rule.from().contains(current.state())) {
        throw new CheckFailedException(
            "casepress cannot tell whether "
                + actor.fullName()
                + " is an author of '"
                + slug
                + "', because its case-study.md cannot be read (see above). Fix that and run the command again.",
            problems);
      }
      ReviewState to =
          TransitionTable.decide(
              current,
              transition,
              actor,
              caseStudy.map(CaseStudy::authors).orElse(List.of()),
              loaded.metadata().people().values(),
              comment);
      if (rule.needsCheck() && problems.stream().anyMatch(Problem::isError)) {
        long errors = problems.stream().filter(Problem::isError).count();
        throw new CheckFailedException(
            "'"
                + slug
                + "' was not "
                + transition.pastParticiple()
                + ": check found "
                + errors
                + (errors == 1 ? " error" : " errors")
                + " (listed above). Fix "
                + (errors == 1 ? "it" : "them")
                + " and run ./casepress "
                + transition.id()
                + " "
                + slug
                + " again.",
            problems);
      }
      String digest = ContentDigest.of(workspace, workspace.caseStudyDir(slug));
      if (rule.pinsDigest()
          && current.state() == ReviewState.APPROVED
          && digest.equals(current.approvedDigest())) {
        throw new WorkflowException(
            "'"
                + slug
                + "' is already approved, and its files have not changed since. Nothing to do.");
      }
      int version = rule.startsNextVersion() ? current.version() + 1 : current.version();
      String pinned =
          rule.pinsDigest() ? digest : rule.startsNextVersion() ? null : current.approvedDigest();
      HistoryEntry entry =
          new HistoryEntry(
              clock.instant(),
              actor.id(),
              transition.id(),
              current.state(),
              to,
              version,
              orNull(comment),
              digest);
      StatusFile next = current.append(entry, pinned);
      store.write(next);
      new Journal(workspace).recorded(slug, entry);
      return new Step(slug, entry, next);
    }
  }

  /**
   * Starts a case study from the template, with {@code actorId} as its first author.
   *
   * @return the step that created it (from nothing to draft)
   */
  public Step create(String slug, String title, String actorId) {
    if (!Identifiers.isSlug(slug)) {
      throw WorkflowException.badInput(
          "'"
              + slug
              + "' is not a valid slug: use 3 to 64 lowercase letters, digits and hyphens,"
              + " e.g. 'flood-model-openness'.");
    }
    String t = title == null ? "" : title.strip();
    if (t.length() < 3 || t.length() > 250 || t.contains("\n") || t.contains("\r")) {
      throw WorkflowException.badInput(
          "Give the case study a title of 3 to 250 characters on one line, e.g. --title \"How we opened"
              + " our flood models\".");
    }
    Path folder = workspace.caseStudyDir(slug);
    try (WorkspaceLock lock = WorkspaceLock.acquire(workspace, "new " + slug, lockWait, clock)) {
      if (Files.exists(folder)) {
        throw new WorkflowException(
            workspace.relative(folder)
                + " already exists. Choose another slug, or work on the case"
                + " study that is there.");
      }
      Metadata metadata = WorkspaceLoader.load(workspace, List.of()).metadata();
      Person actor = person(metadata, actorId);
      Files.createDirectories(folder);
      Files.writeString(
          folder.resolve(Workspace.CASE_STUDY_FILE),
          fillTemplate(slug, t, actor),
          StandardCharsets.UTF_8);
      StatusFile initial = StatusFile.initial(slug);
      HistoryEntry entry =
          new HistoryEntry(
              clock.instant(),
              actor.id(),
              "new",
              null,
              ReviewState.DRAFT,
              1,
              "created",
              ContentDigest.of(workspace, folder));
      StatusFile created = initial.append(entry, null);
      store.write(created);
      new Journal(workspace).recorded(slug, entry);
      return new Step(slug, entry, created);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Records that the current version of an approved case study was published on production, its
   * overall "published" state (docs/publishing.md). The caller (release) holds the workspace lock
   * for its whole run, so this does not take it again.
   */
  public Step recordPublication(String slug, String actorId, String doi) {
    StatusFile current = store.read(slug);
    if (current.state() == ReviewState.PUBLISHED) {
      return new Step(slug, current.lastChange().orElseThrow(), current);
    }
    if (current.state() != ReviewState.APPROVED) {
      throw new WorkflowException(
          "'"
              + slug
              + "' is "
              + current.state().phrase()
              + ", not approved, so it cannot be recorded as published.");
    }
    HistoryEntry entry =
        new HistoryEntry(
            clock.instant(),
            actorId,
            "publish",
            current.state(),
            ReviewState.PUBLISHED,
            current.version(),
            "published on Zenodo as " + doi,
            ContentDigest.of(workspace, workspace.caseStudyDir(slug)));
    StatusFile next = current.append(entry, current.approvedDigest());
    store.write(next);
    new Journal(workspace).recorded(slug, entry);
    return new Step(slug, entry, next);
  }

  /**
   * For each step of {@code status}'s history, whether casepress recorded it in this copy of the
   * workspace ({@link Journal}); the others came with the files.
   */
  public List<Boolean> recordedHere(StatusFile status) {
    java.util.Set<String> seen = new Journal(workspace).recorded(status.slug());
    return status.history().stream().map(e -> seen.contains(Journal.hash(e))).toList();
  }

  /** A case study's status and history; a folder without status.json is a first draft. */
  public StatusFile status(String slug) {
    requireCaseStudy(slug);
    return store.read(slug);
  }

  /**
   * True when the case study is approved and its files are exactly those approved; publishing
   * stages nothing else.
   */
  public boolean approvedAndUnchanged(String slug) {
    return status(slug).approvedAs(ContentDigest.of(workspace, workspace.caseStudyDir(slug)));
  }

  /**
   * Where every case study stands, for {@code status}. It shows titles and authors, not problems,
   * so the bodies are read but not checked.
   */
  public Overview overview() {
    return overview(WorkspaceLoader.loadFrontMatter(workspace));
  }

  /**
   * Where every case study stands, its titles and authors from {@code loaded}: a caller that has
   * loaded the workspace already ({@link WorkspaceLoader#loadFrontMatter}) does not load it again.
   */
  public Overview overview(Loaded loaded) {
    List<Overview.Row> rows = new ArrayList<>();
    List<StateFileException> unreadable = new ArrayList<>();
    for (String slug : WorkspaceLoader.slugs(workspace)) {
      StatusFile status;
      try {
        status = store.read(slug);
      } catch (StateFileException e) {
        unreadable.add(e);
        continue;
      }
      Optional<CaseStudy> caseStudy = loaded.caseStudy(slug);
      boolean changedSince =
          status.state() == ReviewState.APPROVED
              && status.approvedDigest() != null
              && !matchesPinned(slug, status);
      rows.add(
          new Overview.Row(
              slug,
              caseStudy.map(CaseStudy::title).orElse(null),
              status,
              changedSince,
              caseStudy
                  .map(c -> c.authors().stream().map(Person::family).toList())
                  .orElse(List.of())));
    }
    return new Overview(rows, unreadable);
  }

  /** A folder whose digest cannot be taken (it holds a symbolic link) matches nothing. */
  private boolean matchesPinned(String slug, StatusFile status) {
    try {
      return status.approvedAs(ContentDigest.of(workspace, workspace.caseStudyDir(slug)));
    } catch (WorkflowException e) {
      return false;
    }
  }

  private void requireCaseStudy(String slug) {
    if (!Identifiers.isSlug(slug) || !Files.isDirectory(workspace.caseStudyDir(slug))) {
      List<String> known = WorkspaceLoader.slugs(workspace);
      String nearest = Suggest.nearest(slug, known);
      throw WorkflowException.badInput(
          "There is no case study '"
              + slug
              + "'"
              + (nearest != null ? "; did you mean '" + nearest + "'?" : ".")
              + (known.isEmpty()
                  ? " There are none yet."
                  : " Known: " + String.join(", ", known) + "."));
    }
  }

  private static Person person(Metadata metadata, String id) {
    return Actors.find(metadata, id);
  }

  private static String fillTemplate(String slug, String title, Person actor) {
    String template;
    try (InputStream in = ReviewWorkflow.class.getResourceAsStream(TEMPLATE)) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String organisation =
        actor.affiliations().isEmpty() || actor.affiliations().get(0).id() == null
            ? "# organisation: your-organisation-id"
            : "organisation: " + actor.affiliations().get(0).id();
    return template
        .replace("{{slug}}", slug)
        .replace("{{title}}", yamlQuoted(title))
        .replace("{{author}}", actor.id())
        .replace("{{organisation}}", organisation);
  }

  /** A YAML double-quoted scalar: safe for quotes, colons, '#' and any Unicode. */
  static String yamlQuoted(String s) {
    StringBuilder q = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\t' -> q.append("\\t");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    q.append(String.format("\\x%02x", c));
                  } else {
                    q.appendCodePoint(c);
                  }
                }
              }
            });
    return q.append('"').toString();
  }

  private static String orNull(String comment) {
    return comment == null || comment.isBlank() ? null : comment.strip();
  }
}
