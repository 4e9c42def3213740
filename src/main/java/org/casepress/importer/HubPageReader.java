package org.casepress.importer;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.util.ast.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casepress.model.RelatedIdentifier;
import org.casepress.source.Markdown;

/**
 * A Markdown page in the style of the 2023 Practitioners Hub case studies: a leading "# Title", the
 * story in "##" sections, an "Authors and contributors" list ("* Name: ORCID", optionally with
 * affiliations), and a "Cite this publication" block holding the 2023 DOI. The author list and the
 * citation become front matter; the DOI becomes the new version's link to the 2023 one.
 */
final class HubPageReader {
  private static final Pattern AUTHORS_HEADING =
      Pattern.compile(
          "(?i)^(#{2,6})\\s+(authors?|authors? and contributors|contributors)\\s*:?\\s*$");
  private static final Pattern CITE_LINE =
      Pattern.compile(
          "(?i)^(#{2,6}\\s+)?[*_]{0,2}\\s*(cite this (publication|case study)|how to cite( this)?"
              + "( publication| case study)?)\\s*:?\\s*[*_]{0,2}\\s*:?\\s*$");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s");
  private static final Pattern ITEM = Pattern.compile("^\\s*[*+-]\\s+(.*)$");
  private static final Pattern ORCID =
      Pattern.compile("(?:https?://orcid\\.org/)?(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dXx])");
  private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[^\\s\\])>\"]+");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern CITED_NAME =
      Pattern.compile(
          "(\\p{L}[\\p{L}'’\\-]*(?:\\s+\\p{L}[\\p{L}'’\\-]*)*),\\s*((?:\\p{Lu}\\.\\s*-?\\s*)+)");
  private static final Pattern LICENCE =
      Pattern.compile("(?i)CC[- ]BY(?:[- ](SA|NC|ND|NC[- ]SA|NC[- ]ND))?[- ]4\\.0");

  private final String source;
  private final List<Note> notes = new ArrayList<>();

  private HubPageReader(String source) {
    this.source = source;
  }

  static Draft read(String source, Path file, String text) {
    return new HubPageReader(source).read(file, text);
  }

  private Draft read(Path file, String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    List<RawAuthor> raw = new ArrayList<>();
    String cite = "";
    boolean fenced = false;
    NavigableSet<Integer> drop = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```") || line.strip().startsWith(":::")) {
        fenced = !fenced;
      }
      if (fenced) {
        continue;
      }
      Matcher heading = AUTHORS_HEADING.matcher(line.strip());
      if (heading.matches() && raw.isEmpty()) {
        int level = heading.group(1).length();
        int end = sectionEnd(lines, i, level);
        for (int j = i + 1; j < end; j++) {
          Matcher item = ITEM.matcher(lines.get(j));
          if (item.matches()) {
            raw.add(new RawAuthor(item.group(1).strip(), j + 1));
          } else if (!lines.get(j).isBlank()) {
            notes.add(
                Note.notImported(
                    source + ":" + (j + 1),
                    "the line \""
                        + lines.get(j).strip()
                        + "\" of the author list is not an author; add it to the body if it matters."));
          }
          drop.add(j);
        }
        drop.add(i);
        notes.add(
            Note.changed(
                source + ":" + (i + 1),
                "the \"" + line.strip() + "\" list became the authors in the front matter."));
        i = end - 1;
        continue;
      }
      if (CITE_LINE.matcher(line.strip()).matches()) {
        int end = sectionEnd(lines, i, 2);
        StringBuilder s = new StringBuilder();
        for (int j = i; j < end; j++) {
          if (j > i) {
            s.append(lines.get(j)).append(' ');
          }
          drop.add(j);
        }
        cite = s.toString().replaceAll("\\s+", " ").strip();
        notes.add(
            Note.changed(
                source + ":" + (i + 1),
                "the \""
                    + line.replaceAll("[#*_:]", "").strip()
                    + "\" block was left out, since casepress writes the citation of the new"
                    + " version itself: \""
                    + cite
                    + "\""));
        i = end - 1;
      }
    }
    for (int k : drop.descendingSet()) {
      lines.remove(k);
    }
    List<RelatedIdentifier> related = new ArrayList<>();
    Matcher doi = DOI.matcher(cite);
    if (doi.find()) {
      String found = doi.group().replaceAll("[.,;:]+$", "");
      related.add(new RelatedIdentifier("https://doi.org/" + found, "isNewVersionOf"));
      notes.add(
          Note.changed(
              "related",
              "the DOI " + found + " of the earlier version became related: isNewVersionOf."));
    }
    String licence = null;
    Matcher l = LICENCE.matcher(cite);
    if (l.find()) {
      licence = l.group().toUpperCase(Locale.ROOT).replace(' ', '-');
    }
    List<String> cited = citedFamilies(cite);
    List<Draft.Author> authors = new ArrayList<>();
    for (RawAuthor r : raw) {
      authors.add(author(r, cited));
    }
    Map<String, byte[]> images = new LinkedHashMap<>();
    String body = images(file.getParent(), String.join("\n", lines), images);
    return new Draft(null, null, authors, related, licence, body, images, notes, text);
  }

  record RawAuthor(String text, int line) {}

  /** The line after the section that starts at {@code start}: the next heading of that level. */
  private static int sectionEnd(List<String> lines, int start, int level) {
    for (int j = start + 1; j < lines.size(); j++) {
      Matcher h = HEADING.matcher(lines.get(j));
      if (h.find() && h.group(1).length() <= level) {
        return j;
      }
    }
    return lines.size();
  }

  /** The family names of "Gillespie, S., Araujo Alvarez, A. (2023)", in order. */
  private static List<String> citedFamilies(String cite) {
    int year = cite.indexOf('(');
    String names = year < 0 ? cite : cite.substring(0, year);
    List<String> families = new ArrayList<>();
    Matcher m = CITED_NAME.matcher(names);
    while (m.find()) {
      families.add(m.group(1).strip());
    }
    return families;
  }

  private Draft.Author author(RawAuthor raw, List<String> cited) {
    String text = LINK.matcher(raw.text()).replaceAll("$1");
    String orcid = null;
    Matcher o = ORCID.matcher(text);
    if (o.find()) {
      orcid = o.group(1).toUpperCase(Locale.ROOT);
      text = (text.substring(0, o.start()) + text.substring(o.end())).strip();
    }
    List<String> affiliations = new ArrayList<>();
    String name = text;
    int colon = text.indexOf(':');
    if (colon >= 0) {
      name = text.substring(0, colon).strip();
      String rest = text.substring(colon + 1).replaceAll("^[\\s,;]+|[\\s,;]+$", "");
      if (!rest.isEmpty()) {
        affiliations.addAll(split(rest));
      }
    }
    int paren = name.indexOf('(');
    if (paren > 0 && name.endsWith(")")) {
      affiliations.addAll(0, split(name.substring(paren + 1, name.length() - 1)));
      name = name.substring(0, paren).strip();
    } else if (name.contains(",")) {
      affiliations.addAll(0, split(name.substring(name.indexOf(',') + 1)));
      name = name.substring(0, name.indexOf(',')).strip();
    }
    name = name.replaceAll("^(Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\\.?\\s+", "").strip();
    String given = "";
    String family = name;
    String matched = null;
    for (String f : cited) {
      if (name.equals(f) || name.endsWith(" " + f)) {
        if (matched == null || f.length() > matched.length()) {
          matched = f;
        }
      }
    }
    if (matched != null) {
      family = matched;
      given = name.substring(0, name.length() - matched.length()).strip();
    } else if (name.contains(" ")) {
      family = name.substring(name.lastIndexOf(' ') + 1);
      given = name.substring(0, name.lastIndexOf(' '));
    }
    return new Draft.Author(given, family, orcid, affiliations, source + ":" + raw.line());
  }

  private static List<String> split(String list) {
    List<String> parts = new ArrayList<>();
    for (String p : list.split("[;]|,\\s+(?=\\p{Lu})")) {
      if (!p.isBlank()) {
        parts.add(p.strip());
      }
    }
    return parts;
  }

  /**
   * Copies the images the page shows into the new folder: a path inside the page's folder stays as
   * it is, one outside it (../figures/x.png) moves into figures/ and the body follows.
   */
  private String images(Path folder, String body, Map<String, byte[]> images) {
    StringBuilder s = new StringBuilder(body);
    List<Image> found = new ArrayList<>();
    for (Node n : Markdown.parse(body).getDescendants()) {
      if (n instanceof Image image) {
        found.add(image);
      }
    }
    for (int k = found.size() - 1; k >= 0; k--) {
      Image image = found.get(k);
      String url = image.getUrl().toString();
      if (url.isEmpty() || url.contains(":") || url.startsWith("/")) {
        continue; // check says what to do with web, absolute and other addresses
      }
      Path file;
      try {
        file = folder.resolve(url).normalize();
      } catch (InvalidPathException e) {
        continue;
      }
      if (!Files.isRegularFile(file)) {
        notes.add(
            Note.notImported(
                source + ":" + (image.getLineNumber() + 1),
                "the image '"
                    + url
                    + "' is not next to the page (looked for "
                    + file
                    + "); add it to the case study's folder."));
        continue;
      }
      String path =
          file.startsWith(folder)
              ? folder.relativize(file).toString().replace('\\', '/')
              : "figures/" + file.getFileName();
      try {
        images.put(path, Files.readAllBytes(file));
      } catch (IOException e) {
        notes.add(
            Note.notImported(source, "the image " + file + " cannot be read: " + e.getMessage()));
        continue;
      }
      if (!path.equals(url)) {
        s.replace(image.getUrl().getStartOffset(), image.getUrl().getEndOffset(), path);
      }
    }
    return s.toString();
  }
}
