package io.osop.temporal.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.osop.temporal.pipeline.NodeState;
import io.osop.temporal.pipeline.PipelineResult;
import java.time.Duration;
import java.util.Locale;

/**
 * The pipeline's own metrics: node duration and outcome per handler, runs per outcome, A/B
 * decisions, and activity attempts per handler. Names are dot-separated; the Prometheus registry
 * renders {@code pipeline.node.duration} as {@code pipeline_node_duration_seconds}.
 */
public final class PipelineMetrics {
  /** Duration of each finished node, tagged with its handler and final status. */
  public static final String NODE_DURATION = "pipeline.node.duration";

  /** Runs that ended, tagged with their outcome. */
  public static final String RUNS = "pipeline.runs";

  /** A/B windows that reached a decision, tagged winner or loser. */
  public static final String AB_DECISIONS = "pipeline.ab.decisions";

  /** Each activity attempt on this worker, tagged with handler, activity type and outcome. */
  public static final String ACTIVITY_DURATION = "pipeline.activity.duration";

  private final MeterRegistry registry;

  /** Records into the given registry. */
  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records a run's end from its result: the run's outcome, every node, and A/B decisions. */
  public void recordRun(PipelineResult result) {
    recordRunOutcome(result.outcome().name());
    for (NodeState node : result.nodes()) {
      if (node.startedAtMillis() > 0 && node.finishedAtMillis() >= node.startedAtMillis()) {
        Timer.builder(NODE_DURATION)
            .description("Wall time of a pipeline node from start to end, workflow clock")
            .tag("handler", node.handler())
            .tag("outcome", lower(node.status().name()))
            .register(registry)
            .record(Duration.ofMillis(node.finishedAtMillis() - node.startedAtMillis()));
      }
      Object abResult = node.outputs() == null ? null : node.outputs().get("ab_result");
      if (abResult != null) {
        Counter.builder(AB_DECISIONS)
            .description("Shadow A/B windows decided, by result")
            .tag("result", abResult.toString())
            .register(registry)
            .increment();
      }
    }
  }

  /** Records a run that ended without a result (failed or cancelled workflow). */
  public void recordRunOutcome(String outcome) {
    Counter.builder(RUNS)
        .description("Pipeline runs that ended, by outcome")
        .tag("outcome", lower(outcome))
        .register(registry)
        .increment();
  }

  /** Records one activity attempt. */
  public void recordActivity(String handler, String activityType, String outcome, Duration took) {
    Timer.builder(ACTIVITY_DURATION)
        .description("Activity attempts run by this worker")
        .tag("handler", handler)
        .tag("activity", activityType)
        .tag("outcome", outcome)
        .register(registry)
        .record(took);
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
