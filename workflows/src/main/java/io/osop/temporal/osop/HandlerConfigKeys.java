package io.osop.temporal.osop;

import io.osop.temporal.pipeline.Handler;
import java.util.List;
import java.util.Map;

/**
 * The config keys each handler's runtime reads: the one list the validator checks node configs
 * against. {@code HandlerConfigKeysTest} scans the runtime's sources and fails when they read a key
 * missing here. Where each key is read:
 *
 * <ul>
 *   <li>prepare-data: {@code source}, {@code splits} in {@code pipeline.PrepareDataStep}; {@code
 *       max_categories} in {@code activities.data.DataActivitiesImpl} (the step passes the whole
 *       config on).
 *   <li>run-command: {@code command}, {@code resources}, {@code env} in {@code
 *       pipeline.RunCommandStep}; the keys of {@code resources} in {@code
 *       activities.training.kubernetes.JobResources}, which rejects any other.
 *   <li>evaluate: {@code metrics}, {@code baseline} in {@code pipeline.EvaluateStep}.
 *   <li>shadow-ab-test: {@code traffic_split}, {@code duration_hours}, {@code check_interval_hours}
 *       in {@code pipeline.ShadowAbTestStep}; the guardrails and thresholds, {@code endpoint},
 *       {@code baseline} and {@code duration_hours} in {@code activities.serving.ShadowSettings}.
 *   <li>deploy-serving: {@code endpoint}, {@code canary_percent} in {@code
 *       pipeline.DeployServingStep}.
 *   <li>rollback: none.
 * </ul>
 */
final class HandlerConfigKeys {

  /** The keys of {@code resources} a run-command node may set. */
  static final List<String> RESOURCE_KEYS = List.of("gpu", "memory", "cpu");

  private static final Map<Handler, List<String>> KEYS =
      Map.of(
          Handler.PREPARE_DATA,
          List.of("source", "splits", "max_categories"),
          Handler.RUN_COMMAND,
          List.of("command", "resources", "env"),
          Handler.EVALUATE,
          List.of("metrics", "baseline"),
          Handler.SHADOW_AB_TEST,
          List.of(
              "traffic_split",
              "duration_hours",
              "check_interval_hours",
              "max_error_rate",
              "max_accuracy_drop",
              "max_p99_latency_ms",
              "min_labelled",
              "min_requests",
              "accuracy_tolerance",
              "endpoint",
              "baseline"),
          Handler.DEPLOY_SERVING,
          List.of("endpoint", "canary_percent"),
          Handler.ROLLBACK,
          List.of());

  private HandlerConfigKeys() {}

  /** The top-level config keys the handler's runtime reads, in a stable order. */
  static List<String> of(Handler handler) {
    return KEYS.get(handler);
  }
}
