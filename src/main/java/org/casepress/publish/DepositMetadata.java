package org.casepress.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vladsch.flexmark.html.HtmlRenderer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.casepress.model.CaseStudy;
import org.casepress.model.Community;
import org.casepress.model.Funding;
import org.casepress.model.Metadata;
import org.casepress.model.Person;
import org.casepress.model.RelatedIdentifier;
import org.casepress.source.Identifiers;
import org.casepress.source.Languages;
import org.casepress.source.Markdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The Zenodo deposit metadata of one case study version: the object sent under {@code "metadata"}
 * when a deposit is created or updated (legacy deposit API; docs/zenodo.md#depositions and
 * docs/publishing.md). The only place deposit JSON is built: stage sends it, the preflight compares
 * its hash, {@code metadata SLUG} prints it.
 *
 * <p>A pure function of the case study, the workspace metadata and the {@link Edition}: the same
 * input gives the same JSON, with keys always in the same order. Empty values are left out rather
 * than sent empty. The version's {@link #identifier} is always among the related identifiers, so
 * that a deposition whose creation answer was lost can be found again. {@code doi} is never set: a
 * DOI Zenodo reserved for the deposit, written back into the metadata, breaks publishing
 * (docs/zenodo.md#reserved-dois).
 */
final class DepositMetadata {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String ALTERNATE = "isAlternateIdentifier";

  /** The relation of a version to the one it follows. */
  private static final String NEW_VERSION_OF = "isNewVersionOf";

  /**
   * What Zenodo keeps of a description's HTML: the default tag and attribute lists of
   * invenio-config ({@code ALLOWED_HTML_TAGS}, {@code ALLOWED_HTML_ATTRS} in
   * invenio_config/default.py), which zenodo-rdm's invenio.cfg does not override. Sanitising to the
   * same list here means what we show in {@code metadata} is what Zenodo will display.
   */
  private static final Safelist ZENODO_HTML =
      Safelist.none()
          .addTags(
              "a",
              "abbr",
              "acronym",
              "b",
              "blockquote",
              "br",
              "code",
              "div",
              "table",
              "tbody",
              "td",
              "th",
              "tr",
              "em",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "i",
              "li",
              "ol",
              "p",
              "pre",
              "span",
              "strike",
              "strong",
              "sub",
              "sup",
              "u",
              "ul")
          .addAttributes(":all", "class")
          .addAttributes("a", "href", "title", "name", "rel")
          .addAttributes("abbr", "title")
          .addAttributes("acronym", "title")
          .addProtocols("a", "href", "http", "https", "mailto");

  private static final HtmlRenderer RENDERER = HtmlRenderer.builder(Markdown.OPTIONS).build();

  private DepositMetadata() {}

  /**
   * Which version of the case study the metadata describes, and when it was published.
   *
   * @param version 1 for the first publication, 2 after the first reopen, and so on
   * @param publicationDate the date it was (or is to be) published; null until then, and Zenodo
   *     then sets the day of publishing
   * @param follows the DOI of the version this one follows on the same target, or null: the record
   *     then says it {@code isNewVersionOf} that one, which DataCite shows as well
   */
  public record Edition(int version, LocalDate publicationDate, String follows) {
    /** The first version, not yet published. */
    public static final Edition FIRST = new Edition(1, null);

    public Edition {
      if (version < 1) {
        throw new IllegalArgumentException("version must be 1 or more, not " + version);
      }
    }

    public Edition(int version, LocalDate publicationDate) {
      this(version, publicationDate, null);
    }

    /** {@code version} on the target of {@code ledger}: it follows what was published there. */
    static Edition onTarget(Ledger ledger, int version, LocalDate publicationDate) {
      return new Edition(
          version,
          publicationDate,
          ledger.publishedBefore(version).map(Ledger.Entry::doi).orElse(null));
    }
  }

  /**
   * Our stable identifier of a case study version, sent to Zenodo as an alternate identifier. A
   * URN, whose scheme Zenodo detects; it names the community (our workspace's identity on Zenodo),
   * the slug and the version.
   */
  public static String identifier(Metadata md, String slug, int version) {
    return "urn:casepress:" + md.community().community() + ":" + slug + ":v" + version;
  }

  /** The {@code metadata} object of a deposit create or update body. */
  public static ObjectNode build(CaseStudy cs, Metadata md, Edition edition) {
    Community community = md.community();
    ObjectNode m = JSON.objectNode();
    m.put("upload_type", community.uploadType());
    // Zenodo stores "<upload_type>-<publication_type>"; a subtype only belongs to publications.
    if ("publication".equals(community.uploadType())) {
      putText(m, "publication_type", community.publicationType());
    }
    m.put("title", cs.title());
    putArray(m, "creators", cs.authors().stream().map(DepositMetadata::person).toList());
    putText(m, "description", description(cs));
    m.put("access_right", "open");
    putText(m, "license", cs.licence());
    putArray(
        m,
        "keywords",
        keywords(cs.keywords(), community.keywords()).stream().map(JSON::textNode).toList());
    putText(m, "language", Languages.toIso6393(cs.language()).orElse(null));
    // No legacy "communities" field: through the legacy API it files a request that notifies no
    // curator, and none at all for an unknown community (LAUNCH.md section 5). Inclusion is asked
    // for after publish with the native endpoint (Publisher.inclusion).
    putText(m, "partof_title", community.series());
    putText(m, "imprint_publisher", community.publisher());
    // One rule for check and for the deposit: see Identifiers.grantId.
    List<Funding> asNotes =
        cs.funding().stream()
            .filter(f -> Identifiers.grantId(f.funder(), f.award()).isEmpty())
            .toList();
    putText(m, "notes", notes(community.series(), asNotes));
    putArray(m, "related_identifiers", related(cs, md, edition));
    putArray(
        m,
        "contributors",
        community.editors().stream().map(e -> person(e).put("type", "Editor")).toList());
    List<ObjectNode> grants =
        new ArrayList<>(community.grants().stream().map(DepositMetadata::grant).toList());
    cs.funding().stream()
        .flatMap(f -> Identifiers.grantId(f.funder(), f.award()).stream())
        .forEach(id -> grants.add(JSON.objectNode().put("id", id)));
    putArray(m, "grants", grants);
    m.put("version", String.valueOf(edition.version()));
    if (edition.publicationDate() != null) {
      m.put("publication_date", edition.publicationDate().toString());
    }
    return m;
  }

  /**
   * Zenodo has no subtitle field, and its one title is what citations, DataCite and the community
   * list show; so the title stays the authors' title and the subtitle opens the description.
   */
  static String description(CaseStudy cs) {
    StringBuilder html = new StringBuilder();
    if (cs.subtitle() != null && !cs.subtitle().isBlank()) {
      html.append("<p><strong>").append(Entities.escape(cs.subtitle())).append("</strong></p>");
    }
    html.append(RENDERER.render(Markdown.parse(cs.description())));
    return sanitise(html.toString());
  }

  /**
   * Drops every tag and attribute Zenodo would not keep, including any raw HTML an author wrote.
   */
  static String sanitise(String html) {
    Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(html, "", ZENODO_HTML, output).strip();
  }

  /** The case study's keywords, then the community's, each once (ignoring case), order kept. */
  static List<String> keywords(List<String> own, List<String> community) {
    return org.casepress.model.Citation.keywords(own, community);
  }

  /**
   * Zenodo's notes hold what has no field of its own: the series in words (partof_title is a custom
   * field not every view shows), and funding written as funder and award, because its {@code
   * grants} need a funder DOI that authors do not give.
   */
  static String notes(String series, List<Funding> funding) {
    List<String> paragraphs = new ArrayList<>();
    if (series != null && !series.isBlank()) {
      paragraphs.add("Part of " + series.strip() + ".");
    }
    if (!funding.isEmpty()) {
      paragraphs.add("Funding: " + org.casepress.model.Citation.funding(funding) + ".");
    }
    return paragraphs.stream()
        .map(p -> "<p>" + Entities.escape(p) + "</p>")
        .collect(Collectors.joining());
  }

  /** A creator or contributor: "Family, Given", the ORCID, and the first affiliation's name. */
  private static ObjectNode person(Person p) {
    ObjectNode o = JSON.objectNode().put("name", p.invertedName());
    putText(o, "orcid", p.orcid());
    // The legacy API takes a single affiliation string: every affiliation goes into it.
    putText(o, "affiliation", org.casepress.model.Citation.affiliation(p));
    return o;
  }

  /**
   * The authors' related identifiers, then the version this one follows, then ours as the one
   * alternate identifier: an alternate identifier an author gave (or one inherited from an earlier
   * version) would make two versions look like one.
   */
  private static List<ObjectNode> related(CaseStudy cs, Metadata md, Edition edition) {
    List<ObjectNode> related = new ArrayList<>();
    for (RelatedIdentifier r : cs.related()) {
      if (!ALTERNATE.equals(r.relation())) {
        related.add(related(r.identifier(), r.relation()));
      }
    }
    if (edition.follows() != null) {
      related.add(related(edition.follows(), NEW_VERSION_OF));
    }
    related.add(related(identifier(md, cs.slug(), edition.version()), ALTERNATE));
    return related;
  }

  /** Zenodo detects the identifier's scheme itself and ignores one sent, so none is sent. */
  private static ObjectNode related(String identifier, String relation) {
    return JSON.objectNode().put("identifier", identifier).put("relation", relation);
  }

  /** Zenodo's grant id for a non-EC award: "funder DOI::award number". */
  private static ObjectNode grant(Community.Grant g) {
    String funder = g.funderDoi().strip().replaceFirst("^https?://(dx\\.)?doi\\.org/", "");
    return JSON.objectNode().put("id", funder + "::" + g.award().strip());
  }

  private static void putText(ObjectNode o, String key, String value) {
    if (value != null && !value.isBlank()) {
      o.put(key, value);
    }
  }

  private static void putArray(ObjectNode o, String key, List<? extends JsonNode> items) {
    if (!items.isEmpty()) {
      o.putArray(key).addAll(items);
    }
  }
}
