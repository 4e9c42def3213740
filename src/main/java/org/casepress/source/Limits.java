package org.casepress.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.casepress.model.Location;
import org.casepress.model.Problem;

/**
 * The sizes a case study may have, checked before any parser sees it. flexmark recurses once per
 * level of nesting, and the PDF renderer's memory grows with the text and the images, so one
 * committed file could otherwise crash or exhaust every command run on the workspace. Each limit is
 * many times what the largest real page of the reference corpus needs (docs/limits.md has the
 * figures), so a real case study never meets one.
 */
public final class Limits {
  /** The whole case-study.md; the largest corpus page is 63,672 bytes. */
  public static final int FILE_BYTES = 256 * 1024;

  /** Lines of case-study.md; the longest corpus page has 732. */
  public static final int LINES = 10_000;

  /** Characters on one line; the longest corpus line has 5,163. */
  public static final int LINE_CHARS = 20_000;

  /** The YAML between the {@code ---} lines. */
  public static final int FRONT_MATTER_BYTES = 32 * 1024;

  /** Block quotes and lists inside each other; the corpus nests at most 3. */
  public static final int NESTING = 16;

  /** Images in one case study; the corpus has at most 9 on a page. */
  public static final int IMAGES = 100;

  public static final int AUTHORS = 100;
  public static final int KEYWORDS = 50;
  public static final int RELATED = 100;
  public static final int FUNDING = 50;

  /** Pixels of one image; the largest corpus image has 6.3 million (3149 x 2000). */
  public static final long IMAGE_PIXELS = 25_000_000L;

  /** Bytes of one image file; the largest corpus image has 1.1 MB. */
  public static final long IMAGE_BYTES = 20L * 1024 * 1024;

  /**
   * Bytes of the whole case study folder: its images end up in the PDF, which is built in memory.
   * The six corpus images together have 2.3 MB.
   */
  public static final long FOLDER_BYTES = 40L * 1024 * 1024;

  /** A container marker at the start of a line: a quote, a bullet or a numbered item. */
  private static final Pattern CONTAINER =
      Pattern.compile("\\G(?:>|[-+*](?=[ \\t]|$)|\\d{1,9}[.)](?=[ \\t]|$))");

  private static final Pattern IMAGE =
      Pattern.compile("!\\[|<img\\b|\\{(?:figure|image)\\}", Pattern.CASE_INSENSITIVE);

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

  private Limits() {}

  /**
   * Whether the file as read from disk is small enough to decode; else one problem naming the
   * limit.
   */
  static boolean fileSize(long bytes, String file, List<Problem> problems) {
    return bytes <= FILE_BYTES
        || refuse(
            problems,
            Location.of(file),
            "",
            "The file has "
                + kilobytes(bytes)
                + "; casepress reads case studies of up to "
                + kilobytes(FILE_BYTES)
                + " (the size limit). Split the case study, or move long tables and data into a"
                + " file deposited beside it.");
  }

