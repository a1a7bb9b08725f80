package io.osop.temporal.activities.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What the splitter learns from the train split alone in its first pass: the vocabulary of every
 * categorical column and the mean of every numeric column (used for missing values). Its size grows
 * with the number of distinct categories, never with the number of rows.
 */
final class TrainStatistics {

  /** Values that mean "missing" in a numeric column. */
  static final Set<String> MISSING_TOKENS = Set.of("", "?", "NA", "NaN", "nan", "null", "NULL");

  private final ColumnLayout layout;
  private final int maxCategories;
  private final List<Set<String>> vocabularies = new ArrayList<>();
  private final double[] sums;
  private final long[] counts;
  private final long[] missing;

  TrainStatistics(ColumnLayout layout, int maxCategories) {
    this.layout = layout;
    this.maxCategories = maxCategories;
    int n = layout.featureCount();
    for (int i = 0; i < n; i++) {
      vocabularies.add(layout.categorical()[i] ? new HashSet<>() : null);
    }
    sums = new double[n];
    counts = new long[n];
    missing = new long[n];
  }

  /**
   * Checks a numeric value and returns it in a portable form, or "" when it is missing; learns the
   * mean from train rows.
   */
  String observeNumeric(int feature, String raw, boolean train, Supplier<String> position)
      throws IOException {
    if (MISSING_TOKENS.contains(raw)) {
      missing[feature]++;
      return "";
    }
    double value;
    try {
      value = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new TableFormatException(
          position.get()
              + ": column '"
              + layout.features().get(feature)
              + "' is numeric but holds '"
              + raw
              + "'; list it under categorical in schema.yaml if it is a category");
    }
    if (Double.isInfinite(value)) {
      throw new TableFormatException(
          position.get()
              + ": column '"
              + layout.features().get(feature)
              + "' holds an infinite value");
    }
    if (train) {
      sums[feature] += value;
      counts[feature]++;
    }
    return CsvText.isPlainNumber(raw) ? raw : Double.toString(value);
  }

  /** Learns a categorical value when the row belongs to the train split. */
  void observeCategory(int feature, String value, boolean train) throws IOException {
    if (!train) {
      return;
    }
    Set<String> vocabulary = vocabularies.get(feature);
    if (vocabulary.add(value) && vocabulary.size() > maxCategories) {
      throw new TableFormatException(
          "categorical column '"
              + layout.features().get(feature)
              + "' has more than "
              + maxCategories
              + " distinct values in the train split; raise max_categories in the node's"
              + " config or drop it from categorical");
    }
  }

  /** The train vocabulary of each categorical column, values sorted. */
  Map<String, List<String>> vocabularies() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (int i = 0; i < layout.featureCount(); i++) {
      if (layout.categorical()[i]) {
        result.put(layout.features().get(i), sorted(vocabularies.get(i)));
      }
    }
    return result;
  }

  /** Index of every category value per categorical feature (null for numeric features). */
  List<Map<String, Integer>> categoryIndexes() {
    List<Map<String, Integer>> indexes = new ArrayList<>();
    for (Set<String> vocabulary : vocabularies) {
      if (vocabulary == null) {
        indexes.add(null);
        continue;
      }
      Map<String, Integer> index = new HashMap<>();
      for (String value : sorted(vocabulary)) {
        index.put(value, index.size());
      }
      indexes.add(index);
    }
    return indexes;
  }

  /** The train mean of a numeric feature, formatted, or "0" when train had no value for it. */
  String meanText(int feature) {
    return counts[feature] == 0 ? "0" : Double.toString(sums[feature] / counts[feature]);
  }

  /** Train means of the numeric features that had missing values anywhere. */
  Map<String, Double> imputedMeans() {
    Map<String, Double> result = new LinkedHashMap<>();
    for (int i = 0; i < layout.featureCount(); i++) {
      if (!layout.categorical()[i] && missing[i] > 0) {
        result.put(layout.features().get(i), counts[i] == 0 ? 0.0 : sums[i] / counts[i]);
      }
    }
    return result;
  }

  /** Missing values per numeric feature, over every split. */
  Map<String, Long> missingCounts() {
    Map<String, Long> result = new LinkedHashMap<>();
    for (int i = 0; i < layout.featureCount(); i++) {
      if (!layout.categorical()[i] && missing[i] > 0) {
        result.put(layout.features().get(i), missing[i]);
      }
    }
    return result;
  }

  /**
   * Encoded feature names in column order: numeric names, and {@code column=value} per category.
   */
  List<String> encodedFeatureNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < layout.featureCount(); i++) {
      String column = layout.features().get(i);
      if (layout.categorical()[i]) {
        for (String value : sorted(vocabularies.get(i))) {
          names.add(column + "=" + value);
        }
      } else {
        names.add(column);
      }
    }
    return names;
  }

  private static List<String> sorted(Set<String> values) {
    return List.copyOf(new TreeSet<>(values));
  }
}
