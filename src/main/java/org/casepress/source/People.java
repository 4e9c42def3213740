package org.casepress.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    String bare = orcid.strip().replaceFirst("^https?://orcid\\.org/", "");
    if (!Identifiers.isOrcidFormat(bare)) {
      problems.add(
          Problem.error(
              tree.at(path),
              path,
              "'"
                  + orcid
                  + "' is not an ORCID iD. Write the 16 characters in four groups,"
                  + " e.g. 0000-0002-1825-0097 (the last may be X)."));
      return null;
    }
    if (!Identifiers.isOrcidChecksumValid(bare)) {
      problems.add(
          Problem.error(
              tree.at(path),
              path,
              "The ORCID iD '"
                  + bare
                  + "' fails its checksum (the last character should be '"
                  + Identifiers.orcidCheckCharacter(bare)
                  + "'): a digit was probably mistyped; copy it from the person's ORCID record."));
      return null;
    }
    if (!Identifiers.isOrcidIssued(bare)) {
      problems.add(
          Problem.error(
              tree.at(path),
              path,
              "The ORCID iD '"
                  + bare
                  + "' has a valid checksum but is not one ORCID has issued (iDs run from"
                  + " 0000-0001-5000-0000 to 0000-0003-5000-0000 and from 0009-0000-0000-0000"
                  + " to 0009-0010-0000-0000), so Zenodo refuses it at publish: copy the iD from"
                  + " the person's ORCID record."));
      return null;
    }
    return bare;
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
