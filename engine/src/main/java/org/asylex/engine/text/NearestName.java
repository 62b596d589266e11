package org.asylex.engine.text;

import java.util.Collection;
import java.util.Optional;

/** Suggests the valid name a misspelt one was probably meant to be. */
public final class NearestName {
  private NearestName() {}

  /**
   * The candidate with the smallest edit distance to {@code name}, if it is close enough to be a
   * plausible typo: one edit for names of up to three characters, else at most a third of the
   * name's length and at least two.
   */
  public static Optional<String> suggest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d =
          distance(
              name.toLowerCase(java.util.Locale.ROOT),
              candidate.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    int allowed = name.length() <= 3 ? 1 : Math.max(2, name.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** " (did you mean 'x'?)" or the empty string. */
  public static String didYouMean(String name, Collection<String> candidates) {
    return suggest(name, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  /** Optimal string alignment distance: Levenshtein plus transposition of neighbours. */
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
