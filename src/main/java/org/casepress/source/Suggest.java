package org.casepress.source;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for misspelt keys and ids. */
public final class Suggest {
  private Suggest() {}

  /** The candidate closest to {@code typed}, or null when none is plausibly what was meant. */
  public static String nearest(String typed, Collection<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(t, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    // Allow roughly one edit per three characters: 'licence'/'license', 'author'/'authors'.
    int allowed = Math.max(2, t.length() / 3);
    // But never a candidate that would be rewritten entirely: 'grid' is not a misspelt 'id'.
    return bestDistance <= allowed && bestDistance < best.length() ? best : null;
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
