package org.casepress.source;

import java.util.List;
import org.casepress.model.Problem;

/** Whether Zenodo will accept a licence id, with the fix when it will not. */
final class LicenceCheck {
  private final YamlTree tree;
  private final List<Problem> problems;

  LicenceCheck(YamlTree tree, List<Problem> problems) {
    this.tree = tree;
    this.problems = problems;
  }

  void check(String path, String id) {
    Licences.Verdict verdict = Licences.zenodo().judge(id.strip());
    if (verdict instanceof Licences.Alias alias) {
      problems.add(
          Problem.warning(
              tree.at(path),
              path,
              "'"
                  + id
                  + "' is an old Zenodo alias; write the SPDX id '"
                  + alias.spdx()
                  + "' instead."));
    } else if (verdict instanceof Licences.Unknown unknown) {
      problems.add(
          Problem.error(
              tree.at(path),
              path,
              "'"
                  + id
                  + "' is not an SPDX licence id that Zenodo accepts"
                  + unknown.nearest().map(n -> "; did you mean '" + n + "'?").orElse(".")
                  + " Use an SPDX id such as CC-BY-4.0 (see https://spdx.org/licenses/)."));
    }
  }
}
