package io.osop.temporal.osop;

import java.util.Map;

/**
 * One OSOP node as written. Fields the file lacks or gives with the wrong type are null.
 *
 * @param id the node {@code id}
 * @param type the node {@code type} (agent, api, cli, data, infra, ...)
 * @param subtype the node {@code subtype}, which may name a handler
 * @param name the display {@code name}
 * @param description {@code description} or {@code purpose}
 * @param config the node's {@code config} as given (nested maps, lists and scalars), never null
 * @param maxRetries {@code retry_policy.max_retries}
 * @param backoffSeconds {@code retry_policy.backoff_sec}
 * @param retryStrategy {@code retry_policy.strategy} (fixed or exponential_backoff)
 * @param timeoutSeconds {@code timeout_sec}
 * @param position where the node's mapping starts
 * @param positions where each field's value starts, by dotted path ({@code type}, {@code
 *     config.splits.train}, {@code retry_policy.max_retries}); config paths changed by a {@code
 *     --set} point at the override
 */
public record OsopNode(
    String id,
    String type,
    String subtype,
    String name,
    String description,
    Map<String, Object> config,
    Integer maxRetries,
    Double backoffSeconds,
    String retryStrategy,
    Double timeoutSeconds,
    SourcePosition position,
    Map<String, SourcePosition> positions) {

  /** Prefix of the entries in {@code positions} that hold where a config key itself starts. */
  static final String KEY_PREFIX = "key:";

  /**
   * Where the key of the config entry at {@code path} starts, else where its value starts (an
   * override has no key position of its own).
   */
  public SourcePosition keyPositionOf(String path) {
    SourcePosition value = positionOf(path);
    SourcePosition key = positions.get(KEY_PREFIX + path);
    return key == null || value.isOverride() ? value : key;
  }

  /** Where the value at {@code path} starts, else the closest enclosing field, else the node. */
  public SourcePosition positionOf(String path) {
    String candidate = path;
    while (true) {
      SourcePosition found = positions.get(candidate);
      if (found != null) {
        return found;
      }
      int dot = candidate.lastIndexOf('.');
      if (dot < 0) {
        return position;
      }
      candidate = candidate.substring(0, dot);
    }
  }
}
