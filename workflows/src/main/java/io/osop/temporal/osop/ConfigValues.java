package io.osop.temporal.osop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep copies of config values: immutable for the model, mutable while overrides apply. */
final class ConfigValues {

  private ConfigValues() {}

  /** An unmodifiable deep copy; maps keep their order and may hold null values. */
  static Object immutable(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), immutable(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(immutable(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** A modifiable deep copy of a map. */
  static Map<String, Object> mutable(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, mutableValue(v)));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object mutableValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return mutable((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(mutableValue(v)));
      return copy;
    }
    return value;
  }
}
