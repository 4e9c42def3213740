package org.casepress.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casepress.model.Community;
import org.casepress.model.Launch;
import org.casepress.model.Location;
import org.casepress.model.Metadata;
import org.casepress.model.Organisation;
import org.casepress.model.Person;
import org.casepress.model.Problem;
import org.casepress.model.Role;

/** Loads and checks metadata/: community.yaml, organisations.yaml, people.yaml, launches.yaml. */
final class MetadataLoader {
  static final String ORGANISATIONS_FILE = "metadata/organisations.yaml";
  static final String PEOPLE_FILE = "metadata/people.yaml";
  static final String LAUNCHES_FILE = "metadata/launches.yaml";

  record CommunityFile(
      @Required("the Zenodo community id, e.g. the-turing-way-practitioners") String community,
      @Required("the series name printed on every case study") String series,
      String publisher,
      @Required("the default SPDX licence id, e.g. CC-BY-4.0") String licence,
      String uploadType,
      String publicationType,
      List<String> keywords,
      List<String> editors,
      List<GrantLine> grants) {}

  record GrantLine(
      @Required("the funder's Crossref Funder Registry DOI, e.g. 10.13039/501100000266")
          String funderDoi,
      @Required("the award (grant) number") String award) {}

  record OrganisationsFile(
      @Required("a list of organisations, each with id and name")
          List<OrganisationLine> organisations) {}

  record OrganisationLine(
      @Required("an id of lowercase words joined by hyphens, e.g. fernbank-water") String id,
      @Required("the organisation's name") String name,
      String ror) {}

  record PeopleFile(
      @Required("a list of people, each with id, given, family and roles")
          List<PersonLine> people) {}

  record PersonLine(
      @Required("an id of lowercase words joined by hyphens, e.g. priya-nandakumar") String id,
      String given,
      @Required("the family name") String family,
      String orcid,
      List<String> affiliations,
      List<String> roles) {}

  record LaunchesFile(List<LaunchLine> launches) {}

  record LaunchLine(
      @Required("a launch name of lowercase words joined by hyphens, e.g. winter-2026") String name,
      String title,
      @Required("the launch date as YYYY-MM-DD") LocalDate date,
      @Required("the slugs of the case studies released together") List<String> caseStudies) {}

  private final Workspace workspace;
  private final List<Problem> problems;
  private final Unloaded unloaded = new Unloaded();

  MetadataLoader(Workspace workspace, List<Problem> problems) {
    this.workspace = workspace;
    this.problems = problems;
  }

  Metadata load() {
    Map<String, Organisation> organisations = loadOrganisations();
    Map<String, Person> people = loadPeople(organisations);
    Community community = loadCommunity(people);
    List<Launch> launches = loadLaunches();
    return new Metadata(community, people, organisations, launches);
  }

  /** What {@link #load} could not load; valid after it. */
  Unloaded unloaded() {
    return unloaded;
  }

