package org.casepress.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a review step's comment comes from: {@code --comment TEXT}, {@code --comment-file F} (or
 * {@code -} for standard input), else, for a step that needs one and when a person sits at a
 * terminal, their editor ({@code $VISUAL}, {@code $EDITOR}, else Notepad on Windows and vi
 * elsewhere) opened on a file whose {@code #} lines explain what to write and are left out.
 */
final class ReviewComment {
  /** Longer than a comment needs; guards against pointing --comment-file at a PDF. */
  static final int MAX_BYTES = 64 * 1024;

  private ReviewComment() {}

  /**
   * The comment, or null when none was given and none is needed.
   *
   * @param needed the step needs a comment
   * @param interactive a person sits at a terminal, so an editor may be opened
   */
  static String read(
      Invocation in, String step, String slug, String hint, boolean needed, boolean interactive)
      throws IOException {
    String text = in.line().getOptionValue("comment");
    String file = in.line().getOptionValue("comment-file");
    if (text != null && file != null) {
      throw CommandException.usage("Give --comment or --comment-file, not both.");
    }
    if (file != null) {
      return fromFile(in, file);
    }
    if (text != null || !needed || !interactive) {
      return text;
    }
    return fromEditor(in.env(), step, slug, hint);
  }

  private static String fromFile(Invocation in, String file) throws IOException {
    byte[] bytes;
    if (file.equals("-")) {
      bytes = in.in().readNBytes(MAX_BYTES + 1);
    } else {
      Path path = in.cwdPath(file);
      try (InputStream stream = Files.newInputStream(path)) {
        bytes = stream.readNBytes(MAX_BYTES + 1);
      } catch (NoSuchFileException e) {
        throw CommandException.usage(
            "--comment-file "
                + file
                + ": there is no such file. Write the comment in a text file and give its path.");
      }
    }
    if (bytes.length > MAX_BYTES) {
      throw CommandException.usage(
          "--comment-file "
              + file
              + " is longer than "
              + MAX_BYTES / 1024
              + " KB; a review comment is text. Is it the right file?");
    }
    String comment = new String(bytes, StandardCharsets.UTF_8).strip();
    if (comment.indexOf('\0') >= 0) {
      throw CommandException.usage(
          "--comment-file " + file + " is not a text file. Give a plain text file (.txt or .md).");
    }
    return comment.isEmpty() ? null : comment;
  }

  /** Opens the editor on a file explaining the step; its non-# lines are the comment. */
  static String fromEditor(Map<String, String> env, String step, String slug, String hint)
      throws IOException {
    String editor = editor(env);
    Path file = Files.createTempFile("casepress-comment-", ".md");
    try {
      Files.writeString(
          file,
          "\n# Your comment for "
              + step
              + " on "
              + slug
              + (hint == null ? "" : ": " + hint)
              + ".\n# Write it above, save and close the editor. Lines starting with # are left out;"
              + "\n# leave it empty to stop without changing anything.\n",
          StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(editor.strip().split("\\s+")));
      command.add(file.toString());
      Process p;
      try {
        p = new ProcessBuilder(command).inheritIO().start();
      } catch (IOException e) {
        throw CommandException.usage(
            "Could not start the editor '"
                + editor
                + "' to write the comment. Give it with --comment \"...\" or --comment-file FILE,"
                + " or set EDITOR to an editor that is installed.");
      }
      int code;
      try {
        code = p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroy();
        throw CommandException.usage("Stopped while the editor was open; nothing changed.");
      }
      if (code != 0) {
        throw CommandException.usage(
            "The editor '"
                + editor
                + "' stopped with an error (exit "
                + code
                + "); nothing changed.");
      }
      String comment =
          Files.readAllLines(file, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.startsWith("#"))
              .collect(Collectors.joining("\n"))
              .strip();
      if (comment.isEmpty()) {
        throw CommandException.usage(
            "The comment was left empty, so nothing changed. Run the command again and write what to"
                + " change, or give it with --comment \"...\".");
      }
      return comment;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String editor(Map<String, String> env) {
    for (String name : List.of("VISUAL", "EDITOR")) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")
        ? "notepad"
        : "vi";
  }
}
