package org.casepress.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.casepress.model.CaseStudy;
import org.casepress.model.Funding;
import org.casepress.model.Location;
import org.casepress.model.Metadata;
import org.casepress.model.Organisation;
import org.casepress.model.Person;
import org.casepress.model.Problem;
import org.casepress.model.RelatedIdentifier;

/** Loads and checks one case study folder. */
final class CaseStudyLoader {
  static final String FILE_NAME = Workspace.CASE_STUDY_FILE;
  static final int TITLE_MAX = 250;

  /** The abstract's length in words, as README.md asks authors for it. */
  static final int DESCRIPTION_MIN_WORDS = 50;

  static final int DESCRIPTION_MAX_WORDS = 300;
  static final int KEYWORD_MAX = 100;

  /** DataCite relation types that Zenodo's deposit API accepts (docs/zenodo.md#validation). */
  static final Set<String> RELATIONS =
      Set.of(
          "isCitedBy",
          "cites",
          "isSupplementTo",
          "isSupplementedBy",
          "isContinuedBy",
          "continues",
          "isDescribedBy",
          "describes",
          "hasMetadata",
          "isMetadataFor",
          "isNewVersionOf",
          "isPreviousVersionOf",
          "isPartOf",
          "hasPart",
          "isReferencedBy",
          "references",
          "isDocumentedBy",
          "documents",
          "isCompiledBy",
          "compiles",
          "isVariantFormOf",
          "isOriginalFormOf",
          "isIdenticalTo",
          "isAlternateIdentifier",
          "isReviewedBy",
          "reviews",
          "isDerivedFrom",
          "isSourceOf",
          "requires",
          "isRequiredBy",
          "isObsoletedBy",
          "obsoletes",
          "hasVersion",
          "isVersionOf",
          "isPublishedIn");

  /** Names authors give the file by mistake; found, they get "rename it" rather than "missing". */
  private static final List<String> LIKELY_MISNAMES =
      List.of(
          "case_study.md",
          "casestudy.md",
          "case-study.markdown",
          "case-study.txt",
          "readme.md",
          "index.md");

  private final Workspace workspace;
  private final Metadata metadata;
  private final Unloaded unloaded;
  private final List<Problem> problems;
  private final boolean checkBodies;
  private final Glyphs glyphs = Glyphs.bundled();

  /**
   * @param checkBodies whether to check each body (its Markdown, images, references and
   *     characters), or only to read it, for a caller that shows what case studies are and not what
   *     is wrong with them
   */
  CaseStudyLoader(
      Workspace workspace,
      Metadata metadata,
      Unloaded unloaded,
      List<Problem> problems,
      boolean checkBodies) {
    this.workspace = workspace;
    this.metadata = metadata;
    this.unloaded = unloaded;
    this.problems = problems;
    this.checkBodies = checkBodies;
  }

  /**
   * A loaded case study, and the tree of its body that check walked: empty when the body was not
   * checked.
   */
  record Result(CaseStudy caseStudy, Optional<ParsedBody> body) {}

