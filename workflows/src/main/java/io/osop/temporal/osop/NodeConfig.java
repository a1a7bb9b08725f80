package io.osop.temporal.osop;

import java.util.Map;

/** Typed access to one node's config that reports missing or mistyped values at their place. */
final class NodeConfig {

  private final OsopNode node;
  private final Findings findings;

  NodeConfig(OsopNode node, Findings findings) {
    this.node = node;
    this.findings = findings;
  }

  /** The value at a dotted path, or null. */
  Object value(String path) {
    Object current = node.config();
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  void error(String path, String message) {
    findings.error(node.positionOf("config." + path), "node '" + node.id() + "': " + message);
  }

  String requiredString(String key, String example) {
    Object value = value(key);
    if (value == null) {
      error(key, "config." + key + " is required (for example " + key + ": " + example + ")");
      return null;
    }
    if (!(value instanceof String text)) {
      error(key, key + " must be a string, not " + ConfigChecker.describe(value));
      return null;
    }
    return text;
  }

  Double requiredNumber(String key, String example) {
    Object value = value(key);
    if (value == null) {
      error(key, "config." + key + " is required (for example " + key + ": " + example + ")");
      return null;
    }
    return number(key, value);
  }

  Double number(String path, Object value) {
    if (value instanceof Long n) {
      return n.doubleValue();
    }
    if (value instanceof Double d && !d.isNaN()) {
      return d;
    }
    error(path, path + " must be a number, not " + ConfigChecker.describe(value));
    return null;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> optionalMap(String key) {
    Object value = value(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    error(key, key + " must be a mapping, not " + ConfigChecker.describe(value));
    return null;
  }
}