  /** Reads a metadata file into its record; empty when missing (if optional) or unusable. */
  private <T extends Record> Optional<Parsed<T>> read(
      String file, Class<T> type, boolean required) {
    Path path = workspace.root().resolve(file);
    if (!Files.isRegularFile(path)) {
      if (required) {
        problems.add(
            Problem.error(
                Location.of(file),
                "",
                "The file is missing. Create it (see metadata/README.md for what it holds)."));
      }
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<String> text = SourceText.decode(bytes, file, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    YamlTree tree = YamlTree.parse(text.get(), file, 1, problems);
    if (tree == null) {
      return Optional.empty();
    }
    Bidi.check(tree, problems);
    T value = new Shape(tree, problems, Map.of()).bind(type, file);
    return value == null ? Optional.empty() : Optional.of(new Parsed<>(value, tree));
  }

  record Parsed<T>(T value, YamlTree tree) {}

  private Map<String, Organisation> loadOrganisations() {
    Map<String, Organisation> result = new LinkedHashMap<>();
    Optional<Parsed<OrganisationsFile>> read =
        read(ORGANISATIONS_FILE, OrganisationsFile.class, true);
    if (read.isEmpty() || read.get().value().organisations() == null) {
      unloaded.wholeFile(Unloaded.ORGANISATION);
    }
    read.ifPresent(
        parsed -> {
          List<OrganisationLine> lines = orEmpty(parsed.value().organisations());
          for (int i = 0; i < lines.size(); i++) {
            OrganisationLine o = lines.get(i);
            String path = "organisations[" + i + "]";
            if (o.id() != null && (o.name() == null || !Identifiers.isId(o.id()))) {
              unloaded.entry(Unloaded.ORGANISATION, o.id());
            }
            if (o.id() == null || o.name() == null) {
              continue;
            }
            if (!checkId(parsed.tree(), path + ".id", o.id(), result.keySet())) {
              continue;
            }
            String ror = o.ror() == null ? null : checkRor(parsed.tree(), path + ".ror", o.ror());
            result.put(o.id(), new Organisation(o.id(), o.name().strip(), ror));
          }
        });
    return result;
  }

  private Map<String, Person> loadPeople(Map<String, Organisation> organisations) {
    Map<String, Person> result = new LinkedHashMap<>();
    Optional<Parsed<PeopleFile>> read = read(PEOPLE_FILE, PeopleFile.class, true);
    if (read.isEmpty() || read.get().value().people() == null) {
      unloaded.wholeFile(Unloaded.PERSON);
    }
    read.ifPresent(
        parsed -> {
          List<PersonLine> lines = orEmpty(parsed.value().people());
          for (int i = 0; i < lines.size(); i++) {
            PersonLine p = lines.get(i);
            String path = "people[" + i + "]";
            if (p.id() != null && (p.family() == null || !Identifiers.isId(p.id()))) {
              unloaded.entry(Unloaded.PERSON, p.id());
            }
            if (p.id() == null || p.family() == null) {
              continue;
            }
            if (!checkId(parsed.tree(), path + ".id", p.id(), result.keySet())) {
              continue;
            }
            People people = new People(parsed.tree(), problems, unloaded);
            String orcid = p.orcid() == null ? null : people.checkOrcid(path + ".orcid", p.orcid());
            List<Organisation> affiliations =
                people.resolveAffiliations(
                    path + ".affiliations", orEmpty(p.affiliations()), organisations);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            List<String> roleIds = orEmpty(p.roles());
            for (int r = 0; r < roleIds.size(); r++) {
              String id = roleIds.get(r);
              Optional<Role> role = Role.parse(id);
              if (role.isPresent()) {
                roles.add(role.get());
              } else {
                String rolePath = path + ".roles[" + r + "]";
                problems.add(
                    Problem.error(
                        parsed.tree().at(rolePath),
                        rolePath,
                        "Unknown role '"
                            + id
                            + "'; a person's roles are author, writer and coordinator."));
              }
            }
            result.put(
                p.id(),
                new Person(
                    p.id(),
                    p.given() == null ? "" : p.given().strip(),
                    p.family().strip(),
                    orcid,
                    affiliations,
                    roles));
          }
        });
    return result;
  }

  private Community loadCommunity(Map<String, Person> people) {
    Optional<Parsed<CommunityFile>> read =
        read(Workspace.COMMUNITY_FILE, CommunityFile.class, true);
    if (read.isEmpty()) {
      return new Community(
          "", "", "", "CC-BY-4.0", "publication", "report", List.of(), List.of(), List.of());
    }
    CommunityFile c = read.get().value();
    YamlTree tree = read.get().tree();
    String licence = c.licence() == null ? "CC-BY-4.0" : c.licence();
    if (c.licence() != null) {
      new LicenceCheck(tree, problems).check("licence", c.licence());
    }
    List<Person> editors = new ArrayList<>();
    List<String> editorIds = orEmpty(c.editors());
    for (int i = 0; i < editorIds.size(); i++) {
      String id = editorIds.get(i);
      Person p = people.get(id);
      if (p == null) {
        unknownId(
            problems,
            unloaded,
            tree,
            "editors[" + i + "]",
            Unloaded.PERSON,
            id,
            people.keySet(),
            PEOPLE_FILE);
      } else {
        editors.add(p);
      }
    }
    List<Community.Grant> grants = new ArrayList<>();
    for (GrantLine g : orEmpty(c.grants())) {
      if (g.funderDoi() != null && g.award() != null) {
        grants.add(new Community.Grant(g.funderDoi(), g.award()));
      }
    }
    String uploadType = c.uploadType() == null ? "publication" : c.uploadType();
    String publicationType = c.publicationType() == null ? "report" : c.publicationType();
    return new Community(
        c.community() == null ? "" : c.community(),
        c.series() == null ? "" : c.series(),
        c.publisher() == null ? "" : c.publisher(),
        licence,
        uploadType,
        publicationType,
        orEmpty(c.keywords()),
        editors,
        grants);
  }

  private List<Launch> loadLaunches() {
    List<Launch> result = new ArrayList<>();
    read(LAUNCHES_FILE, LaunchesFile.class, false)
        .ifPresent(
            parsed -> {
              Set<String> names = new HashSet<>();
              List<LaunchLine> lines = orEmpty(parsed.value().launches());
              for (int i = 0; i < lines.size(); i++) {
                LaunchLine l = lines.get(i);
                if (l.name() == null || l.date() == null || l.caseStudies() == null) {
                  continue;
                }
                if (!checkId(parsed.tree(), "launches[" + i + "].name", l.name(), names)) {
                  continue;
                }
                names.add(l.name());
                for (int s = 0; s < l.caseStudies().size(); s++) {
                  String slug = l.caseStudies().get(s);
                  if (!Files.isRegularFile(
                      workspace.caseStudyDir(slug).resolve(CaseStudyLoader.FILE_NAME))) {
                    String path = "launches[" + i + "].case_studies[" + s + "]";
                    problems.add(
                        Problem.error(
                            parsed.tree().at(path),
                            path,
                            "There is no case study '"
                                + slug
                                + "' (no case-studies/"
                                + slug
                                + "/case-study.md). Fix the slug or remove it from the launch."));
                  }
                }
                result.add(
                    new Launch(
                        l.name(),
                        l.title() == null ? l.name() : l.title(),
                        l.date(),
                        l.caseStudies()));
              }
            });
    return result;
  }

  /** Checks an id's format and uniqueness; false when it cannot be used. */
  private boolean checkId(YamlTree tree, String path, String id, Set<String> seen) {
    if (!Identifiers.isId(id)) {
      problems.add(
          Problem.error(
              tree.at(path),
              path,
              "The id '"
                  + id
                  + "' must be lowercase words joined by single hyphens, e.g. 'priya-nandakumar'."));
      return false;
    }
    if (seen.contains(id)) {
      problems.add(
          Problem.error(
              tree.at(path), path, "The id '" + id + "' is used twice; ids must be unique."));
      return false;
    }
    return true;
  }

  private String checkRor(YamlTree tree, String path, String ror) {
    String bare = ror.strip().replaceFirst("^https?://ror\\.org/", "");
    if (!Identifiers.isRorFormat(bare)) {
      problems.add(
          Problem.error(
              tree.at(path),
              path,
              "'"
                  + ror
                  + "' is not a ROR id. A ROR id has 9 characters: 0, six letters or digits,"
                  + " two check digits (e.g. 035dkdb55); look it up on https://ror.org."));
      return null;
    }
    if (!Identifiers.isRorChecksumValid(bare)) {
      problems.add(
          Problem.error(
              tree.at(path),
              path,
              "The ROR id '"
                  + ror
                  + "' has wrong check digits (expected '"
                  + Identifiers.rorChecksum(bare)
                  + "' at the end): it was probably mistyped; copy it from https://ror.org."));
      return null;
    }
    return bare;
  }

  static void unknownId(
      List<Problem> problems,
      Unloaded unloaded,
      YamlTree tree,
      String path,
      String kind,
      String id,
      Set<String> known,
      String file) {
    if (unloaded.excuses(kind, id)) {
      return;
    }
    String nearest = Suggest.nearest(id, known);
    problems.add(
        Problem.error(
            tree.at(path),
            path,
            "Unknown "
                + kind
                + " id '"
                + id
                + "'"
                + (nearest != null ? "; did you mean '" + nearest + "'?" : ".")
                + " Ids are listed in "
                + file
                + "."));
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
