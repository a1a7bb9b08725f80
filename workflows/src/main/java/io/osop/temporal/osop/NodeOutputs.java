package io.osop.temporal.osop;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import io.osop.temporal.pipeline.Handler;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named outputs each handler's node yields and their CEL types: what a {@code when} condition
 * can read from a finished node, under {@code outputs.<node_id>} and bare at top level.
 */
public final class NodeOutputs {

  private static final CelType STRING_TO_INT = MapType.create(SimpleType.STRING, SimpleType.INT);
  private static final CelType STRING_TO_DOUBLE =
      MapType.create(SimpleType.STRING, SimpleType.DOUBLE);
  private static final CelType STRING_TO_DYN = MapType.create(SimpleType.STRING, SimpleType.DYN);
  private static final CelType STRING_LIST = ListType.create(SimpleType.STRING);

  private static final Map<Handler, Map<String, CelType>> OUTPUTS = build();

  private NodeOutputs() {}

  /** The output keys of {@code handler} with their types, in a stable documented order. */
  public static Map<String, CelType> of(Handler handler) {
    return OUTPUTS.get(handler);
  }

  /** The handler whose nodes produce {@code key}, or null when no handler does. */
  public static Handler producerOf(String key) {
    for (Map.Entry<Handler, Map<String, CelType>> entry : OUTPUTS.entrySet()) {
      if (entry.getValue().containsKey(key)) {
        return entry.getKey();
      }
    }
    return null;
  }

  private static Map<Handler, Map<String, CelType>> build() {
    Map<Handler, Map<String, CelType>> all = new EnumMap<>(Handler.class);
    all.put(
        Handler.PREPARE_DATA,
        keys(
            "dataset_uri", SimpleType.STRING,
            "manifest_uri", SimpleType.STRING,
            "rows", STRING_TO_INT,
            "bytes", SimpleType.INT,
            "features", STRING_LIST));
    all.put(
        Handler.RUN_COMMAND,
        keys(
            "exit_code", SimpleType.INT,
            "model_uri", SimpleType.STRING,
            "log_uri", SimpleType.STRING,
            "duration_ms", SimpleType.INT,
            "attempt", SimpleType.INT,
            "training_metrics", STRING_TO_DYN));
    all.put(
        Handler.EVALUATE,
        keys(
            "metrics", STRING_TO_DOUBLE,
            "baseline", STRING_TO_DOUBLE,
            "baseline_model", SimpleType.STRING,
            "baseline_kind", SimpleType.STRING,
            "test_rows", SimpleType.INT,
            "report_uri", SimpleType.STRING));
    all.put(
        Handler.SHADOW_AB_TEST,
        keys(
            "ab_result", SimpleType.STRING,
            "ab_reason", SimpleType.STRING,
            "ab_evidence", STRING_TO_DYN,
            "ab_checks", SimpleType.INT));
    all.put(
        Handler.DEPLOY_SERVING,
        keys(
            "model_version", SimpleType.STRING,
            "endpoint", SimpleType.STRING,
            "canary_revision", SimpleType.STRING,
            // null before the first deployment, so typed dyn to allow `== null`.
            "previous_revision", SimpleType.DYN));
    all.put(
        Handler.ROLLBACK, keys("rolled_back", STRING_LIST, "rollback_reason", SimpleType.STRING));
    return Collections.unmodifiableMap(all);
  }

  private static Map<String, CelType> keys(Object... namesAndTypes) {
    Map<String, CelType> keys = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      keys.put((String) namesAndTypes[i], (CelType) namesAndTypes[i + 1]);
    }
    return Collections.unmodifiableMap(keys);
  }
}
