package org.casepress.board;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.casepress.model.CaseStudy;
import org.casepress.model.Location;
import org.casepress.model.Problem;
import org.casepress.publish.DraftPdf;
import org.casepress.render.RenderException;
import org.casepress.render.RenderResult;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.ContentDigest;

/**
 * The draft PDF of every case study, kept current in a warm process: a watcher looks at each case
 * study's folder (and metadata/) a few times a second and re-renders the ones whose files changed.
 * Polling file sizes and times rather than using the platform's file events keeps the delay the
 * same everywhere: the JDK's watch service polls every ten seconds on macOS.
 */
final class Previews implements AutoCloseable {
  /** Page images shown on the case study page; the PDF link has them all. */
  static final int PAGE_IMAGES = 3;

  private static final float IMAGE_DPI = 72;

  private final Workspace workspace;
  private final DraftPdf drafts;
  private final Path folder;
  private final Clock clock;
  private final Map<String, Preview> current = new ConcurrentHashMap<>();
  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private final ScheduledExecutorService watcher =
      Executors.newSingleThreadScheduledExecutor(daemon("board-previews"));

  /**
   * The page images, slower to make than the PDF, on a thread of their own: the watcher goes back
   * to looking for the next save as soon as the new PDF is on show.
   */
  private final ExecutorService imaging = Executors.newSingleThreadExecutor(daemon("board-images"));

  /**
   * One rendering of a case study.
   *
   * @param generation 1 for the first rendering, then one more for each
   * @param pdf the draft PDF's bytes, or null when it has never rendered
   * @param pages PNG images of the first pages
   * @param problems why it cannot be rendered now (errors), or the draft's warnings
   */
  record Preview(
      int generation,
      byte[] pdf,
      int pageCount,
      List<byte[]> pages,
      List<Problem> problems,
      Instant renderedAt) {
    Preview {
      pages = List.copyOf(pages);
      problems = List.copyOf(problems);
    }

    boolean rendered() {
      return pdf != null;
    }
  }

  Previews(Workspace workspace, DraftPdf drafts, Path folder, Clock clock) {
    this.workspace = workspace;
    this.drafts = drafts;
    this.folder = folder;
    this.clock = clock;
  }

  /** Renders everything once, then watches every {@code interval}. */
  void start(Duration interval) {
    watcher.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  Optional<Preview> of(String slug) {
    return Optional.ofNullable(current.get(slug));
  }

  /** Re-renders every case study whose files (or the metadata) changed since the last look. */
  void refresh() {
    String metadata;
    List<String> slugs;
    try {
      metadata = fingerprint(workspace.metadataDir());
      slugs = WorkspaceLoader.slugs(workspace);
    } catch (RuntimeException e) {
      return; // a folder renamed while it was read: the next look sees the new state
    }
    for (String slug : slugs) {
      try {
        String print = metadata + "|" + fingerprint(workspace.caseStudyDir(slug));
        if (!print.equals(seen.get(slug))) {
          seen.put(slug, print);
          render(slug);
        }
      } catch (RuntimeException e) {
        // Shown on the page rather than lost: a watcher thread has nobody else to tell.
        Preview before = current.get(slug);
        current.put(
            slug,
            keepLast(
                before,
                before == null ? 1 : before.generation() + 1,
                List.of(
                    Problem.error(
                        Location.of("case-studies/" + slug + "/"),
                        "",
                        "The preview could not be made ("
                            + e.getClass().getSimpleName()
                            + ": "
                            + e.getMessage()
                            + "). Try ./casepress render "
                            + slug
                            + " --verbose."))));
      }
    }
  }

  private void render(String slug) {
    Loaded loaded = WorkspaceLoader.load(workspace, List.of(slug));
    Preview before = current.get(slug);
    int generation = before == null ? 1 : before.generation() + 1;
    Optional<CaseStudy> cs = loaded.caseStudy(slug);
    List<Problem> problems = loaded.problemsOf(slug);
    if (cs.isEmpty() || problems.stream().anyMatch(Problem::isError)) {
      current.put(slug, keepLast(before, generation, problems));
      return;
    }
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(slug + ".pdf");
      RenderResult result = drafts.render(workspace, loaded, cs.get(), file);
      byte[] pdf = Files.readAllBytes(file);
      List<Problem> all = new ArrayList<>(problems);
      all.addAll(result.warnings());
      Instant at = clock.instant();
      // The PDF is shown at once; the page images follow it, unless a newer rendering came first.
      List<byte[]> lastImages = before == null ? List.of() : before.pages();
      current.put(slug, new Preview(generation, pdf, result.pages(), lastImages, all, at));
      imaging.execute(() -> showImages(slug, generation, pdf));
    } catch (RenderException e) {
      current.put(slug, keepLast(before, generation, e.problems()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void showImages(String slug, int generation, byte[] pdf) {
    List<byte[]> images;
    try {
      images = images(pdf);
    } catch (IOException | RuntimeException e) {
      return; // the PDF is on show; its page images stay those of the last rendering
    }
    current.computeIfPresent(
        slug,
        (k, p) ->
            p.generation() == generation && p.pdf() == pdf
                ? new Preview(generation, pdf, p.pageCount(), images, p.problems(), p.renderedAt())
                : p);
  }

  /** The last good PDF stays on show beside the problems that stop a new one. */
  private Preview keepLast(Preview before, int generation, List<Problem> problems) {
    return before == null
        ? new Preview(generation, null, 0, List.of(), problems, clock.instant())
        : new Preview(
            generation,
            before.pdf(),
            before.pageCount(),
            before.pages(),
            problems,
            clock.instant());
  }

  private static List<byte[]> images(byte[] pdf) throws IOException {
    List<byte[]> images = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < Math.min(PAGE_IMAGES, doc.getNumberOfPages()); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, IMAGE_DPI, ImageType.RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        images.add(png.toByteArray());
      }
    }
    return images;
  }

  /** Names, sizes and modification times of the files that make up a case study. */
  private static String fingerprint(Path dir) {
    if (!Files.isDirectory(dir)) {
      return "-";
    }
    StringBuilder s = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        Path relative = dir.relativize(p);
        // status.json counts: the draft prints the review state.
        if (p.equals(dir)
            || (ContentDigest.isLeftOut(relative) && !relative.toString().equals("status.json"))
            || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        s.append(relative)
            .append(':')
            .append(Files.size(p))
            .append(':')
            .append(Files.getLastModifiedTime(p).toMillis())
            .append(';');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.toString();
  }

  /** Stops watching, and waits for a rendering under way so that no file is written after. */
  @Override
  public void close() {
    watcher.shutdownNow();
    imaging.shutdownNow();
    try {
      watcher.awaitTermination(30, TimeUnit.SECONDS);
      imaging.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
