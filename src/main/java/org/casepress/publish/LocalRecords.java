package org.casepress.publish;

import java.io.IOException;
import java.nio.file.Path;
import org.casepress.localzenodo.LandingPages;
import org.casepress.source.Workspace;

/**
 * The local target's records as web pages, for the board ({@code casepress serve}): the embedded
 * server runs only while a command does, so the board shows them from the same storage folder.
 */
public final class LocalRecords {
  /** The board's port unless told otherwise. */
  public static final int BOARD_PORT = 4680;

  private final LandingPages pages;

  public LocalRecords(Workspace workspace) {
    this.pages = new LandingPages(storage(workspace));
  }

  /** The embedded server's storage folder in a workspace. */
  public static Path storage(Workspace workspace) {
    return TargetConnection.localStorage(workspace);
  }

  /** A page, file or 404 page. */
  public record Page(int status, String contentType, byte[] body) {}

  /** True for the paths of record and deposit pages. */
  public static boolean handles(String path) {
    return LandingPages.handles(path);
  }

  public Page page(String path, String stylesheet) throws IOException {
    LandingPages.Page p = pages.page(path, stylesheet);
    return new Page(p.status(), p.contentType(), p.body());
  }
}
