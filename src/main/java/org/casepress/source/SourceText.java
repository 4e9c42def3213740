package org.casepress.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.casepress.model.Location;
import org.casepress.model.Problem;

/**
 * Text files as authors save them: UTF-8, with or without a byte order mark, with Unix or Windows
 * line endings. Anything that is not UTF-8 is refused with the line of the first bad byte, since
 * guessing an encoding silently corrupts names like "Søren".
 */
final class SourceText {
  private SourceText() {}

  /** The text with the BOM removed and line endings normalised to \n, or empty on a problem. */
  static Optional<String> decode(byte[] bytes, String file, List<Problem> problems) {
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      start = 3;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      CharBuffer text = decoder.decode(in);
      return Optional.of(normaliseLineEndings(text.toString()));
    } catch (CharacterCodingException e) {
      int bad = firstInvalidByte(bytes, start);
      int line = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      problems.add(
          Problem.error(
              new Location(file, line, 0),
              "",
              "The file is not UTF-8 (byte 0x"
                  + String.format("%02X", bytes[bad] & 0xff)
                  + " at offset "
                  + bad
                  + "). Save it as UTF-8 in your editor (\"Save with encoding\" > UTF-8)."));
      return Optional.empty();
    }
  }

  static String normaliseLineEndings(String s) {
    return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static int firstInvalidByte(byte[] bytes, int from) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    decoder
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    decoder.decode(in, out, true);
    return Math.min(in.position(), bytes.length - 1);
  }

  /** A Markdown file split at its front matter. */
  record Split(String frontMatter, int frontMatterLine, String body, int bodyLine) {}

  /**
   * Splits {@code text} into YAML front matter (between a first line {@code ---} and the next
   * {@code ---} or {@code ...} line) and the Markdown body.
   */
  static Optional<Split> splitFrontMatter(String text, String file, List<Problem> problems) {
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      problems.add(
          Problem.error(
              new Location(file, 1, 0),
              "",
              "The file must start with front matter: a line '---', the YAML keys (title, authors,"
                  + " description, ...), and another '---' line before the Markdown."));
      return Optional.empty();
    }
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i].stripTrailing();
      if (l.equals("---") || l.equals("...")) {
        String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
        String body =
            i + 1 < lines.length
                ? String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length))
                : "";
        return Optional.of(new Split(yaml, 2, body, i + 2));
      }
    }
    problems.add(
        Problem.error(
            new Location(file, 1, 0),
            "",
            "The front matter that starts on line 1 is never closed: add a line '---' after the"
                + " last YAML key, before the Markdown text."));
    return Optional.empty();
  }
}
