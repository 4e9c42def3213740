package org.casepress.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casepress.model.Person;
import org.casepress.model.Role;

/** People, states and workspaces the workflow tests (and the CLI's) share. */
public final class Fixtures {
  static final String SLUG = "fernbank-flood-models";
  static final String DIGEST = "sha256:" + "ab".repeat(32);
  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

  static final Person PRIYA = person("priya-nandakumar", "Priya", "Nandakumar", Role.AUTHOR);
  static final Person OWEN = person("owen-price", "Owen", "Price", Role.AUTHOR);
  static final Person MORGAN = person("morgan-ellis", "Morgan", "Ellis", Role.WRITER);
  static final Person SAM = person("sam-okoro", "Sam", "Okoro", Role.COORDINATOR);
  static final List<Person> PEOPLE = List.of(PRIYA, OWEN, MORGAN, SAM);

  /** The authors of {@link #SLUG}. */
  static final List<Person> AUTHORS = List.of(PRIYA);

  /** The roles of the transition tests, by the name their rows use. */
  static final Map<String, Person> ROLES =
      Map.of("author-of-it", PRIYA, "author-not-of-it", OWEN, "writer", MORGAN, "coordinator", SAM);

  private Fixtures() {}

  static Person person(String id, String given, String family, Role role) {
    return new Person(id, given, family, null, List.of(), EnumSet.of(role));
  }

  /** A status in {@code state} with a history that could have led there. */
  static StatusFile inState(ReviewState state) {
    List<ReviewState> path =
        switch (state) {
          case DRAFT -> List.of();
          case SUBMITTED -> List.of(ReviewState.SUBMITTED);
          case IN_REVIEW -> List.of(ReviewState.SUBMITTED, ReviewState.IN_REVIEW);
          case CHANGES_REQUESTED ->
              List.of(ReviewState.SUBMITTED, ReviewState.IN_REVIEW, ReviewState.CHANGES_REQUESTED);
          case APPROVED ->
              List.of(ReviewState.SUBMITTED, ReviewState.IN_REVIEW, ReviewState.APPROVED);
          case WITHDRAWN ->
              List.of(ReviewState.SUBMITTED, ReviewState.IN_REVIEW, ReviewState.WITHDRAWN);
          case PUBLISHED ->
              List.of(
                  ReviewState.SUBMITTED,
                  ReviewState.IN_REVIEW,
                  ReviewState.APPROVED,
                  ReviewState.PUBLISHED);
        };
    StatusFile status = StatusFile.initial(SLUG);
    ReviewState from = ReviewState.DRAFT;
    for (int i = 0; i < path.size(); i++) {
      ReviewState to = path.get(i);
      // Legal steps by people who may take them: status.json is read as a record (StatusRecord).
      boolean publish = to == ReviewState.PUBLISHED;
      String action = publish ? StatusRecord.PUBLISH : actionTo(to);
      String comment =
          to == ReviewState.CHANGES_REQUESTED || to == ReviewState.WITHDRAWN ? "a reason" : null;
      HistoryEntry e =
          new HistoryEntry(
              T0.plusSeconds(60L * i),
              publish || to == ReviewState.WITHDRAWN ? "sam-okoro" : "morgan-ellis",
              action,
              from,
              to,
              1,
              comment,
              DIGEST);
      status =
          status.append(
              e, to == ReviewState.APPROVED || status.approvedDigest() != null ? DIGEST : null);
      from = to;
    }
    return status;
  }

  private static String actionTo(ReviewState to) {
    return TransitionTable.RULES.stream()
        .filter(r -> r.to() == to)
        .map(r -> r.transition().id())
        .findFirst()
        .orElseThrow();
  }

  /** A copy of the test workspace under src/test/resources/workflow/workspace. */
  public static Path copyWorkspace(Path into) {
    Path from = Path.of("src/test/resources/workflow/workspace");
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = into.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return into;
  }
}
