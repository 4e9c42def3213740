package org.casepress.publish;

import java.io.IOException;
import java.nio.file.Path;
import org.casepress.localzenodo.LandingPages;
import org.casepress.source.Workspace;

/**
 * The local target's records as web pages, for the board ({@code casepress serve}): the embedded
 * server runs only while a command does, so the board shows them from the same storage folder.
 *
 * <p>A local record's link is kept as a path, {@code /records/ID}: the board answers it on any port
 * it is started on, and so does {@code ./casepress local-zenodo}. Where a whole address is needed
 * (the announcement files, the terminal) it is the board's default one, {@link #BOARD_URL}.
 */
public final class LocalRecords {
  /** The board's port unless told otherwise. */
  public static final int BOARD_PORT = 4680;

  /** The board's address unless started with another port. */
  public static final String BOARD_URL = "http://127.0.0.1:" + BOARD_PORT;

  private final LandingPages pages;

  public LocalRecords(Workspace workspace) {
    this.pages = new LandingPages(storage(workspace));
  }

  /** The embedded server's storage folder in a workspace. */
  public static Path storage(Workspace workspace) {
    return TargetConnection.localStorage(workspace);
  }

  /** {@code /records/ID}: a record's page, on whichever server shows the local records. */
  public static String recordPath(long id) {
    return "/records/" + id;
  }

  /**
   * A local ledger with every record link as a path: ledgers written before kept the address of the
   * embedded server of that run, whose port was gone once the command ended.
   */
  static Ledger withPortlessLinks(Ledger ledger) {
    Ledger fixed = ledger;
    for (Ledger.Entry e : ledger.versions().values()) {
      if (e.publication() != null
          && e.depositId() != null
          && !recordPath(e.depositId()).equals(e.publication().recordUrl())) {
        fixed = fixed.with(e.recordAt(recordPath(e.depositId())));
      }
    }
    return fixed;
  }

  /** A page, file or 404 page. */
  public record Page(int status, String contentType, byte[] body) {}

  /** True for the paths of record, deposit and request pages. */
  public static boolean handles(String path) {
    return LandingPages.handles(path);
  }

  public Page page(String path, String stylesheet) throws IOException {
    LandingPages.Page p = pages.page(path, stylesheet);
    return new Page(p.status(), p.contentType(), p.body());
  }
}
