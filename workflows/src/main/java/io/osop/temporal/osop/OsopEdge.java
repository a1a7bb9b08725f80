package io.osop.temporal.osop;

import java.util.Map;

/**
 * One OSOP edge as written. Fields the file lacks or gives with the wrong type are null.
 *
 * @param from the source node id
 * @param to the target node id
 * @param mode the edge {@code mode} as written, {@code sequential} when absent
 * @param when the condition from {@code when} or its synonym {@code condition}, or null
 * @param label the edge's {@code label}
 * @param joinMode {@code join_mode} for the target node (wait_all, wait_any, wait_n), or null
 * @param joinCount {@code join_count} for wait_n, or null
 * @param position where the edge's mapping starts
 * @param positions where each field's value starts, by field name
 * @param whenPositions maps offsets in {@code when} to places in the file, or null without one
 */
public record OsopEdge(
    String from,
    String to,
    String mode,
    String when,
    String label,
    String joinMode,
    Integer joinCount,
    SourcePosition position,
    Map<String, SourcePosition> positions,
    ScalarPositions whenPositions) {

  /** Where {@code field}'s value starts, or where the edge starts when it is absent. */
  public SourcePosition positionOf(String field) {
    return positions.getOrDefault(field, position);
  }

  /** {@code from -> to}, for messages. */
  public String describe() {
    return from + " -> " + to;
  }
}
