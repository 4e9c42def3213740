package org.casepress.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.casepress.model.CaseStudy;
import org.casepress.model.Person;
import org.casepress.model.Role;
import org.casepress.publish.Destination;
import org.casepress.publish.ReleaseOutcome;
import org.casepress.publish.Session;
import org.casepress.publish.TargetKind;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.ReviewWorkflow;
import org.casepress.workflow.StatusStore;
import org.casepress.workflow.Transition;
import org.casepress.workflow.WorkflowException;

/**
 * The whole journey on a scratch copy, for newcomers: the case studies and metadata are copied to a
 * fresh folder without their status.json (so every one is a draft), each is submitted by its first
 * author, reviewed and approved by a writer who did not write it, then staged and released on the
 * local target by a coordinator. The real workspace is only read.
 */
public final class Rehearsal {
  private Rehearsal() {}

  /**
   * What happened.
   *
   * @param workspace the scratch workspace
   * @param steps one line per review step taken, or why a case study was left out
   * @param released what the local release published
   */
  public record Result(Workspace workspace, List<String> steps, ReleaseOutcome released) {
    public Result {
      steps = List.copyOf(steps);
    }
  }

  /**
   * Runs the rehearsal in {@code folder}, which is emptied first.
   *
   * @param folder a folder inside {@code source}'s build folder
   */
  public static Result run(Workspace source, Path folder, Map<String, String> env) {
    Path build = source.buildDir().toAbsolutePath().normalize();
    Path target = folder.toAbsolutePath().normalize();
    if (!target.startsWith(build) || target.equals(build)) {
      throw new IllegalArgumentException("a rehearsal lives inside " + build + ", not " + target);
    }
    deleteTree(target);
    copy(source.caseStudiesDir(), target.resolve("case-studies"));
    copy(source.metadataDir(), target.resolve("metadata"));
    Workspace scratch = new Workspace(target);
    Loaded loaded = WorkspaceLoader.load(scratch);
    ReviewWorkflow workflow = new ReviewWorkflow(scratch);
    List<Person> people =
        loaded.metadata().people().values().stream()
            .sorted(Comparator.comparing(Person::id))
            .toList();
    Optional<Person> coordinator = people.stream().filter(p -> p.has(Role.COORDINATOR)).findFirst();
    List<String> steps = new ArrayList<>();
    for (CaseStudy cs : loaded.caseStudies()) {
      Optional<Person> author = cs.authors().stream().filter(a -> a.id() != null).findFirst();
      Optional<Person> writer =
          people.stream().filter(p -> p.has(Role.WRITER) && !cs.isAuthor(p)).findFirst();
      if (author.isEmpty() || writer.isEmpty()) {
        steps.add(cs.slug() + ": left out (it needs an author and a writer in people.yaml)");
        continue;
      }
      try {
        workflow.apply(cs.slug(), Transition.SUBMIT, author.get().id(), "Ready for review.");
        steps.add(cs.slug() + ": submitted by " + author.get().id());
        workflow.apply(cs.slug(), Transition.START_REVIEW, writer.get().id(), null);
        workflow.apply(
            cs.slug(), Transition.APPROVE, writer.get().id(), "Approved in the rehearsal.");
        steps.add(cs.slug() + ": reviewed and approved by " + writer.get().id());
      } catch (WorkflowException e) {
        steps.add(cs.slug() + ": stopped: " + e.getMessage());
      }
    }
    try (Session session =
        Session.open(
            scratch,
            Destination.of(TargetKind.LOCAL, env),
            coordinator.map(Person::id).orElse(null),
            (index, total, slug, step) -> {})) {
      ReleaseOutcome released = session.release(List.of(), null, batch -> true);
      return new Result(scratch, steps, released);
    }
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dest);
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            && !p.getFileName().toString().equals(StatusStore.FILE_NAME)) {
          Files.copy(p, dest);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
