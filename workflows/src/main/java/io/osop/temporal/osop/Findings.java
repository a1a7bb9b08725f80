package io.osop.temporal.osop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the findings of one compilation so that every check reports everything it finds. */
final class Findings {

  private final List<Finding> all = new ArrayList<>();

  void error(SourcePosition position, String message) {
    all.add(Finding.error(position, message));
  }

  void warning(SourcePosition position, String message) {
    all.add(Finding.warning(position, message));
  }

  boolean hasErrors() {
    return all.stream().anyMatch(Finding::isError);
  }

  /**
   * The findings sorted by place in the file (overrides first), then severity and message, so
   * output never depends on the order the checks ran in.
   */
  List<Finding> sorted() {
    return all.stream()
        .distinct()
        .sorted(
            Comparator.comparing((Finding f) -> !f.position().isOverride())
                .thenComparingInt(f -> f.position().line())
                .thenComparingInt(f -> f.position().column())
                .thenComparing(Finding::severity)
                .thenComparing(Finding::message))
        .toList();
  }
}
