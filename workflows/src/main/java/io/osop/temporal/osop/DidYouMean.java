package io.osop.temporal.osop;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Suggests the known name closest to a misspelt one ("wehn" -> "when"). */
final class DidYouMean {

  private DidYouMean() {}

  /** The closest candidate within a small edit distance, if any; ties go to the first given. */
  static Optional<String> closest(String misspelt, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int allowed = Math.max(1, Math.min(3, misspelt.length() / 3));
    for (String candidate : candidates) {
      int distance = distance(misspelt.toLowerCase(), candidate.toLowerCase());
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null ? Optional.of(best) : abbreviated(misspelt, candidates);
  }

  /**
   * The only candidate the name abbreviates ("canary_pct" -> "canary_percent"): same first letter,
   * every letter of the name in order in the candidate.
   */
  private static Optional<String> abbreviated(String name, Collection<String> candidates) {
    String lower = name.toLowerCase();
    if (lower.length() < 3) {
      return Optional.empty();
    }
    List<String> found = new ArrayList<>();
    for (String candidate : candidates) {
      String other = candidate.toLowerCase();
      if (other.charAt(0) == lower.charAt(0) && isSubsequence(lower, other)) {
        found.add(candidate);
      }
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static boolean isSubsequence(String shorter, String longer) {
    int at = 0;
    for (int i = 0; i < longer.length() && at < shorter.length(); i++) {
      if (longer.charAt(i) == shorter.charAt(at)) {
        at++;
      }
    }
    return at == shorter.length();
  }

  /** " (did you mean 'x'?)" or the empty string. */
  static String hint(String misspelt, Collection<String> candidates) {
    return closest(misspelt, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
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
