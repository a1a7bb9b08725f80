package io.osop.temporal.activities.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Assigns rows to named splits by a stable hash: the first 53 bits of the SHA-256 of the row's hash
 * key, read as a number in [0, 1), fall into one split's share of the unit interval. The same key
 * lands in the same split on every run and every machine. Not thread-safe: one plan per pass.
 */
public final class SplitPlan {

  private static final List<String> CANONICAL_ORDER = List.of("train", "val", "test");
  private static final double TOLERANCE = 1e-6;

  private final List<String> names;
  private final double[] upperBounds;
  private final MessageDigest sha256;

  private SplitPlan(List<String> names, double[] upperBounds) {
    this.names = List.copyOf(names);
    this.upperBounds = upperBounds;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Builds a plan from split fractions. The order of the intervals is train, val, test, then any
   * other names alphabetically, whatever order the map has. A {@code train} split is required.
   */
  public static SplitPlan of(Map<String, Double> fractions) {
    if (fractions == null || !fractions.containsKey("train")) {
      throw new IllegalArgumentException("splits must include 'train', got " + fractions);
    }
    List<String> names = new ArrayList<>(fractions.keySet());
    names.sort(
        Comparator.comparingInt(
                (String n) ->
                    CANONICAL_ORDER.contains(n) ? CANONICAL_ORDER.indexOf(n) : Integer.MAX_VALUE)
            .thenComparing(Comparator.naturalOrder()));
    double[] bounds = new double[names.size()];
    double total = 0;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!name.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException(
            "split name must be letters, digits, '-' or '_': '" + name + "'");
      }
      Double fraction = fractions.get(name);
      if (fraction == null || fraction.isNaN() || fraction < 0 || fraction > 1) {
        throw new IllegalArgumentException(
            "split '" + name + "' needs a fraction between 0 and 1, got " + fraction);
      }
      total += fraction;
      bounds[i] = total;
    }
    if (Math.abs(total - 1.0) > TOLERANCE) {
      throw new IllegalArgumentException("split fractions must sum to 1, got " + total);
    }
    bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
    return new SplitPlan(names, bounds);
  }

  /** Split names in interval order. */
  public List<String> names() {
    return names;
  }

  /** The index (into {@link #names()}) of the split a hash key belongs to. */
  public int assign(String hashKey) {
    double position = unitHash(hashKey);
    for (int i = 0; i < upperBounds.length; i++) {
      if (position < upperBounds[i]) {
        return i;
      }
    }
    return upperBounds.length - 1;
  }

  private double unitHash(String hashKey) {
    byte[] digest = sha256.digest(hashKey.getBytes(StandardCharsets.UTF_8));
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (digest[i] & 0xFF);
    }
    return (bits >>> 11) * 0x1.0p-53;
  }
}
