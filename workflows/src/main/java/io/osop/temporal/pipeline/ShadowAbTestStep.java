package io.osop.temporal.pipeline;

import io.osop.temporal.pipeline.activity.ShadowTrafficActivities;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.AbAnalysis;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowCheck;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowSession;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shadow-ab-test handler: mirror a share of traffic to the candidate, check metrics on a
 * durable timer until the window ends (or a guardrail or signal ends it early), analyse, and stop
 * mirroring on every path.
 */
final class ShadowAbTestStep implements NodeStep {

  private static final double MILLIS_PER_HOUR = 3_600_000.0;

  private final Services services;

  ShadowAbTestStep(Services services) {
    this.services = services;
  }

  @Override
  public Map<String, Object> run(NodeRun node) {
    PipelineNode definition = node.node;
    String id = definition.id();
    NodeConfig config = new NodeConfig(definition);
    double split = config.requiredNumber("traffic_split");
    if (!(split > 0 && split <= 1)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Node " + id + ": config.traffic_split must be in (0, 1], found " + split,
          PipelineFailureTypes.BAD_NODE_CONFIG);
    }
    double hours = config.positive("duration_hours", Double.NaN);
    double interval = config.positive("check_interval_hours", 1.0);
    String model = services.artifacts().require(id, NodeOutputKeys.MODEL_URI);
    Object dataset = services.artifacts().find(id, NodeOutputKeys.DATASET_URI);

    ShadowTrafficActivities stopper =
        services
            .stubs()
            .forCompensation(ShadowTrafficActivities.class, id + ": stop shadow traffic");
    var stopRequest = new ShadowTrafficActivities.StopShadowRequest(services.state().run, id);
    int compensation =
        services
            .state()
            .saga
            .register(id, "stop shadow traffic", () -> stopper.stopShadow(stopRequest));

    AbWindow window = new AbWindow(id, hours);
    services.windows().open(window);
    Map<String, Object> outputs;
    try {
      outputs =
          mirrorAndAnalyse(
              node,
              window,
              new ShadowTrafficActivities.StartShadowRequest(
                  services.state().run,
                  id,
                  model,
                  dataset == null ? null : dataset.toString(),
                  split,
                  config.all()),
              interval);
    } catch (TemporalFailure failure) {
      services.windows().close(window);
      stopAfterFailure(node, stopper, stopRequest, compensation, failure);
      throw failure;
    }
    services.windows().close(window);
    node.detail = "stopping shadow traffic";
    stopper.stopShadow(stopRequest);
    services.state().saga.markDone(compensation, "stopped by " + id);
    node.detail = window.progress();
    return outputs;
  }

  /**
   * Stops mirroring after the window failed or was cancelled, in a scope the cancellation does not
   * reach; a failure to stop is added to the original failure and the saga compensation stays
   * registered so the run's unwinding tries again.
   */
  private void stopAfterFailure(
      NodeRun node,
      ShadowTrafficActivities stopper,
      ShadowTrafficActivities.StopShadowRequest request,
      int compensation,
      TemporalFailure failure) {
    node.detail = "stopping shadow traffic after: " + FailureMessages.describe(failure);
    Workflow.newDetachedCancellationScope(
            () -> {
              try {
                stopper.stopShadow(request);
                services.state().saga.markDone(compensation, "stopped by " + request.nodeId());
              } catch (TemporalFailure stopFailure) {
                failure.addSuppressed(stopFailure);
              }
            })
        .run();
  }

  private Map<String, Object> mirrorAndAnalyse(
      NodeRun node,
      AbWindow window,
      ShadowTrafficActivities.StartShadowRequest request,
      double intervalHours) {
    String id = node.node.id();
    ShadowTrafficActivities shadow =
        services
            .stubs()
            .forNode(
                ShadowTrafficActivities.class,
                node.node,
                String.format(
                    Locale.ROOT,
                    "%s: mirror %.0f%% of traffic to the candidate",
                    id,
                    request.trafficSplit() * 100));
    node.detail = "starting shadow traffic";
    ShadowSession session = shadow.startShadow(request);

    List<ShadowCheck> checks = new ArrayList<>();
    while (!window.isDecided() && window.elapsedHours < window.totalHours) {
      double step = Math.min(intervalHours, window.totalHours - window.elapsedHours);
      node.detail = window.progress();
      if (!waitForCheck(window, step, checks.size() + 1)) {
        break;
      }
      double from = window.elapsedHours;
      window.elapsedHours = from + step;
      ShadowCheck check =
          checkStub(node, checks.size() + 1)
              .checkShadow(
                  new ShadowTrafficActivities.CheckShadowRequest(
                      session, checks.size() + 1, from, window.elapsedHours, request.config()));
      checks.add(check);
      window.recordCheck(check);
      if (check.guardrailBreach() != null) {
        window.decide(AbWindow.GUARDRAIL, check.guardrailBreach());
      }
    }

    node.detail = window.progress() + "; analysing";
    AbAnalysis analysis =
        services
            .stubs()
            .forNode(ShadowTrafficActivities.class, node.node, id + ": decide the A/B result")
            .analyze(
                new ShadowTrafficActivities.AnalyzeShadowRequest(
                    session, checks, window.decision, window.decisionReason, request.config()));
    String result = analysis.result();
    if (!"winner".equals(result) && !"loser".equals(result)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Node " + id + ": the A/B analysis returned `" + result + "`, not winner or loser",
          PipelineFailureTypes.BAD_ACTIVITY_RESULT);
    }

    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put(NodeOutputKeys.AB_RESULT, result);
    outputs.put(NodeOutputKeys.AB_REASON, analysis.reason());
    outputs.put(
        NodeOutputKeys.AB_EVIDENCE, analysis.evidence() == null ? Map.of() : analysis.evidence());
    outputs.put(NodeOutputKeys.AB_CHECKS, (long) checks.size());
    return outputs;
  }

  private ShadowTrafficActivities checkStub(NodeRun node, int index) {
    return services
        .stubs()
        .forNode(ShadowTrafficActivities.class, node.node, node.node.id() + ": A/B check " + index);
  }

  /**
   * Waits on a durable timer for the next check, ending early when a signal decides the window.
   *
   * @return true when the timer fired, false when a decision came first (the timer is cancelled)
   */
  private static boolean waitForCheck(AbWindow window, double hours, int checkIndex) {
    Duration duration = Duration.ofMillis(Math.max(1L, Math.round(hours * MILLIS_PER_HOUR)));
    TimerOptions options =
        TimerOptions.newBuilder()
            .setSummary(
                String.format(
                    Locale.ROOT,
                    "%s: A/B check %d at %.1f h of %.1f h",
                    window.nodeId,
                    checkIndex,
                    window.elapsedHours + hours,
                    window.totalHours))
            .build();
    List<Promise<Void>> timer = new ArrayList<>(1);
    CancellationScope scope =
        Workflow.newCancellationScope(() -> timer.add(Workflow.newTimer(duration, options)));
    scope.run();
    Workflow.await(() -> timer.get(0).isCompleted() || window.isDecided());
    if (timer.get(0).isCompleted()) {
      timer.get(0).get();
      return true;
    }
    scope.cancel();
    return false;
  }
}