  Optional<Result> load(String slug) {
    Path folder = workspace.caseStudyDir(slug);
    String folderName = "case-studies/" + slug;
    if (!Identifiers.isSlug(slug)) {
      problems.add(
          Problem.error(
              Location.of(folderName),
              "",
              "The folder name '"
                  + slug
                  + "' is not a valid slug: use 3 to 64 lowercase letters,"
                  + " digits and hyphens, e.g. 'flood-model-openness'. Rename the folder."));
      return Optional.empty();
    }
    Path file = folder.resolve(FILE_NAME);
    String source = folderName + "/" + FILE_NAME;
    if (!Files.isRegularFile(file)) {
      problems.add(Problem.error(Location.of(folderName), "", missingFileMessage(folder)));
      return Optional.empty();
    }
    byte[] bytes;
    try {
      if (!Limits.fileSize(Files.size(file), source, problems)
          || !Limits.folderSize(folder, folderName, problems)) {
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<SourceText.Split> split =
        SourceText.decode(bytes, source, problems)
            .filter(t -> Limits.text(t, source, problems))
            .flatMap(t -> SourceText.splitFrontMatter(t, source, problems))
            .filter(s -> Limits.frontMatter(s.frontMatter(), source, problems));
    if (split.isEmpty()) {
      return Optional.empty();
    }
    SourceText.Split parts = split.get();
    String yaml =
        SmartQuotes.normalise(parts.frontMatter(), source, parts.frontMatterLine(), problems);
    YamlTree tree = YamlTree.parse(yaml, source, parts.frontMatterLine(), problems);
    if (tree == null || !Limits.counts(tree, problems)) {
      return Optional.empty();
    }
    Bidi.check(tree, problems);
    String body = titleHeading(tree, source, parts);
    FrontMatter fm =
        new Shape(tree, problems, FrontMatter.OWNED_KEYS).bind(FrontMatter.class, "front matter");
    ParsedBody parsed = null;
    if (checkBodies) {
      Bibliography bibliography = Bibliography.read(folder, folderName, problems);
      parsed = ParsedBody.parse(body);
      new BodyCheck(
              workspace,
              folder,
              source,
              parts.bodyLine(),
              problems,
              bibliography,
              glyphs,
              Template.PARAGRAPHS)
          .check(parsed);
    }
    if (fm == null) {
      return Optional.empty();
    }
    SourceText.Split checked =
        new SourceText.Split(parts.frontMatter(), parts.frontMatterLine(), body, parts.bodyLine());
    return Optional.of(
        new Result(resolve(slug, folder, source, fm, tree, checked), Optional.ofNullable(parsed)));
  }

  /**
   * A leading '# Title' line: dropped when it repeats the front matter's title, taken as the title
   * when there is none, an error when the two differ. Returns the body without it.
   */
  private String titleHeading(YamlTree tree, String source, SourceText.Split parts) {
    Optional<TitleHeading> heading = TitleHeading.of(parts.body());
    if (heading.isEmpty()) {
      return parts.body();
    }
    TitleHeading h = heading.get();
    Location at = new Location(source, parts.bodyLine() + h.line(), 1);
    JsonNode title = tree.root().path("title");
    if (title.isMissingNode() || title.isNull()) {
      if (tree.root() instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
        object.put("title", h.text());
      }
    } else if (title.isTextual() && h.repeats(title.asText())) {
      problems.add(
          Problem.warning(
              at,
              "",
              "The heading '# "
                  + h.text()
                  + "' repeats the title, which the PDF prints on its title page; this line is"
                  + " left out. Remove it to silence this note."));
    } else {
      problems.add(
          Problem.error(
              at,
              "title",
              "The body starts with the heading '# "
                  + h.text()
                  + "', but the front matter's title is '"
                  + title.asText()
                  + "'. Keep one: remove this line, or make the title say the same."));
    }
    return h.removeFrom(parts.body());
  }

  private CaseStudy resolve(
      String slug,
      Path folder,
      String source,
      FrontMatter fm,
      YamlTree tree,
      SourceText.Split split) {
    String title = fm.title() == null ? "" : checkTitle(tree, "title", fm.title());
    String subtitle = fm.subtitle() == null ? null : checkTitle(tree, "subtitle", fm.subtitle());
    String description = fm.description() == null ? "" : checkDescription(tree, fm.description());
    List<Person> authors = resolveAuthors(tree, MetadataLoader.orEmpty(fm.authors()));
    Organisation organisation = null;
    if (fm.organisation() != null) {
      organisation = metadata.organisations().get(fm.organisation());
      if (organisation == null) {
        MetadataLoader.unknownId(
            problems,
            unloaded,
            tree,
            "organisation",
            Unloaded.ORGANISATION,
            fm.organisation(),
            metadata.organisations().keySet(),
            MetadataLoader.ORGANISATIONS_FILE);
      }
    }
    List<String> keywords = checkKeywords(tree, MetadataLoader.orEmpty(fm.keywords()));
    String licence = metadata.community().licence();
    if (fm.licence() != null) {
      new LicenceCheck(tree, problems).check("licence", fm.licence());
      licence = fm.licence().strip();
    }
    String language = "en";
    if (fm.language() != null) {
      String code = fm.language().strip();
      if (Languages.isIso6391(code)) {
        language = code;
      } else {
        problems.add(
            Problem.error(
                tree.at("language"),
                "language",
                "'"
                    + fm.language()
                    + "' is not an ISO 639-1 language code"
                    + Languages.likelyCode(code)
                        .map(c -> "; write '" + c + "' instead.")
                        .orElse("; use two lowercase letters, e.g. en, cy, fr or es.")));
      }
    }
    List<RelatedIdentifier> related = new ArrayList<>();
    List<FrontMatter.Related> relatedLines = MetadataLoader.orEmpty(fm.related());
    for (int i = 0; i < relatedLines.size(); i++) {
      FrontMatter.Related r = relatedLines.get(i);
      if (r.identifier() == null || r.relation() == null) {
        continue;
      }
      String path = "related[" + i + "].relation";
      if (!RELATIONS.contains(r.relation())) {
        String nearest = Suggest.nearest(r.relation(), RELATIONS);
        problems.add(
            Problem.error(
                tree.at(path),
                path,
                "'"
                    + r.relation()
                    + "' is not a relation Zenodo knows"
                    + (nearest != null ? "; did you mean '" + nearest + "'?" : ".")
                    + " Common ones: isSupplementedBy (code or data behind the study), references, isDocumentedBy."));
        continue;
      }
      String idPath = "related[" + i + "].identifier";
      Optional<String> refused = Identifiers.relatedIdentifierRefusal(r.identifier());
      if (refused.isPresent()) {
        problems.add(Problem.error(tree.at(idPath), idPath, refused.get()));
        continue;
      }
      related.add(new RelatedIdentifier(r.identifier().strip(), r.relation()));
    }
    List<Funding> funding = new ArrayList<>();
    List<FrontMatter.FundingLine> fundingLines = MetadataLoader.orEmpty(fm.funding());
    for (int i = 0; i < fundingLines.size(); i++) {
      FrontMatter.FundingLine f = fundingLines.get(i);
      if (f.funder() != null) {
        String fundPath = "funding[" + i + "]";
        problems.add(
            Problem.warning(
                tree.at(fundPath), fundPath, Identifiers.fundingRoute(f.funder(), f.award())));
        funding.add(new Funding(f.funder().strip(), f.award() == null ? null : f.award().strip()));
      }
    }
    return new CaseStudy(
        slug,
        folder,
        source,
        title,
        subtitle,
        authors,
        organisation,
        description,
        keywords,
        licence,
        language,
        related,
        funding,
        split.body(),
        split.bodyLine());
  }

  private String checkTitle(YamlTree tree, String path, String value) {
    String t = value.strip();
    if (t.contains("\n")) {
      problems.add(
          Problem.error(
              tree.at(path),
              path,
              "The " + path + " must fit on one line; remove the line break."));
      t = t.replaceAll("\\s*\n\\s*", " ");
    }
    checkCharacters(tree, path, t);
    if (t.length() < 3) {
      problems.add(
          Problem.error(
              tree.at(path), path, "The " + path + " is too short; write at least 3 characters."));
    } else if (t.length() > TITLE_MAX) {
      problems.add(
          Problem.error(
              tree.at(path),
              path,
              "The "
                  + path
                  + " has "
                  + t.length()
                  + " characters; shorten it to at most "
                  + TITLE_MAX
                  + " (move detail into the subtitle or description)."));
    }
    return t;
  }

  private String checkDescription(YamlTree tree, String value) {
    String d = value.strip();
    int words = d.isEmpty() ? 0 : d.split("\\s+").length;
    if (words < DESCRIPTION_MIN_WORDS) {
      problems.add(
          Problem.error(
              tree.at("description"),
              "description",
              "The description (the abstract) has "
                  + words
                  + (words == 1 ? " word" : " words")
                  + "; write "
                  + DESCRIPTION_MIN_WORDS
                  + " to "
                  + DESCRIPTION_MAX_WORDS
                  + " words that say what the case study is about, for readers deciding whether"
                  + " to read it."));
    } else if (words > DESCRIPTION_MAX_WORDS) {
      problems.add(
          Problem.error(
              tree.at("description"),
              "description",
              "The description (the abstract) has "
                  + words
                  + " words; shorten it to at most "
                  + DESCRIPTION_MAX_WORDS
                  + " and move the detail into the body."));
    }
    checkCharacters(tree, "description", d);
    for (com.vladsch.flexmark.util.ast.Node node : Markdown.nodes(Markdown.parse(d))) {
      if (node instanceof Directive || node instanceof Role || node instanceof MathSpan) {
        problems.add(
            Problem.error(
                tree.at("description"),
                "description",
                "The description goes to Zenodo as plain text with simple Markdown, where '"
                    + node.getChars().toString().lines().findFirst().orElse("")
                    + "' cannot be shown. Write it out in words."));
        break;
      }
    }
    return d;
  }

  /** Characters no bundled font has, in a front matter value the PDF prints. */
  private void checkCharacters(YamlTree tree, String path, String value) {
    value
        .codePoints()
        .distinct()
        .filter(glyphs::missing)
        .forEach(
            cp ->
                problems.add(
                    Problem.error(
                        tree.at(path),
                        path,
                        "No font in the PDF can show "
                            + Glyphs.describe(cp)
                            + ". Replace it with words or a character the fonts have (emoji"
                            + " cannot be printed).")));
  }

  private List<String> checkKeywords(YamlTree tree, List<String> keywords) {
    List<String> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < keywords.size(); i++) {
      String path = "keywords[" + i + "]";
      String k = keywords.get(i).strip();
      if (k.isEmpty() || k.length() > KEYWORD_MAX) {
        problems.add(
            Problem.error(
                tree.at(path),
                path,
                "Keywords must have 1 to "
                    + KEYWORD_MAX
                    + " characters; this one has "
                    + k.length()
                    + "."));
        continue;
      }
      if (!seen.add(k.toLowerCase(Locale.ROOT))) {
        problems.add(
            Problem.warning(
                tree.at(path), path, "The keyword '" + k + "' is listed twice; remove one."));
        continue;
      }
      result.add(k);
    }
    return result;
  }

  private List<Person> resolveAuthors(YamlTree tree, List<JsonNode> nodes) {
    List<Person> authors = new ArrayList<>();
    // Only an empty list: a missing or blank key, or text instead of a list, is reported by Shape.
    if (nodes.isEmpty() && tree.root().path("authors").isArray()) {
      problems.add(
          Problem.error(
              tree.at("authors"),
              "authors",
              "The authors list is empty; list at least one author."));
    }
    Map<String, Integer> seen = new HashMap<>();
    People people = new People(tree, problems, unloaded);
    for (int i = 0; i < nodes.size(); i++) {
      String path = "authors[" + i + "]";
      JsonNode node = nodes.get(i);
      Person person;
      if (node.isTextual() || node.isNumber()) {
        String id = node.asText().strip();
        person = metadata.people().get(id);
        if (person == null) {
          MetadataLoader.unknownId(
              problems,
              unloaded,
              tree,
              path,
              Unloaded.PERSON,
              id,
              metadata.people().keySet(),
              MetadataLoader.PEOPLE_FILE);
          continue;
        }
      } else if (node.isObject()) {
        person = inlineAuthor(tree, path, node, people);
        if (person == null) {
          continue;
        }
      } else {
        problems.add(
            Problem.error(
                tree.at(path),
                path,
                "Each author is a person id from metadata/people.yaml, or a group with given, family,"
                    + " orcid and affiliations; this one is "
                    + Shape.kind(node)
                    + "."));
        continue;
      }
      // The same person may be listed by id and also inline, in either order: match them by ORCID.
      List<String> identities = new ArrayList<>();
      if (person.id() != null) {
        identities.add("id:" + person.id());
      }
      if (person.orcid() != null) {
        identities.add("orcid:" + person.orcid());
      }
      if (identities.isEmpty()) {
        identities.add("name:" + person.fullName().toLowerCase(Locale.ROOT));
      }
      Integer first =
          identities.stream().map(seen::get).filter(Objects::nonNull).findFirst().orElse(null);
      if (first != null) {
        problems.add(
            Problem.error(
                tree.at(path),
                path,
                person.fullName()
                    + " is listed twice (also as authors["
                    + first
                    + "]); remove one."));
        continue;
      }
      for (String identity : identities) {
        seen.put(identity, i);
      }
      authors.add(person);
    }
    return authors;
  }

  private Person inlineAuthor(YamlTree tree, String path, JsonNode node, People people) {
    List<Problem> found = new ArrayList<>();
    FrontMatter.InlineAuthor a =
        new Shape(tree, found, Map.of()).bindAt(path, node, FrontMatter.InlineAuthor.class);
    problems.addAll(found);
    if (a == null || a.family() == null) {
      return null;
    }
    String orcid = a.orcid() == null ? null : people.checkOrcid(path + ".orcid", a.orcid());
    List<Organisation> affiliations =
        people.resolveAffiliations(
            path + ".affiliations",
            MetadataLoader.orEmpty(a.affiliations()),
            metadata.organisations());
    return new Person(
        null,
        a.given() == null ? "" : a.given().strip(),
        a.family().strip(),
        orcid,
        affiliations,
        Set.of());
  }

  private String missingFileMessage(Path folder) {
    List<String> present;
    try (Stream<Path> files = Files.list(folder)) {
      present = files.map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      present = List.of();
    }
    for (String name : present) {
      if (LIKELY_MISNAMES.contains(name.toLowerCase(Locale.ROOT))
          || name.equalsIgnoreCase(FILE_NAME)) {
        return "There is no case-study.md, but there is '"
            + name
            + "': rename it to case-study.md"
            + " (lowercase, with a hyphen).";
      }
    }
    List<String> markdown =
        present.stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".md")).toList();
    if (markdown.size() == 1) {
      return "There is no case-study.md, but there is '"
          + markdown.get(0)
          + "': rename it to case-study.md.";
    }
    return "This folder has no case-study.md. Start one with ./casepress new "
        + folder.getFileName()
        + " --title \"...\", or remove the folder.";
  }
}
