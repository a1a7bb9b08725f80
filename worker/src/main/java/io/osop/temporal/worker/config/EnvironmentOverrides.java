package io.osop.temporal.worker.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays environment variables over the raw configuration: the Temporal CLI's own variables ({@code
 * TEMPORAL_ADDRESS}, {@code TEMPORAL_NAMESPACE}, {@code TEMPORAL_API_KEY}, {@code
 * TEMPORAL_TLS_CERT}, {@code TEMPORAL_TLS_KEY}, {@code TEMPORAL_TLS_CA}, {@code
 * TEMPORAL_TLS_SERVER_NAME}) and, for any other key, {@code OSOP_WORKER__SECTION__KEY} where a
 * double underscore separates levels (so {@code OSOP_WORKER__HTTP__PORT=9090} sets {@code
 * http.port}).
 */
final class EnvironmentOverrides {
  static final String PREFIX = "OSOP_WORKER__";

  private static final Map<String, List<String>> TEMPORAL_CLI =
      Map.of(
          "TEMPORAL_ADDRESS", List.of("temporal", "address"),
          "TEMPORAL_NAMESPACE", List.of("temporal", "namespace"),
          "TEMPORAL_TASK_QUEUE", List.of("temporal", "task_queue"),
          "TEMPORAL_API_KEY", List.of("temporal", "api_key"),
          "TEMPORAL_TLS_CERT", List.of("temporal", "tls", "client_cert"),
          "TEMPORAL_TLS_KEY", List.of("temporal", "tls", "client_key"),
          "TEMPORAL_TLS_CA", List.of("temporal", "tls", "ca"),
          "TEMPORAL_TLS_SERVER_NAME", List.of("temporal", "tls", "server_name"));

  private EnvironmentOverrides() {}

  /** Applies the overrides in a stable order: Temporal CLI variables first, then OSOP ones. */
  static void apply(Map<String, Object> root, Map<String, String> env) {
    new TreeMap<>(TEMPORAL_CLI)
        .forEach(
            (name, path) -> {
              String value = env.get(name);
              if (value != null && !value.isBlank()) {
                put(root, path, value.trim());
              }
            });
    new TreeMap<>(env)
        .forEach(
            (name, value) -> {
              if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                List<String> path =
                    List.of(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).split("__"));
                put(root, path, value.trim());
              }
            });
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, List<String> path, String value) {
    Map<String, Object> current = root;
    for (String part : path.subList(0, path.size() - 1)) {
      Object next = current.get(part);
      if (!(next instanceof Map)) {
        next = new LinkedHashMap<String, Object>();
        current.put(part, next);
      }
      current = (Map<String, Object>) next;
    }
    current.put(path.get(path.size() - 1), value);
  }
}
