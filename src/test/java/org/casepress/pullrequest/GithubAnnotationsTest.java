package org.casepress.pullrequest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.casepress.model.Location;
import org.casepress.model.Problem;
import org.junit.jupiter.api.Test;

class GithubAnnotationsTest {

  @Test
  void errorWithLineColumnAndFieldBecomesOneWorkflowCommand() {
    Problem p =
        Problem.error(
            new Location("case-studies/a-b/case-study.md", 7, 3), "authors[1].orcid", "Bad id.");
    assertEquals(
        List.of(
            "::error file=case-studies/a-b/case-study.md,line=7,col=3,"
                + "title=casepress check%3A authors[1].orcid::Bad id."),
        GithubAnnotations.of(List.of(p)));
  }

  @Test
  void messageAndPropertiesAreEscapedAsTheRunnerReadsThem() {
    Problem p =
        Problem.warning(
            Location.of("metadata/a,b:c.yaml"), "", "100% done\r\nnext line: here, there");
    assertEquals(
        "::warning file=metadata/a%2Cb%3Ac.yaml,title=casepress check::"
            + "100%25 done%0D%0Anext line: here, there",
        GithubAnnotations.command(p));
  }
}
