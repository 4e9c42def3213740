package org.casepress.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One hyphenation pattern file in the XML format of Apache FOP and com.itextpdf:hyph: {@code
 * <hyphen-min before after>}, {@code <classes>} (the letters, each token's first character standing
 * for all of them: "aA"), {@code <exceptions>} (words with hyphens where they break, {@code
 * <hyphen/>} for a discretionary) and {@code <patterns>} (Liang's, such as "hen5at"). The patterns
 * are held as a trie; everything is fixed once read.
 */
final class HyphenationPatterns {
  /** TeX's \lefthyphenmin and \righthyphenmin, for a file that gives none. */
  private static final int LEFT_MIN = 2;

  private static final int RIGHT_MIN = 3;

  private final int leftMin;
  private final int rightMin;

  /** Letter to its class (lower case); null: any letter, lowered. */
  private final Map<Character, Character> classes;

  private final Map<String, int[]> exceptions;
  private final Node root;

  private HyphenationPatterns(
      int leftMin,
      int rightMin,
      Map<Character, Character> classes,
      Map<String, int[]> exceptions,
      Node root) {
    this.leftMin = leftMin;
    this.rightMin = rightMin;
    this.classes = classes;
    this.exceptions = exceptions;
    this.root = root;
  }

  int leftMin() {
    return leftMin;
  }

  int rightMin() {
    return rightMin;
  }

  /** Reads a file from the class path; a missing or broken one is a fault of the build. */
  static HyphenationPatterns read(String resource) {
    try (InputStream in = HyphenationPatterns.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("hyphenation patterns missing from the jar: " + resource);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("hyphenation patterns unreadable: " + resource, e);
    }
  }

  static HyphenationPatterns parse(InputStream in) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    XMLStreamReader xml = factory.createXMLStreamReader(in);
    int leftMin = LEFT_MIN;
    int rightMin = RIGHT_MIN;
    String section = "";
    StringBuilder classes = null;
    StringBuilder exceptions = new StringBuilder();
    StringBuilder patterns = new StringBuilder();
    while (xml.hasNext()) {
      switch (xml.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          String name = xml.getLocalName();
          switch (name) {
            case "hyphen-min" -> {
              leftMin = number(xml.getAttributeValue(null, "before"), leftMin);
              rightMin = number(xml.getAttributeValue(null, "after"), rightMin);
            }
            case "classes" -> classes = new StringBuilder();
            case "hyphen" -> {
              if (section.equals("exceptions")) {
                exceptions.append(discretionary(xml));
              }
            }
            default -> {}
          }
          if (!name.equals("hyphen")) {
            section = name;
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          switch (section) {
            case "classes" -> classes.append(xml.getText());
            case "exceptions" -> exceptions.append(xml.getText());
            case "patterns" -> patterns.append(xml.getText());
            default -> {}
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (!xml.getLocalName().equals("hyphen")) {
            section = "";
          }
        }
        default -> {}
      }
    }
    Map<Character, Character> classMap = classes == null ? null : classes(classes);
    HyphenationPatterns partial =
        new HyphenationPatterns(leftMin, rightMin, classMap, Map.of(), null);
    Map<String, int[]> exceptionMap = new HashMap<>();
    for (String token : tokens(exceptions)) {
      partial.exception(token, exceptionMap);
    }
    Builder trie = new Builder();
    for (String token : tokens(patterns)) {
      partial.pattern(token, trie);
    }
    return new HyphenationPatterns(
        leftMin, rightMin, classMap, Map.copyOf(exceptionMap), trie.freeze());
  }

  /**
   * A plain break inside an exception, or the unbroken spelling where breaking changes the word
   * (German "ba{k-}{}{c}ken", backen): a soft hyphen cannot add letters, so there it does not
   * break.
   */
  private static String discretionary(XMLStreamReader xml) {
    String pre = xml.getAttributeValue(null, "pre");
    String no = xml.getAttributeValue(null, "no");
    String post = xml.getAttributeValue(null, "post");
    boolean plain =
        (pre == null || pre.equals("-"))
            && (no == null || no.isEmpty())
            && (post == null || post.isEmpty());
    return plain ? "-" : no == null ? "" : no;
  }

  private static int number(String value, int otherwise) {
    try {
      return value == null ? otherwise : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static String[] tokens(CharSequence text) {
    String s = text.toString().strip();
    return s.isEmpty() ? new String[0] : s.split("\\s+");
  }

  private static Map<Character, Character> classes(CharSequence text) {
    Map<Character, Character> map = new HashMap<>();
    for (String token : tokens(text)) {
      for (int i = 0; i < token.length(); i++) {
        map.put(token.charAt(i), token.charAt(0));
      }
    }
    return Map.copyOf(map);
  }

  /**
   * The word's letters as the patterns spell them (lower case, by the file's classes), or null when
   * it holds a character that is not a letter of the file.
   */
  char[] normalise(CharSequence word) {
    char[] out = new char[word.length()];
    for (int i = 0; i < out.length; i++) {
      char c = word.charAt(i);
      if (classes != null) {
        Character k = classes.get(c);
        if (k == null) {
          return null;
        }
        out[i] = k;
      } else if (Character.isLetter(c)) {
        out[i] = Character.toLowerCase(c);
      } else {
        return null;
      }
    }
    return out;
  }

  /** The break points of an exception word, or null when the word is not one. */
  int[] exception(String normalised) {
    int[] points = exceptions.get(normalised);
    return points == null ? null : points.clone();
  }

  private void exception(String token, Map<String, int[]> into) {
    StringBuilder letters = new StringBuilder();
    int[] points = new int[token.length()];
    int count = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '-') {
        if (letters.length() > 0) {
          points[count++] = letters.length();
        }
      } else {
        letters.append(c);
      }
    }
    char[] word = normalise(letters);
    if (word != null) {
      into.put(new String(word), Arrays.copyOf(points, count));
    }
  }

  private void pattern(String token, Builder trie) {
    StringBuilder letters = new StringBuilder();
    byte[] values = new byte[token.length() + 1];
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c >= '0' && c <= '9') {
        values[letters.length()] = (byte) (c - '0');
      } else if (c == '.') {
        letters.append(c);
      } else {
        char[] k = normalise(String.valueOf(c));
        letters.append(k == null ? c : k[0]);
      }
    }
    trie.add(letters, Arrays.copyOf(values, letters.length() + 1));
  }

  /**
   * Raises {@code values} by every pattern that starts at {@code dotted[start]}: {@code values[i]}
   * lies between {@code dotted[i - 1]} and {@code dotted[i]}.
   */
  void matchFrom(char[] dotted, int start, byte[] values) {
    Node node = root;
    for (int i = start; i < dotted.length && node != null; i++) {
      node = node.next(dotted[i]);
      if (node != null && node.at != null) {
        for (int k = 0; k < node.at.length; k++) {
          int at = start + node.at[k];
          if (node.value[k] > values[at]) {
            values[at] = node.value[k];
          }
        }
      }
    }
  }

  /**
   * A trie node: children by letter (sorted), and the values of a pattern that ends here. Only the
   * values above 0 are kept, each with its place: most of a pattern's places have none ("hen5at"
   * has one of seven), and a 0 never raises what the word's other patterns set.
   */
  private static final class Node {
    private final char[] letters;
    private final Node[] children;

    /** Where in the pattern each value is (null: no pattern ends here), and the values. */
    private final int[] at;

    private final byte[] value;

    private Node(char[] letters, Node[] children, byte[] values) {
      this.letters = letters;
      this.children = children;
      if (values == null) {
        this.at = null;
        this.value = null;
        return;
      }
      int count = 0;
      for (byte v : values) {
        count += v > 0 ? 1 : 0;
      }
      this.at = new int[count];
      this.value = new byte[count];
      for (int k = 0, n = 0; k < values.length; k++) {
        if (values[k] > 0) {
          at[n] = k;
          value[n++] = values[k];
        }
      }
    }

    Node next(char c) {
      int at = Arrays.binarySearch(letters, c);
      return at < 0 ? null : children[at];
    }
  }

  /** The trie while the file is read. */
  private static final class Builder {
    private final TreeMap<Character, Builder> children = new TreeMap<>();
    private byte[] values;

    void add(CharSequence letters, byte[] patternValues) {
      Builder node = this;
      for (int i = 0; i < letters.length(); i++) {
        node = node.children.computeIfAbsent(letters.charAt(i), c -> new Builder());
      }
      node.values = patternValues;
    }

    Node freeze() {
      char[] letters = new char[children.size()];
      Node[] nodes = new Node[children.size()];
      int i = 0;
      for (Map.Entry<Character, Builder> e : children.entrySet()) {
        letters[i] = e.getKey();
        nodes[i++] = e.getValue().freeze();
      }
      return new Node(letters, nodes, values);
    }
  }
}
