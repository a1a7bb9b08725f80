package io.osop.temporal.activities.evaluation;

import java.util.Arrays;

/**
 * Rows of one dataset split held in memory: encoded features in manifest order, the 0/1 label and
 * the sensitive attribute's raw value (empty when none).
 *
 * @param source where the rows came from, for messages
 * @param features one float array per row
 * @param labels one label per row
 * @param groups one group value per row
 */
public record LabelledRows(String source, float[][] features, int[] labels, String[] groups) {

  /** Checks that every array has one entry per row. */
  public LabelledRows {
    if (features.length != labels.length || labels.length != groups.length) {
      throw new IllegalArgumentException(
          "rows, labels and groups differ in length: source=" + source);
    }
  }

  /** The number of rows. */
  public int size() {
    return labels.length;
  }

  /** The first {@code count} rows (all of them when there are fewer). */
  public LabelledRows head(int count) {
    int n = Math.min(count, size());
    return new LabelledRows(
        source, Arrays.copyOf(features, n), Arrays.copyOf(labels, n), Arrays.copyOf(groups, n));
  }

  /** These rows followed by the other's. */
  public LabelledRows concat(LabelledRows other) {
    float[][] allFeatures = Arrays.copyOf(features, size() + other.size());
    System.arraycopy(other.features, 0, allFeatures, size(), other.size());
    int[] allLabels = Arrays.copyOf(labels, size() + other.size());
    System.arraycopy(other.labels, 0, allLabels, size(), other.size());
    String[] allGroups = Arrays.copyOf(groups, size() + other.size());
    System.arraycopy(other.groups, 0, allGroups, size(), other.size());
    return new LabelledRows(source + "+" + other.source, allFeatures, allLabels, allGroups);
  }
}
