package org.casepress.board;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casepress.model.Launch;
import org.casepress.model.Metadata;
import org.casepress.model.Problem;
import org.casepress.publish.DraftPdf;
import org.casepress.publish.Ledger;
import org.casepress.publish.LocalRecords;
import org.casepress.publish.Standing;
import org.casepress.publish.TargetKind;
import org.casepress.source.Loaded;
import org.casepress.source.Workspace;
import org.casepress.source.WorkspaceLoader;
import org.casepress.workflow.ReviewState;
import org.casepress.workflow.ReviewWorkflow;
import org.casepress.workflow.Transition;
import org.casepress.workflow.WorkflowException;

/**
 * {@code casepress serve}: a web board for the team on 127.0.0.1 only. Every case study with its
 * state, whom it waits for, the latest comment, its changes since approval and its deposits; a page
 * per case study with its history and a draft PDF that follows every saved change; a page per
 * launch; and the local target's records. Read-only unless started with {@code allowReview}, and
 * then only the review steps of {@link Pages#REVIEW_STEPS}, under the workflow's own rules. It
 * never reads or shows a token: it talks to no Zenodo.
 */
public final class Board implements AutoCloseable {
  private static final Pattern STUDY = Pattern.compile("/studies/([a-z0-9-]+)");
  private static final Pattern STUDY_PART =
      Pattern.compile(
          "/studies/([a-z0-9-]+)/(preview\\.pdf|preview-generation|page-(\\d+)\\.png|review)");
  private static final Pattern LAUNCH = Pattern.compile("/launches/([a-z0-9-]+)");

  private final Workspace workspace;
  private final boolean allowReview;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Previews previews;
  private final LocalRecords records;
  private final String url;
  private final byte[] stylesheet;

  private Board(
      Workspace workspace,
      boolean allowReview,
      HttpServer server,
      ExecutorService executor,
      Previews previews)
      throws IOException {
    this.workspace = workspace;
    this.allowReview = allowReview;
    this.server = server;
    this.executor = executor;
    this.previews = previews;
    this.records = new LocalRecords(workspace);
    this.url = "http://127.0.0.1:" + server.getAddress().getPort();
    try (InputStream css = Board.class.getResourceAsStream("board.css")) {
      this.stylesheet = css.readAllBytes();
    }
  }

  /**
   * Starts the board.
   *
   * @param port the port on 127.0.0.1; 0 picks a free one
   * @param allowReview whether the case study pages may record review steps
   * @param watchEvery how often the previews look for changed files
   */
  public static Board start(Workspace workspace, int port, boolean allowReview, Duration watchEvery)
      throws IOException {
    return start(workspace, port, allowReview, DraftPdf.create(), watchEvery);
  }