  /**
   * Checks the decoded text, line by line, before the Markdown or YAML parser runs: line count,
   * line length, nesting of quotes and lists (outside fenced code) and the number of images.
   * Reports the first line over each limit.
   *
   * @return whether the text may be parsed
   */
  static boolean text(String text, String file, List<Problem> problems) {
    boolean ok = true;
    int lineCount = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineCount++;
      }
    }
    if (lineCount > LINES) {
      problems.add(
          Problem.error(
              new Location(file, LINES + 1, 0),
              "",
              "The file has "
                  + lineCount
                  + " lines; casepress reads case studies of up to "
                  + LINES
                  + " lines (the line limit). Split the case study."));
      ok = false;
    }
    boolean longReported = false;
    boolean deepReported = false;
    String fence = null;
    int images = 0;
    int line = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      line++;
      int length = end - start;
      if (length > LINE_CHARS && !longReported) {
        ok =
            refuse(
                problems,
                new Location(file, line, 0),
                "",
                "Line "
                    + line
                    + " has "
                    + length
                    + " characters; a line may have at most "
                    + LINE_CHARS
                    + " (the line-length limit). Break the paragraph into shorter lines or"
                    + " paragraphs.");
        longReported = true;
      }
      // Only the start of a long line matters for nesting and fences.
      String l = text.substring(start, Math.min(end, start + Math.min(length, 4 * LINE_CHARS)));
      Matcher fenceMatch = FENCE.matcher(l);
      if (fence != null) {
        if (fenceMatch.find()
            && fenceMatch.group(1).charAt(0) == fence.charAt(0)
            && fenceMatch.group(1).length() >= fence.length()
            && l.substring(fenceMatch.end()).isBlank()) {
          fence = null;
        }
      } else if (fenceMatch.find()) {
        fence = fenceMatch.group(1);
      } else {
        int depth = nesting(l);
        if (depth > NESTING && !deepReported) {
          ok =
              refuse(
                  problems,
                  new Location(file, line, 0),
                  "",
                  "Line "
                      + line
                      + " nests quotes or lists "
                      + depth
                      + " levels deep; casepress reads at most "
                      + NESTING
                      + " levels (the nesting limit). Flatten the list or quote.");
          deepReported = true;
        }
      }
      // Each form of image starts with one of these three: the pattern, tried at every position
      // of every line, took a tenth of loading a workspace.
      if (l.indexOf('!') >= 0 || l.indexOf('<') >= 0 || l.indexOf('{') >= 0) {
        Matcher m = IMAGE.matcher(l);
        while (m.find()) {
          images++;
          if (images == IMAGES + 1) {
            problems.add(
                Problem.error(
                    new Location(file, line, 0),
                    "",
                    "This is image number "
                        + images
                        + "; a case study may have at most "
                        + IMAGES
                        + " images (the image limit). Combine figures or leave some out."));
            ok = false;
          }
        }
      }
      start = end + 1;
    }
    return ok;
  }

  /**
   * How deep a line nests: its quote and list markers, plus one level for every four columns of
   * indentation before a marker or the text (a nested list or quote is indented by at most four).
   */
  static int nesting(String line) {
    int depth = 0;
    int columns = 0;
    int i = 0;
    Matcher m = CONTAINER.matcher(line);
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == ' ') {
        columns++;
        i++;
      } else if (c == '\t') {
        columns += 4 - columns % 4;
        i++;
      } else if (m.find(i) && m.start() == i) {
        depth += 1 + columns / 4;
        columns = 0;
        i = m.end();
      } else {
        break;
      }
    }
    return depth + columns / 4;
  }

  /** Whether the front matter is small enough to hand to the YAML parser. */
  static boolean frontMatter(String yaml, String file, List<Problem> problems) {
    int bytes = yaml.length();
    return bytes <= FRONT_MATTER_BYTES
        || refuse(
            problems,
            new Location(file, 1, 0),
            "",
            "The front matter has "
                + kilobytes(bytes)
                + "; it may have at most "
                + kilobytes(FRONT_MATTER_BYTES)
                + " (the front matter limit). Move long text from the description into the body.");
  }

  /**
   * Counts the lists of the front matter before they are bound and resolved.
   *
   * @return whether every list is within its limit
   */
  static boolean counts(YamlTree tree, List<Problem> problems) {
    boolean ok = true;
    ok &= count(tree, "authors", AUTHORS, problems);
    ok &= count(tree, "keywords", KEYWORDS, problems);
    ok &= count(tree, "related", RELATED, problems);
    ok &= count(tree, "funding", FUNDING, problems);
    return ok;
  }

  private static boolean count(YamlTree tree, String key, int limit, List<Problem> problems) {
    JsonNode node = tree.root().path(key);
    return !node.isArray()
        || node.size() <= limit
        || refuse(
            problems,
            tree.at(key),
            key,
            "There are "
                + node.size()
                + " "
                + key
                + "; a case study may list at most "
                + limit
                + " (the "
                + key
                + " limit). Keep the ones that matter most.");
  }

  /** Whether the case study folder, images included, is small enough to typeset in memory. */
  static boolean folderSize(Path folder, String name, List<Problem> problems) {
    long total;
    try (Stream<Path> files = Files.walk(folder)) {
      total =
          files
              .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .mapToLong(Limits::size)
              .sum();
    } catch (IOException | UncheckedIOException e) {
      return true; // what cannot be listed is reported by the checks that read it
    }
    return total <= FOLDER_BYTES
        || refuse(
            problems,
            Location.of(name),
            "",
            "The folder holds "
                + (total + 1024 * 1024 - 1) / (1024 * 1024)
                + " MB; a case study may hold at most "
                + FOLDER_BYTES / (1024 * 1024)
                + " MB with its images (the folder limit). Save the images at a smaller size (a"
                + " PDF page needs no more than about 2500 pixels across) or as JPEG.");
  }

  /** Adds the error for a limit that was met, and says the input may not be read further. */
  private static boolean refuse(List<Problem> problems, Location at, String field, String message) {
    problems.add(Problem.error(at, field, message));
    return false;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static String kilobytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%,d KB", (bytes + 1023) / 1024);
  }
}
