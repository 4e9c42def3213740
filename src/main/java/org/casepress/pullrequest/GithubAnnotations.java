package org.casepress.pullrequest;

import java.util.List;
import org.casepress.model.Problem;

/**
 * Problems as GitHub Actions workflow commands, {@code ::error file=F,line=L,col=C,title=T::M}, so
 * that each shows on its line in the pull request's "Files changed" view.
 */
public final class GithubAnnotations {
  private GithubAnnotations() {}

  /** One workflow command per problem, in the order given. */
  public static List<String> of(List<Problem> problems) {
    return problems.stream().map(GithubAnnotations::command).toList();
  }

  static String command(Problem p) {
    StringBuilder s = new StringBuilder("::").append(p.isError() ? "error" : "warning");
    s.append(" file=").append(property(p.file()));
    if (p.line() > 0) {
      s.append(",line=").append(p.line());
      if (p.column() > 0) {
        s.append(",col=").append(p.column());
      }
    }
    String title = p.field().isEmpty() ? "casepress check" : "casepress check: " + p.field();
    s.append(",title=").append(property(title));
    return s.append("::").append(data(p.message())).toString();
  }

  /**
   * A message: GitHub's runner reads '%', CR and LF as escapes, so they are written as such. See
   * actions/toolkit, packages/core/src/command.ts (escapeData).
   */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: also ':' and ',' which would end the value (escapeProperty). */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