  static Board start(
      Workspace workspace, int port, boolean allowReview, DraftPdf drafts, Duration watchEvery)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "board");
              t.setDaemon(true);
              return t;
            });
    Previews previews =
        new Previews(workspace, drafts, previewFolder(workspace), Clock.systemUTC());
    Board board = new Board(workspace, allowReview, server, executor, previews);
    server.createContext("/", board::handle);
    server.setExecutor(executor);
    server.start();
    previews.start(watchEvery);
    return board;
  }

  /** {@code http://127.0.0.1:PORT} */
  public String url() {
    return url;
  }

  @Override
  public void close() {
    previews.close();
    server.stop(0);
    executor.shutdownNow();
  }

  private record Reply(int status, String contentType, byte[] body, String location) {
    static Reply html(int status, String html) {
      return new Reply(
          status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null);
    }

    static Reply bytes(String contentType, byte[] body) {
      return new Reply(200, contentType, body, null);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    Reply reply;
    try {
      reply = answer(ex);
    } catch (RuntimeException e) {
      reply =
          Reply.html(
              500,
              Pages.error(
                  null,
                  500,
                  "The board could not show this page: "
                      + e.getMessage()
                      + ". Run ./casepress check and ./casepress status for the details."));
    }
    if (reply.location() != null) {
      ex.getResponseHeaders().set("Location", reply.location());
    }
    ex.getResponseHeaders().set("Content-Type", reply.contentType());
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    // Pages load only from here; nothing of the board runs inside another site.
    ex.getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(reply.status(), head ? -1 : reply.body().length);
    try (OutputStream out = ex.getResponseBody()) {
      if (!head) {
        out.write(reply.body());
      }
    }
  }

  private Reply answer(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String method = ex.getRequestMethod();
    if (!hostIsLoopback(ex)) {
      // A page elsewhere could point a name it controls at 127.0.0.1 (DNS rebinding).
      return Reply.html(421, Pages.error(null, 421, "This board answers only to 127.0.0.1."));
    }
    if (method.equals("POST")) {
      return post(ex, path);
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return Reply.html(405, Pages.error(null, 405, "The board only shows pages."));
    }
    if (path.equals(Pages.STYLESHEET)) {
      return Reply.bytes("text/css; charset=utf-8", stylesheet);
    }
    if (LocalRecords.handles(path)) {
      LocalRecords.Page page = records.page(path, Pages.STYLESHEET);
      return new Reply(page.status(), page.contentType(), page.body(), null);
    }
    Matcher m;
    // Before the metadata is read: an open study page asks for its preview's generation every
    // second, and reading the metadata for it would take CPU from the preview being rendered.
    if ((m = STUDY_PART.matcher(path)).matches()) {
      Optional<Reply> part = studyPart(m.group(1), m.group(2), m.group(3));
      if (part.isPresent()) {
        return part.get();
      }
      Metadata metadata = WorkspaceLoader.load(workspace, List.of()).metadata();
      return Reply.html(
          404,
          Pages.error(
              metadata, 404, "There is no " + m.group(2) + " for '" + m.group(1) + "' (yet)."));
    }
    Metadata metadata = WorkspaceLoader.load(workspace, List.of()).metadata();
    if (path.equals("/")) {
      return Reply.html(200, Pages.board(metadata, Standing.read(workspace), allowReview));
    }
    if ((m = STUDY.matcher(path)).matches()) {
      String done = query(ex).get("done");
      return study(metadata, m.group(1), done == null ? null : "Recorded the step: " + done + ".");
    }
    if ((m = LAUNCH.matcher(path)).matches()) {
      TargetKind target =
          TargetKind.parse(query(ex).getOrDefault("target", "")).orElse(TargetKind.PRODUCTION);
      return launch(metadata, m.group(1), target);
    }
    return Reply.html(
        404, Pages.error(metadata, 404, "Nothing lives at " + path + " on the board."));
  }

  private Reply study(Metadata metadata, String slug, String notice) {
    Optional<Standing> st = Standing.read(workspace).of(slug);
    if (st.isEmpty()) {
      return Reply.html(
          404,
          Pages.error(metadata, 404, "There is no case study '" + slug + "' in this workspace."));
    }
    return Reply.html(200, Pages.study(metadata, st.get(), previews.of(slug), allowReview, notice));
  }

  /** The preview's generation, PDF or a page image; empty when there is none (yet). */
  private Optional<Reply> studyPart(String slug, String part, String page) {
    Optional<Previews.Preview> preview = previews.of(slug);
    if (part.equals("preview-generation")) {
      return Optional.of(
          Reply.bytes(
              "text/plain; charset=utf-8",
              String.valueOf(preview.map(Previews.Preview::generation).orElse(0))
                  .getBytes(StandardCharsets.UTF_8)));
    }
    if (part.equals("preview.pdf") && preview.filter(Previews.Preview::rendered).isPresent()) {
      return Optional.of(Reply.bytes("application/pdf", preview.get().pdf()));
    }
    if (page != null && preview.isPresent()) {
      int i = Integer.parseInt(page) - 1;
      if (i >= 0 && i < preview.get().pages().size()) {
        return Optional.of(Reply.bytes("image/png", preview.get().pages().get(i)));
      }
    }
    return Optional.empty();
  }

  private Reply launch(Metadata metadata, String name, TargetKind target) {
    Optional<Launch> launch = metadata.launch(name);
    if (launch.isEmpty()) {
      return Reply.html(
          404,
          Pages.error(
              metadata, 404, "There is no launch '" + name + "' in metadata/launches.yaml."));
    }
    Standing.All all = Standing.read(workspace);
    Loaded loaded = WorkspaceLoader.load(workspace, launch.get().caseStudies());
    List<Pages.LaunchRow> rows = new ArrayList<>();
    int staged = 0;
    int published = 0;
    int blocked = 0;
    for (String slug : launch.get().caseStudies()) {
      Optional<Standing> st = all.of(slug);
      List<String> blockers = new ArrayList<>();
      if (st.isEmpty()) {
        blockers.add("launches.yaml names it, but case-studies/" + slug + "/ does not exist");
      } else {
        Standing s = st.get();
        Ledger.Entry entry = s.deposits().get(target);
        boolean isPublished = entry != null && entry.phase().isPublished();
        long errors = loaded.problemsOf(slug).stream().filter(Problem::isError).count();
        if (isPublished) {
          published++;
        } else if (s.status().state() != ReviewState.APPROVED) {
          blockers.add(
              "it is "
                  + s.status().state().id()
                  + "; waits for "
                  + s.waiting().names()
                  + " to "
                  + s.waiting().toDo());
        } else if (s.changedSince()) {
          blockers.add("its files changed since approval; it needs approving again");
        }
        if (!isPublished && errors > 0) {
          blockers.add("check finds " + errors + (errors == 1 ? " error" : " errors"));
        }
        if (!isPublished && blockers.isEmpty()) {
          if (entry != null && entry.phase() == Ledger.Phase.STAGED) {
            staged++;
          } else {
            blockers.add(
                "approved, not staged on "
                    + target
                    + " yet: run ./casepress stage --launch "
                    + name
                    + " --target "
                    + target);
          }
        }
      }
      if (!blockers.isEmpty()) {
        blocked++;
      }
      rows.add(new Pages.LaunchRow(slug, st, blockers));
    }
    int total = rows.size();
    String verdict =
        published == total
            ? "Released: all " + total + " case studies are published on " + target + "."
            : blocked == 0
                ? "Ready to release on "
                    + target
                    + ": "
                    + staged
                    + " staged"
                    + (published > 0 ? ", " + published + " already published" : "")
                    + ". Run ./casepress release --launch "
                    + name
                    + " --target "
                    + target
                    + "."
                : "Not ready to release on "
                    + target
                    + ": "
                    + blocked
                    + " of "
                    + total
                    + " blocked (see below).";
    return Reply.html(200, Pages.launch(metadata, launch.get(), target, rows, verdict));
  }

  private Reply post(HttpExchange ex, String path) throws IOException {
    Matcher m = STUDY_PART.matcher(path);
    if (!allowReview || !m.matches() || !m.group(2).equals("review")) {
      return Reply.html(
          403,
          Pages.error(
              null,
              403,
              "This board is read-only. Start it with ./casepress serve --allow-review to record"
                  + " review steps here."));
    }
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (origin == null || !origin.equals(url)) {
      // Only a form on this board may record a step, not a page on another site.
      return Reply.html(
          403, Pages.error(null, 403, "A review step must come from the board's own page."));
    }
    byte[] body = ex.getRequestBody().readNBytes(64 * 1024);
    Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
    String slug = m.group(1);
    Optional<Transition> step =
        Pages.REVIEW_STEPS.stream().filter(t -> t.id().equals(form.get("step"))).findFirst();
    if (step.isEmpty()) {
      return Reply.html(400, Pages.error(null, 400, "Choose one of the review steps offered."));
    }
    try {
      new ReviewWorkflow(workspace).apply(slug, step.get(), form.get("as"), form.get("comment"));
    } catch (WorkflowException e) {
      return Reply.html(
          409,
          Pages.error(WorkspaceLoader.load(workspace, List.of()).metadata(), 409, e.getMessage()));
    }
    return new Reply(
        303,
        "text/plain; charset=utf-8",
        new byte[0],
        "/studies/" + slug + "?done=" + step.get().id());
  }

  private boolean hostIsLoopback(HttpExchange ex) {
    String host = ex.getRequestHeaders().getFirst("Host");
    int port = server.getAddress().getPort();
    return host == null
        || host.equals("127.0.0.1:" + port)
        || host.equals("localhost:" + port)
        || host.equals("[::1]:" + port);
  }

  private static Map<String, String> query(HttpExchange ex) {
    String q = ex.getRequestURI().getRawQuery();
    return q == null ? Map.of() : form(q);
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new HashMap<>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  /** Where the board keeps its rendered drafts. */
  private static Path previewFolder(Workspace workspace) {
    return workspace.buildDir().resolve("board");
  }
}
