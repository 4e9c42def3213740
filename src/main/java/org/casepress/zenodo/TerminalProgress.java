package org.casepress.zenodo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar, redrawn with a carriage return at most every 200 ms. Prints nothing when
 * output is not a terminal, so piped output and logs stay clean.
 */
public final class TerminalProgress implements UploadProgress {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private long lastDraw = Long.MIN_VALUE;

  private TerminalProgress(PrintStream out) {
    this.out = out;
  }

  /** A bar on {@code out} if the JVM has a console, otherwise {@link UploadProgress#NONE}. */
  public static UploadProgress forConsole(PrintStream out) {
    return of(out, System.console() != null);
  }

  /** For tests and callers that know better whether {@code out} is a terminal. */
  public static UploadProgress of(PrintStream out, boolean interactive) {
    return interactive ? new TerminalProgress(out) : UploadProgress.NONE;
  }

  @Override
  public synchronized void update(String key, long sent, long total) {
    long now = System.nanoTime();
    boolean done = sent >= total;
    if (!done && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    double fraction = total <= 0 ? 1.0 : Math.min(1.0, (double) sent / total);
    int filled = (int) Math.round(fraction * WIDTH);
    out.print(
        String.format(
            Locale.ROOT,
            "\r%s [%s%s] %3d%% %s / %s",
            key,
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            Math.round(fraction * 100),
            human(sent),
            human(total)));
    if (done) {
      out.println();
    }
    out.flush();
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
