package org.casepress.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.casepress.model.Problem;

/**
 * Invisible characters that change the order in which text is displayed. In a title, a name or a
 * description they can make what a reader sees differ from what Zenodo stores and indexes (the
 * "Trojan Source" trick), and nobody can see them to remove them, so check names each one with its
 * position. Explicit embeddings, overrides and isolates are refused; the plain direction marks are
 * only questioned where the text has no right-to-left letters, since Arabic or Hebrew text may need
 * them.
 */
final class Bidi {
  private Bidi() {}

  /** Checks every text value of a YAML file (front matter or metadata). */
  static void check(YamlTree tree, List<Problem> problems) {
    walk(tree, tree.root(), "", problems);
  }

  private static void walk(YamlTree tree, JsonNode node, String path, List<Problem> problems) {
    if (node.isTextual()) {
      text(tree, path, node.asText(), problems);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(tree, node.get(i), YamlTree.item(path, i), problems);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(tree, e.getValue(), YamlTree.child(path, e.getKey()), problems);
      }
    }
  }

  private static void text(YamlTree tree, String path, String value, List<Problem> problems) {
    boolean rightToLeft = value.codePoints().anyMatch(Bidi::isRightToLeftLetter);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String name = controlName(c);
      if (name == null) {
        continue;
      }
      boolean mark = c == '\u200E' || c == '\u200F' || c == '\u061C';
      if (mark && rightToLeft) {
        continue;
      }
      String message =
          "The "
              + path
              + " contains an invisible "
              + name
              + String.format(" (U+%04X)", (int) c)
              + " at character "
              + (i + 1)
              + ", which changes the order in which the text is shown and can make it read"
              + " differently from what is stored. Delete it: retype the text around that place,"
              + " or paste it through a plain-text editor.";
      problems.add(
          mark
              ? Problem.warning(tree.at(path), path, message)
              : Problem.error(tree.at(path), path, message));
      return;
    }
  }

  private static String controlName(char c) {
    return switch (c) {
      case '\u202A' -> "left-to-right embedding";
      case '\u202B' -> "right-to-left embedding";
      case '\u202C' -> "pop directional formatting";
      case '\u202D' -> "left-to-right override";
      case '\u202E' -> "right-to-left override";
      case '\u2066' -> "left-to-right isolate";
      case '\u2067' -> "right-to-left isolate";
      case '\u2068' -> "first strong isolate";
      case '\u2069' -> "pop directional isolate";
      case '\u200E' -> "left-to-right mark";
      case '\u200F' -> "right-to-left mark";
      case '\u061C' -> "Arabic letter mark";
      default -> null;
    };
  }

  /** A letter, not a mark: U+200F is itself strongly right-to-left. */
  private static boolean isRightToLeftLetter(int cp) {
    if (!Character.isLetter(cp)) {
      return false;
    }
    byte d = Character.getDirectionality(cp);
    return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
  }
}
