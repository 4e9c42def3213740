package org.casepress.board.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.casepress.board.Board;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;

/**
 * The live preview of {@code casepress serve}, for bench/anchors.sh: in one warm process, the time
 * from saving an edit to a case study to the board serving its new draft PDF, seen from outside as
 * a browser sees it (the study page's preview generation changes, then preview.pdf is the new one).
 * Each study is edited a few times untimed first (the renderer warms up), then EDITS times timed,
 * one edit at a time, each after the board has finished the page images of the last.
 *
 * <p>Usage: PreviewLatency WORKSPACE EDITS WATCH_MS [SLUG...]; works on a copy of WORKSPACE and
 * prints "preview SLUG median_ms min_ms max_ms" lines, then "preview-all median_ms".
 */
public final class PreviewLatency {
  private static final int WARM_UP_EDITS = 5;

  private final HttpClient http = HttpClient.newHttpClient();
  private final Board board;

  private PreviewLatency(Board board) {
    this.board = board;
  }

  public static void main(String[] args) throws Exception {
    Path copy = Files.createTempDirectory("casepress-preview-bench");
    try {
      copyTree(Path.of(args[0]), copy);
      int edits = Integer.parseInt(args[1]);
      Duration watch = Duration.ofMillis(Long.parseLong(args[2]));
      Workspace ws = new Workspace(copy);
      List<String> slugs =
          args.length > 3 ? List.of(args).subList(3, args.length) : WorkspaceLoader.slugs(ws);
      List<Long> all = new ArrayList<>();
      try (Board board = Board.start(ws, 0, false, watch)) {
        PreviewLatency bench = new PreviewLatency(board);
        for (String slug : slugs) {
          bench.awaitGeneration(slug, 1, Duration.ofMinutes(4));
        }
        for (String slug : slugs) {
          Path md = ws.caseStudyDir(slug).resolve("case-study.md");
          for (int i = 0; i < WARM_UP_EDITS; i++) {
            bench.edit(slug, md, "warm-up " + i);
          }
          List<Long> times = new ArrayList<>();
          for (int i = 0; i < edits; i++) {
            times.add(bench.edit(slug, md, "timed " + i));
          }
          all.addAll(times);
          Collections.sort(times);
          System.out.printf(
              "preview %s %d %d %d%n",
              slug, median(times), times.get(0), times.get(times.size() - 1));
        }
      }
      Collections.sort(all);
      System.out.printf("preview-all %d%n", median(all));
    } finally {
      deleteTree(copy);
    }
  }

  /** Saves one more sentence; returns the milliseconds until the new PDF is served. */
  private long edit(String slug, Path md, String label) throws Exception {
    int before = generation(slug);
    // Like an editor's save: the whole file written again, a new modification time.
    String text =
        Files.readString(md) + "\nA sentence added for the preview benchmark (" + label + ").\n";
    long t0 = System.nanoTime();
    Files.writeString(md, text);
    awaitGeneration(slug, before + 1, Duration.ofSeconds(30));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (!pdf(slug)) {
      throw new IllegalStateException("no preview.pdf for " + slug + " after an edit");
    }
    // The page images follow the PDF on the same thread: let them finish before the next edit,
    // as they would while an author reads the new PDF.
    Thread.sleep(600);
    return ms;
  }

  private void awaitGeneration(String slug, int atLeast, Duration limit) throws Exception {
    long until = System.nanoTime() + limit.toNanos();
    while (generation(slug) < atLeast) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("the preview of " + slug + " did not follow an edit");
      }
      Thread.sleep(2);
    }
  }

  private int generation(String slug) throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(
                        URI.create(board.url() + "/studies/" + slug + "/preview-generation"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body()
            .strip();
    return body.isEmpty() ? 0 : Integer.parseInt(body);
  }

  private boolean pdf(String slug) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(board.url() + "/studies/" + slug + "/preview.pdf"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return r.statusCode() == 200 && r.body().length > 4 && r.body()[0] == '%';
  }

  private static long median(List<Long> sorted) {
    return sorted.get(sorted.size() / 2);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path rel = from.relativize(p);
        if (rel.startsWith("build")) {
          continue;
        }
        Path target = to.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.sorted(Collections.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
