package org.casepress.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casepress.model.Organisation;
import org.casepress.model.Problem;

/** Checks shared by people.yaml entries and authors written inline in front matter. */
final class People {
  private final YamlTree tree;
  private final List<Problem> problems;
  private final Unloaded unloaded;

  People(YamlTree tree, List<Problem> problems, Unloaded unloaded) {
    this.tree = tree;
    this.problems = problems;
    this.unloaded = unloaded;
  }

  /** The bare ORCID if valid (a https://orcid.org/ prefix is accepted), else null. */
  String checkOrcid(String path, String orcid) {
    Optional<String> refused = Identifiers.orcidRefusal(orcid);
    if (refused.isPresent()) {
      problems.add(Problem.error(tree.at(path), path, refused.get()));
      return null;
    }
    return Identifiers.bareOrcid(orcid);
  }

  List<Organisation> resolveAffiliations(
      String path, List<String> ids, Map<String, Organisation> organisations) {
    List<Organisation> result = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Organisation o = organisations.get(ids.get(i));
      if (o == null) {
        MetadataLoader.unknownId(
            problems,
            unloaded,
            tree,
            path + "[" + i + "]",
            Unloaded.ORGANISATION,
            ids.get(i),
            organisations.keySet(),
            MetadataLoader.ORGANISATIONS_FILE);
      } else {
        result.add(o);
      }
    }
    return result;
  }
}
