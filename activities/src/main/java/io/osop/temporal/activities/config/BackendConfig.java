package io.osop.temporal.activities.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one backend's settings from the worker configuration's mapping ({@code backends.training}
 * and the like), naming the section and key in every error.
 *
 * @param section where the mapping sits in the configuration, for messages
 * @param values the mapping, snake_case keys as written
 */
public record BackendConfig(String section, Map<String, Object> values) {

  /** Wraps a mapping read from YAML. */
  public BackendConfig {
    values = values == null ? Map.of() : values;
  }

  /** A string, or the fallback when absent. */
  public String string(String key, String fallback) {
    Object value = values.get(key);
    return value == null ? fallback : value.toString().trim();
  }

  /** A whole number, or the fallback when absent. */
  public long number(String key, long fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where(key) + " must be a whole number, got " + value, e);
    }
  }

  /**
   * A duration written as {@code 500ms}, {@code 10s}, {@code 2m}, {@code 12h} or ISO-8601 ({@code
   * PT10S}), or the fallback when absent.
   */
  public Duration duration(String key, Duration fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("pt")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new NumberFormatException(text);
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          where(key) + " must be a duration such as 10s, 2m or 12h, got " + value, e);
    }
  }

  /** A mapping of strings, empty when absent. */
  public Map<String, String> strings(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(where(key) + " must be a mapping");
    }
    Map<String, String> strings = new LinkedHashMap<>();
    map.forEach((k, v) -> strings.put(String.valueOf(k), v == null ? null : v.toString()));
    return strings;
  }

  /** A nested mapping, or null when absent. */
  public BackendConfig child(String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(where(key) + " must be a mapping");
    }
    Map<String, Object> child = new LinkedHashMap<>();
    map.forEach((k, v) -> child.put(String.valueOf(k), v));
    return new BackendConfig(where(key), child);
  }

  /** A list of mappings, empty when absent. */
  public List<BackendConfig> children(String key) {
    Object value = values.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(where(key) + " must be a list of mappings");
    }
    return java.util.stream.IntStream.range(0, list.size())
        .mapToObj(
            i -> {
              if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(where(key) + "[" + i + "] must be a mapping");
              }
              Map<String, Object> child = new LinkedHashMap<>();
              map.forEach((k, v) -> child.put(String.valueOf(k), v));
              return new BackendConfig(where(key) + "[" + i + "]", child);
            })
        .toList();
  }

  /** A required string. */
  public String required(String key) {
    String value = string(key, null);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(where(key) + " is required");
    }
    return value;
  }

  /** The full name of a key for messages. */
  public String where(String key) {
    return section + "." + key;
  }
}
