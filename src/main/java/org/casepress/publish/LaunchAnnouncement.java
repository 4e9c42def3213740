package org.casepress.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casepress.model.Citation;
import org.casepress.model.Launch;
import org.casepress.model.Metadata;
import org.casepress.model.Person;
import org.casepress.source.LocalWriteException;
import org.casepress.workflow.AtomicFile;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a coordinator reads out and posts after a launch: announcement.md and .html with titles,
 * authors, organisations and DOIs, citations.bib, and a CITATION.cff per case study, all written to
 * build/launch/NAME/.
 */
final class LaunchAnnouncement {
  private static final ObjectMapper CFF =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build());

  private final Metadata metadata;
  private final String title;
  private final Optional<Launch> launch;
  private final TargetKind target;
  private final List<Released> items;

  LaunchAnnouncement(Metadata metadata, String title, TargetKind target, List<Released> items) {
    this(metadata, title, Optional.empty(), target, items);
  }

  /**
   * With the launch event (metadata/launches.yaml): its name and date head the page.
   *
   * @param target where the records are: their requests' links go to its website
   */
  LaunchAnnouncement(
      Metadata metadata,
      String title,
      Optional<Launch> launch,
      TargetKind target,
      List<Released> items) {
    this.metadata = metadata;
    this.title = title;
    this.launch = launch;
    this.target = target;
    this.items = List.copyOf(items);
  }

  /** Writes every file into {@code folder} (created if needed), each atomically. */
  void writeTo(Path folder) throws IOException {
    createDirectories(folder);
    write(folder.resolve("announcement.md"), markdown());
    write(folder.resolve("announcement.html"), html());
    write(folder.resolve("citations.bib"), bibtex());
    for (Released r : items) {
      Path dir = folder.resolve(r.caseStudy().slug());
      createDirectories(dir);
      write(dir.resolve("CITATION.cff"), cff(r));
    }
  }

  public String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("# ").append(title).append("\n\n");
    event().ifPresent(e -> s.append("**").append(e).append("**\n\n"));
    s.append(intro()).append("\n");
    localNote().ifPresent(n -> s.append('\n').append(n).append('\n'));
    for (Released r : items) {
      s.append("\n## ").append(r.caseStudy().title()).append("\n\n");
      s.append("[![DOI](https://zenodo.org/badge/DOI/")
          .append(r.doi())
          .append(".svg)](")
          .append(Citation.doiUrl(r.doi()))
          .append(")\n\n");
      s.append("- Authors: ").append(authorNames(r)).append('\n');
      organisations(r).forEach(o -> s.append("- Organisation: ").append(o).append('\n'));
      s.append("- DOI: [")
          .append(r.doi())
          .append("](")
          .append(Citation.doiUrl(r.doi()))
          .append(")");
      if (r.version() > 1) {
        s.append(" (version ").append(r.version()).append(")");
      }
      s.append('\n');
      s.append("- Record: <").append(r.recordUrl()).append(">\n");
      s.append("- Community: ").append(r.community().words());
      r.community()
          .request()
          .ifPresent(
              id ->
                  s.append(", request [")
                      .append(id)
                      .append("](")
                      .append(Website.of(target).request(id))
                      .append(")"));
      s.append("\n\n");
      if (!abstractOf(r).isEmpty()) {
        s.append(abstractOf(r)).append("\n\n");
      }
      s.append("> ").append(r.citation(metadata.community()).text()).append('\n');
    }
    return s.toString();
  }

  /**
   * The page to project at the event and publish afterwards: landmarks, one heading per case study,
   * DOI badges with a text alternative, colours with enough contrast, and nothing fetched from
   * elsewhere.
   */
  public String html() {
    Document doc = Document.createShell("");
    doc.outputSettings().prettyPrint(true).indentAmount(2);
    doc.selectFirst("html").attr("lang", "en");
    doc.head().appendElement("meta").attr("charset", "utf-8");
    doc.head()
        .appendElement("meta")
        .attr("name", "viewport")
        .attr("content", "width=device-width, initial-scale=1");
    doc.head().appendElement("title").text(title);
    doc.head()
        .appendElement("style")
        .appendText(
            "body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;line-height:1.5;"
                + "padding:0 1rem;color:#1b1b1b;background:#fff;font-size:1.125rem}"
                + "header p.event{font-size:1.25rem;font-weight:600;margin:.25rem 0}"
                + "article{border-top:1px solid #c9ccd1;padding-top:1rem;margin-top:1.5rem}"
                + ".badge{vertical-align:middle}a{color:#0b57a4}"
                + "blockquote{margin:1rem 0 0;padding-left:1rem;border-left:3px solid #0b57a4;color:#333}");
    Element body = doc.body();
    Element header = body.appendElement("header");
    header.appendElement("h1").text(title);
    event().ifPresent(e -> header.appendElement("p").addClass("event").text(e));
    Element main = body.appendElement("main");
    main.appendElement("p").text(intro());
    localNote().ifPresent(n -> main.appendElement("p").addClass("note").text(n));
    for (Released r : items) {
      Element article = main.appendElement("article");
      article.appendElement("h2").text(r.caseStudy().title());
      Element badge =
          article.appendElement("p").appendElement("a").attr("href", Citation.doiUrl(r.doi()));
      // The badge's own text alternative ("DOI 10.5072/...") names the link.
      badge.append(DoiBadge.svg(r.doi()));
      Element list = article.appendElement("ul");
      list.appendElement("li").text("Authors: " + authorNames(r));
      organisations(r).forEach(o -> list.appendElement("li").text("Organisation: " + o));
      Element doi = list.appendElement("li").text("DOI: ");
      doi.appendElement("a").attr("href", Citation.doiUrl(r.doi())).text(r.doi());
      if (r.version() > 1) {
        doi.appendText(" (version " + r.version() + ")");
      }
      list.appendElement("li")
          .text("Record: ")
          .appendElement("a")
          .attr("href", r.recordUrl())
          .text(r.recordUrl());
      Element community = list.appendElement("li").text("Community: " + r.community().words());
      r.community()
          .request()
          .ifPresent(
              id ->
                  community
                      .appendText(", request ")
                      .appendElement("a")
                      .attr("href", Website.of(target).request(id))
                      .text(id));
      if (!abstractOf(r).isEmpty()) {
        article.appendElement("p").addClass("abstract").text(abstractOf(r));
      }
      article
          .appendElement("blockquote")
          .attr("aria-label", "How to cite it")
          .text(r.citation(metadata.community()).text());
    }
    return "<!DOCTYPE html>\n" + doc.html() + "\n";
  }

  /** "Launch event: Practitioners Hub case studies, winter 2026, 10 December 2026". */
  private Optional<String> event() {
    return launch.map(
        l ->
            "Launch event: "
                + l.title()
                + ", "
                + l.date()
                    .format(
                        java.time.format.DateTimeFormatter.ofPattern(
                            "d MMMM uuuu", Locale.ENGLISH)));
  }

  /**
   * On the local target, how its links open: they lead to the team's board, not to zenodo.org, and
   * the test DOIs do not resolve.
   */
  private Optional<String> localNote() {
    return target == TargetKind.LOCAL
        ? Optional.of(
            "A rehearsal on the local target: the record and request links open on the team's"
                + " board while it runs (./casepress serve, "
                + LocalRecords.BOARD_URL
                + "/), and the test DOIs are not registered.")
        : Optional.empty();
  }

  /** The case study's description, on one line. */
  private static String abstractOf(Released r) {
    String d = r.caseStudy().description();
    return d == null ? "" : d.strip().replaceAll("\\s+", " ");
  }

  /** BibTeX entries, one per case study, keyed by first author, year and slug. */
  public String bibtex() {
    StringBuilder s = new StringBuilder();
    for (Released r : items) {
      if (s.length() > 0) {
        s.append('\n');
      }
      Person first = r.caseStudy().authors().get(0);
      String key = (asciiKey(first.family()) + r.date().getYear() + "-" + r.caseStudy().slug());
      s.append("@techreport{").append(key).append(",\n");
      field(
          s,
          "author",
          String.join(
              " and ", r.caseStudy().authors().stream().map(LaunchAnnouncement::bibName).toList()));
      field(s, "title", "{" + bibEscape(r.caseStudy().title()) + "}");
      field(s, "institution", bibEscape(publisher()));
      field(s, "type", "Case study");
      if (!metadata.community().series().isBlank()) {
        field(s, "series", bibEscape(metadata.community().series()));
      }
      field(s, "year", String.valueOf(r.date().getYear()));
      field(
          s,
          "month",
          r.date()
              .getMonth()
              .getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
              .toLowerCase(Locale.ROOT));
      field(s, "version", String.valueOf(r.version()));
      if (!keywords(r).isEmpty()) {
        field(s, "keywords", bibEscape(String.join(", ", keywords(r))));
      }
      field(s, "doi", r.doi());
      field(s, "url", Citation.doiUrl(r.doi()));
      s.setLength(s.length() - 2);
      s.append("\n}\n");
    }
    return s.toString();
  }

  /** Citation File Format 1.2.0, built as a tree and written by a YAML library: no hand quoting. */
  public String cff(Released r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("cff-version", "1.2.0");
    root.put("message", "If you use this case study, please cite it as below.");
    root.put("title", r.caseStudy().title());
    List<Map<String, Object>> authors = new ArrayList<>();
    for (Person p : r.caseStudy().authors()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("family-names", p.family());
      if (!p.given().isEmpty()) {
        a.put("given-names", p.given());
      }
      if (!p.affiliations().isEmpty()) {
        a.put("affiliation", Citation.affiliation(p));
      }
      if (p.orcid() != null) {
        a.put("orcid", p.orcidUrl());
      }
      authors.add(a);
    }
    root.put("authors", authors);
    root.put("abstract", r.caseStudy().description());
    root.put("doi", r.doi());
    root.put("url", Citation.doiUrl(r.doi()));
    root.put("version", String.valueOf(r.version()));
    root.put("date-released", r.date().toString());
    root.put("license", r.caseStudy().licence());
    List<String> keywords = keywords(r);
    if (!keywords.isEmpty()) {
      root.put("keywords", keywords);
    }
    if (r.conceptDoi() != null) {
      // Insertion order, not Map.of: its order changes from one run of the JVM to the next, and
      // the file must be byte-identical when the same release is written again.
      Map<String, Object> concept = new LinkedHashMap<>();
      concept.put("type", "doi");
      concept.put("value", r.conceptDoi());
      concept.put("description", "The concept DOI: every version of this case study.");
      root.put("identifiers", List.of(concept));
    }
    try {
      return CFF.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write CITATION.cff", e);
    }
  }

  /** The same keywords as the deposit and the PDF: the case study's, then the community's. */
  private List<String> keywords(Released r) {
    return Citation.keywords(r.caseStudy().keywords(), metadata.community().keywords());
  }

  private String intro() {
    return items.size()
        + " case "
        + (items.size() == 1 ? "study" : "studies")
        + " from "
        + (metadata.community().series().isBlank()
            ? "our community"
            : withArticle(metadata.community().series()))
        + (items.size() == 1 ? " is" : " are")
        + " now published on Zenodo, each with its own DOI.";
  }

  /** "the Practitioners Hub series", but "The Turing Way ... Series" as it is. */
  private static String withArticle(String name) {
    return name.startsWith("The ") || name.startsWith("the ") ? name : "the " + name;
  }

  private String publisher() {
    return metadata.community().publisher().isBlank() ? "Zenodo" : metadata.community().publisher();
  }

  private static String authorNames(Released r) {
    return String.join(", ", r.caseStudy().authors().stream().map(Person::fullName).toList());
  }

  private static List<String> organisations(Released r) {
    Set<String> names = new LinkedHashSet<>();
    if (r.caseStudy().organisation() != null) {
      names.add(r.caseStudy().organisation().name());
    }
    return List.copyOf(names);
  }

  private static void field(StringBuilder s, String name, String value) {
    s.append("  ").append(name).append(" = {").append(value).append("},\n");
  }

  private static String bibName(Person p) {
    return p.given().isEmpty()
        ? "{" + bibEscape(p.family()) + "}"
        : bibEscape(p.family()) + ", " + bibEscape(p.given());
  }

  /**
   * Escapes BibTeX's special characters; UTF-8 letters stay as they are (biber and bibtex8 read
   * them).
   */
  static String bibEscape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
        case '~' -> out.append("\\textasciitilde{}");
        case '^' -> out.append("\\textasciicircum{}");
        case '\\' -> out.append("\\textbackslash{}");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The first author's family name in ASCII for the BibTeX key: accents dropped, and the letters
   * that are not an accented Latin letter transliterated ("Þórsdóttir" becomes "thorsdottir").
   */
  static String asciiKey(String s) {
    StringBuilder spelled = new StringBuilder();
    s.codePoints()
        .forEach(
            cp ->
                spelled.append(
                    TRANSLITERATION.getOrDefault(cp, new String(Character.toChars(cp)))));
    String folded =
        java.text.Normalizer.normalize(spelled, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "");
    String key = folded.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    return key.isEmpty() ? "casestudy" : key;
  }

  /** Letters that Unicode does not decompose into a base letter and an accent. */
  private static final Map<Integer, String> TRANSLITERATION =
      Map.ofEntries(
          Map.entry((int) 'Þ', "Th"),
          Map.entry((int) 'þ', "th"),
          Map.entry((int) 'Ð', "D"),
          Map.entry((int) 'ð', "d"),
          Map.entry((int) 'Đ', "D"),
          Map.entry((int) 'đ', "d"),
          Map.entry((int) 'Æ', "Ae"),
          Map.entry((int) 'æ', "ae"),
          Map.entry((int) 'Œ', "Oe"),
          Map.entry((int) 'œ', "oe"),
          Map.entry((int) 'Ø', "O"),
          Map.entry((int) 'ø', "o"),
          Map.entry((int) 'Ł', "L"),
          Map.entry((int) 'ł', "l"),
          Map.entry((int) 'ß', "ss"),
          Map.entry((int) 'ı', "i"),
          Map.entry((int) 'Ħ', "H"),
          Map.entry((int) 'ħ', "h"));

  private static void createDirectories(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw LocalWriteException.of(folder.resolve("."), e);
    }
  }

  private static void write(Path file, String text) {
    AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
  }
}
