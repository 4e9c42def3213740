package org.casepress.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.casepress.board.Board;
import org.casepress.publish.LocalRecords;

/** {@code serve [--port N] [--allow-review]}: the team's web board, until Ctrl-C. */
final class ServeCommand implements Command {
  /**
   * How often the previews look for saved changes. A look reads the names, sizes and times of a few
   * files per case study (2 ms for seven studies on a busy machine); every 100 ms keeps the wait
   * for it to 50 ms on average, a sixth of the 300 ms a preview may take (issue 15).
   */
  static final Duration WATCH_EVERY = Duration.ofMillis(100);

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String synopsis() {
    return "[--port N] [--allow-review]";
  }

  @Override
  public String summary() {
    return "the team's web board on 127.0.0.1: states, comments, live draft PDFs, launches";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder()
                .longOpt("port")
                .hasArg()
                .argName("N")
                .desc("the port on 127.0.0.1 (default " + LocalRecords.BOARD_PORT + ")")
                .get())
        .addOption(
            Option.builder()
                .longOpt("allow-review")
                .desc(
                    "let the case study pages record start-review, request-changes and approve"
                        + " (default: read-only)")
                .get());
  }

  @Override
  public int run(Invocation in) throws Exception {
    int port;
    try {
      port =
          Integer.parseInt(
              in.line().getOptionValue("port", String.valueOf(LocalRecords.BOARD_PORT)));
    } catch (NumberFormatException e) {
      throw CommandException.usage(
          "--port takes a number, e.g. --port " + LocalRecords.BOARD_PORT + ".");
    }
    if (port < 0 || port > 65535) {
      throw CommandException.usage("--port must be between 0 and 65535.");
    }
    boolean allowReview = in.line().hasOption("allow-review");
    Board board;
    try {
      board = Board.start(in.workspace(), port, allowReview, WATCH_EVERY);
    } catch (java.net.BindException e) {
      throw CommandException.problem(
          "Port "
              + port
              + " on 127.0.0.1 is in use (is the board already running?). Open it, stop the other"
              + " one, or choose another port with --port N.");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              board.close();
              stopped.countDown();
            });
    Runtime.getRuntime().addShutdownHook(hook);
    in.out().println("The board: " + board.url() + "/");
    in.out()
        .println(
            allowReview
                ? "Reviews allowed: its case study pages can record start-review, request-changes and"
                    + " approve, as the person chosen on the page, under the usual rules."
                : "Read-only: it changes nothing (--allow-review lets it record review steps).");
    in.out().println("Local records: " + board.url() + "/records/ID.");
    if (port != LocalRecords.BOARD_PORT) {
      // The announcement files and release's output name the default port.
      in.out()
          .println(
              "Links written for local records name "
                  + LocalRecords.BOARD_URL
                  + "; on this port open the same path here.");
    }
    in.out().println("Draft PDFs follow every saved change. Stop with Ctrl-C.");
    in.out().flush();
    stopped.await();
    return ExitCode.OK;
  }
}
