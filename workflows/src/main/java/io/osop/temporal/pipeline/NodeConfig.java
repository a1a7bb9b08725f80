package io.osop.temporal.pipeline;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of a node's {@code config}; a bad value fails the node naming node and key. */
final class NodeConfig {

  private final String nodeId;
  private final Map<String, Object> values;

  NodeConfig(PipelineNode node) {
    this.nodeId = node.id();
    this.values = node.config() == null ? Map.of() : CelValues.normalizeMap(node.config());
  }

  /** The whole config, normalised, for requests that pass it on. */
  Map<String, Object> all() {
    return values;
  }

  String requiredString(String key) {
    Object value = values.get(key);
    if (!(value instanceof String text) || text.isBlank()) {
      throw bad(key, "a non-empty string", value);
    }
    return text;
  }

  String string(String key, String fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String text)) {
      throw bad(key, "a string", value);
    }
    return text;
  }

  double requiredNumber(String key) {
    Object value = values.get(key);
    if (!(value instanceof Number number)) {
      throw bad(key, "a number", value);
    }
    return number.doubleValue();
  }

  double number(String key, double fallback) {
    return values.containsKey(key) ? requiredNumber(key) : fallback;
  }

  /** A positive number, or the fallback when the key is absent. */
  double positive(String key, double fallback) {
    double value = number(key, fallback);
    if (!(value > 0)) {
      throw bad(key, "a positive number", values.get(key));
    }
    return value;
  }

  Map<String, Object> map(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw bad(key, "a map", value);
    }
    return CelValues.normalizeMap(map);
  }

  Map<String, Double> numberMap(String key, Map<String, Double> fallback) {
    if (!values.containsKey(key)) {
      return fallback;
    }
    Map<String, Double> numbers = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map(key).entrySet()) {
      if (!(entry.getValue() instanceof Number number)) {
        throw bad(key + "." + entry.getKey(), "a number", entry.getValue());
      }
      numbers.put(entry.getKey(), number.doubleValue());
    }
    return numbers;
  }

  Map<String, String> stringMap(String key) {
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map(key).entrySet()) {
      strings.put(entry.getKey(), String.valueOf(entry.getValue()));
    }
    return strings;
  }

  List<String> stringList(String key, List<String> fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof List<?> list)) {
      throw bad(key, "a list", value);
    }
    List<String> strings = new ArrayList<>();
    for (Object element : list) {
      strings.add(String.valueOf(element));
    }
    return strings;
  }

  private ApplicationFailure bad(String key, String expected, Object actual) {
    return ApplicationFailure.newNonRetryableFailure(
        "Node "
            + nodeId
            + ": config."
            + key
            + " must be "
            + expected
            + ", found "
            + (actual == null ? "nothing" : "`" + actual + "`"),
        PipelineFailureTypes.BAD_NODE_CONFIG);
  }
}
