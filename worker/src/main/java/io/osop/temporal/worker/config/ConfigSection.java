package io.osop.temporal.worker.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads from one mapping of the raw configuration; every problem is recorded with the full
 * key path instead of thrown, so that one start reports them all.
 */
final class ConfigSection {
  private final String path;
  private final Map<String, Object> values;
  private final List<String> problems;
  private final Set<String> read = new TreeSet<>();

  ConfigSection(String path, Map<String, Object> values, List<String> problems) {
    this.path = path;
    this.values = values;
    this.problems = problems;
  }

  String path() {
    return path;
  }

  String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  void problem(String name, String message) {
    problems.add(key(name) + ": " + message);
  }

  boolean has(String name) {
    return values.get(name) != null;
  }

  Object raw(String name) {
    read.add(name);
    return values.get(name);
  }

  String string(String name, String fallback) {
    Object value = raw(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Map || value instanceof List) {
      problem(name, "must be a single value, got a " + kind(value));
      return fallback;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? fallback : text;
  }

  int integer(String name, int fallback, int min, int max) {
    Object value = raw(name);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.toString().trim());
      if (parsed < min || parsed > max) {
        problem(name, "must be a whole number from " + min + " to " + max + ", got " + parsed);
        return fallback;
      }
      return (int) parsed;
    } catch (NumberFormatException e) {
      problem(name, "must be a whole number, got '" + value + "'");
      return fallback;
    }
  }

  double decimal(String name, double fallback, double min) {
    Object value = raw(name);
    if (value == null) {
      return fallback;
    }
    try {
      double parsed = Double.parseDouble(value.toString().trim());
      if (!(parsed >= min)) {
        problem(name, "must be at least " + min + ", got " + parsed);
        return fallback;
      }
      return parsed;
    } catch (NumberFormatException e) {
      problem(name, "must be a number, got '" + value + "'");
      return fallback;
    }
  }

  /** Reads a positive duration written as seconds, {@code 90s}, {@code 5m}, {@code 2h} or ISO. */
  Duration duration(String name, Duration fallback) {
    Object value = raw(name);
    if (value == null) {
      return fallback;
    }
    Duration parsed = Durations.parse(value.toString().trim());
    if (parsed == null || parsed.isNegative() || parsed.isZero()) {
      problem(name, "must be a positive duration such as 30s, 5m or 2h, got '" + value + "'");
      return fallback;
    }
    return parsed;
  }

  /** A nested mapping; a scalar written where a mapping belongs is a problem. */
  ConfigSection section(String name) {
    Object value = raw(name);
    Map<String, Object> nested = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> nested.put(String.valueOf(k), v));
    } else if (value != null) {
      problem(name, "must be a mapping, got a " + kind(value));
    }
    return new ConfigSection(key(name), nested, problems);
  }

  Set<String> keys() {
    return new TreeSet<>(values.keySet());
  }

  /** Records every key that no read asked for, so that typos do not pass silently. */
  void rejectUnread() {
    for (String name : keys()) {
      if (!read.contains(name)) {
        problem(name, "unknown key");
      }
    }
  }

  static String kind(Object value) {
    if (value instanceof Map) {
      return "mapping";
    }
    return value instanceof List ? "list" : "value";
  }

  static List<String> newProblems() {
    return new ArrayList<>();
  }
}
