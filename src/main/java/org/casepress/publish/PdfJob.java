package org.casepress.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casepress.model.CaseStudy;
import org.casepress.model.Problem;
import org.casepress.render.OutputFile;
import org.casepress.render.Publication;
import org.casepress.render.RenderException;
import org.casepress.render.RenderMode;
import org.casepress.render.RenderResult;
import org.casepress.render.Renderer;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.StatusFile;

/**
 * The {@code render} command's work: PDFs of case studies, each saying where the case study stands
 * (version, review state, and the DOI once published on production). A case study that {@code
 * check} finds errors in is not rendered. Reads state, writes only the PDFs.
 */
public final class PdfJob {
  private PdfJob() {}

  /**
   * What to render.
   *
   * @param slugs the case studies; every one when {@code all}
   * @param output where the one PDF goes; empty for build/pdf/SLUG.pdf
   * @param date the date printed and stored in the PDF; empty to decide it (see {@link #date})
   * @param sourceDate SOURCE_DATE_EPOCH, the reproducible-builds convention, when set
   * @param force whether {@code output} may replace a PDF that casepress did not write
   */
  public record Request(
      List<String> slugs,
      boolean all,
      RenderMode mode,
      Optional<Path> output,
      Optional<LocalDate> date,
      Optional<Instant> sourceDate,
      boolean force) {
    public Request {
      slugs = List.copyOf(slugs);
    }
  }

  /** What became of one case study. */
  public sealed interface Result {
    String slug();

    /** The PDF is written; its warnings are for the reader of a draft. */
    record Written(String slug, RenderResult pdf) implements Result {}

    /**
     * No PDF: check found errors ({@code refusedByRenderer} false), or a final render found
     * something missing, refused or undisplayable.
     */
    record NotWritten(String slug, List<Problem> problems, boolean refusedByRenderer)
        implements Result {
      public NotWritten {
        problems = List.copyOf(problems);
      }
    }
  }

  /**
   * Renders what {@code request} asks for.
   *
   * @throws PublishException when the output the user named may not be written ({@link
   *     OutputFile}): a case study, metadata, or a file that is not casepress's PDF
   */
  public static List<Result> render(Workspace workspace, Request request) throws IOException {
    if (request.output().isPresent()) {
      try {
        OutputFile.permit(workspace, request.output().get(), request.force());
      } catch (RenderException e) {
        throw PublishException.problem(e.problems().get(0).message());
      }
    }
    List<String> slugs = request.all() ? WorkspaceLoader.slugs(workspace) : request.slugs();
    Loaded loaded =
        request.all() ? WorkspaceLoader.load(workspace) : WorkspaceLoader.load(workspace, slugs);
    Renderer renderer = null;
    Statuses statuses = new Statuses(workspace);
    LedgerStore production = LedgerStores.forTarget(workspace, statuses, TargetKind.PRODUCTION);
    List<Result> results = new ArrayList<>();
    for (String slug : slugs) {
      List<Problem> problems = loaded.problemsOf(slug);
      CaseStudy cs = loaded.caseStudy(slug).orElse(null);
      if (cs == null || problems.stream().anyMatch(Problem::isError)) {
        results.add(
            new Result.NotWritten(slug, problems.isEmpty() ? loaded.problems() : problems, false));
        continue;
      }
      Path output =
          request.output().orElse(workspace.buildDir().resolve("pdf").resolve(slug + ".pdf"));
      StatusFile status = statuses.of(slug);
      Publication pub = publication(production, status, date(request, status, cs));
      if (renderer == null) {
        renderer = Renderer.create();
      }
      try {
        results.add(
            new Result.Written(
                slug, renderer.render(cs, loaded.metadata(), pub, request.mode(), output)));
      } catch (RenderException e) {
        results.add(new Result.NotWritten(slug, e.problems(), true));
      }
    }
    return results;
  }

  /**
   * What the PDF says of the case study's state: version and review state from status.json, and the
   * DOI once the version is published on production (a rehearsal's DOI is not a real one).
   */
  static Publication publication(LedgerStore production, StatusFile status, LocalDate date) {
    Ledger.Entry published =
        production
            .read(status.slug())
            .version(status.version())
            .filter(e -> e.phase().isPublished())
            .orElse(null);
    return new Publication(
        status.version(),
        date,
        status.state().id().replace('-', ' '),
        published == null ? null : published.doi(),
        published == null ? null : published.conceptDoi());
  }

  /**
   * The date of the PDF: the one asked for, else SOURCE_DATE_EPOCH, else the day of the case
   * study's last review step, else the UTC day its files last changed. Never the clock, so that
   * rendering unchanged files twice gives the same bytes.
   */
  static LocalDate date(Request request, StatusFile status, CaseStudy cs) {
    return request
        .date()
        .or(() -> request.sourceDate().map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)))
        .or(() -> status.lastChange().map(h -> LocalDate.ofInstant(h.time(), ZoneOffset.UTC)))
        .orElseGet(() -> Publication.contentDate(cs.folder()));
  }
}
