package io.osop.temporal.pipeline;

import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the variables a condition sees: {@code outputs.<node_id>}, the same keys bare at top
 * level, {@code inputs}, {@code metadata} and, on failure edges, {@code error}.
 *
 * <p>Bare keys come from finished nodes in file order, a later node's key replacing an earlier
 * one's, and the edge's own source node replacing all others: on an edge from {@code ab_test},
 * {@code ab_result} is always {@code ab_test}'s.
 */
final class ConditionScope {

  private ConditionScope() {}

  /**
   * Returns the scope for an edge.
   *
   * @param finishedOutputs outputs of every finished node, in file order
   * @param sourceNodeId the edge's source node
   * @param parameters the run parameters, already normalised
   * @param metadata workflow_id, run_id and attempt
   * @param error the source node's failure, or null on a success edge
   */
  static Map<String, Object> forEdge(
      Map<String, Map<String, Object>> finishedOutputs,
      String sourceNodeId,
      Map<String, Object> parameters,
      Map<String, Object> metadata,
      Map<String, Object> error) {
    Map<String, Object> scope = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Object>> node : finishedOutputs.entrySet()) {
      if (!node.getKey().equals(sourceNodeId)) {
        putBare(scope, node.getValue());
      }
    }
    Map<String, Object> source = finishedOutputs.get(sourceNodeId);
    if (source != null) {
      putBare(scope, source);
    }
    scope.put(ConditionEvaluator.OUTPUTS, toCel(finishedOutputs));
    scope.put(ConditionEvaluator.INPUTS, toCel(parameters));
    scope.put(ConditionEvaluator.METADATA, toCel(metadata));
    if (error != null) {
      scope.put(ConditionEvaluator.ERROR, toCel(error));
    }
    return scope;
  }

  private static void putBare(Map<String, Object> scope, Map<String, Object> outputs) {
    for (Map.Entry<String, Object> output : outputs.entrySet()) {
      scope.put(output.getKey(), toCel(output.getValue()));
    }
  }

  /** Replaces Java nulls with CEL's null so that {@code x == null} works. */
  private static Object toCel(Object value) {
    if (value == null) {
      return NullValue.NULL_VALUE;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        copy.put(String.valueOf(entry.getKey()), toCel(entry.getValue()));
      }
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(toCel(element));
      }
      return copy;
    }
    return value;
  }
}
