package io.osop.temporal.pipeline;

import io.osop.temporal.pipeline.activity.DataActivities;
import io.osop.temporal.pipeline.activity.EvaluationActivities;
import io.osop.temporal.pipeline.activity.RegistryActivities;
import io.osop.temporal.pipeline.activity.ServingActivities;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities;
import io.osop.temporal.pipeline.activity.TrainingActivities;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fakes of every handler's activities that answer at once and log each call as {@code Activity
 * node} (or {@code Activity} when the request names no node). Tests steer them through the public
 * fields.
 */
final class FakeActivities
    implements DataActivities,
        TrainingActivities,
        EvaluationActivities,
        ShadowTrafficActivities,
        ServingActivities,
        RegistryActivities {

  /** Every call, in the order the fakes received them. */
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  /** Activity calls that fail, non-retryably, keyed by the logged call; value = failure type. */
  final Map<String, String> failures = new ConcurrentHashMap<>();

  /** Run-command nodes that fail their first attempt (retryably) and then succeed. */
  final Map<String, Boolean> failFirstAttempt = new ConcurrentHashMap<>();

  /** Run-command nodes that fail every attempt, retryably. */
  final Map<String, Boolean> failEveryAttempt = new ConcurrentHashMap<>();

  /** Real milliseconds a run-command node takes; absent means none. */
  final Map<String, Long> commandMillis = new ConcurrentHashMap<>();

  /** Training metrics a run-command node reports. */
  final Map<String, Map<String, Object>> trainingMetrics = new ConcurrentHashMap<>();

  volatile double candidateAccuracy = 0.91;
  volatile double baselineAccuracy = 0.88;

  /** The check (1-based) whose guardrail is breached; 0 for none. */
  volatile int guardrailBreachAt;

  /** The verdict when the window runs out without a decision. */
  volatile String verdictWithoutDecision = "winner";

  volatile boolean canaryHealthy = true;

  /** The probe dataset the last canary deployment received, for assertions. */
  volatile String canaryDatasetUri;

  /** The decision the analysis received, for assertions. */
  volatile String analysedDecision;

  private void call(String name) {
    calls.add(name);
    String failureType = failures.get(name);
    if (failureType != null) {
      throw ApplicationFailure.newNonRetryableFailure(name + " failed on purpose", failureType);
    }
  }

  /** How many times a logged call was made. */
  long count(String name) {
    synchronized (calls) {
      return calls.stream().filter(name::equals).count();
    }
  }

  int indexOf(String name) {
    return calls.indexOf(name);
  }

  @Override
  public PreparedData prepareData(PrepareDataRequest request) {
    call("PrepareData " + request.nodeId());
    return new PreparedData(
        "file:///data/" + request.run().workflowId() + "/" + request.nodeId(),
        "file:///data/" + request.run().workflowId() + "/" + request.nodeId() + "/manifest.json",
        Map.of("train", 800L, "val", 100L, "test", 100L),
        12_345L,
        List.of("age", "hours_per_week"),
        "label",
        "sex");
  }

  @Override
  public CommandResult runCommand(RunCommandRequest request) {
    String node = request.nodeId();
    call("RunCommand " + node);
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    if (failEveryAttempt.containsKey(node)) {
      throw ApplicationFailure.newFailure("attempt " + attempt + " of " + node + " fails", "Flaky");
    }
    if (failFirstAttempt.containsKey(node) && attempt == 1) {
      throw ApplicationFailure.newFailure("first attempt of " + node + " fails", "Flaky");
    }
    Long millis = commandMillis.get(node);
    if (millis != null) {
      sleep(millis);
      calls.add("RunCommand " + node + " done");
    }
    return new CommandResult(
        0,
        "file:///models/" + node + "/model.onnx",
        "file:///logs/" + node + ".log",
        millis == null ? 5 : millis,
        attempt,
        trainingMetrics.getOrDefault(node, Map.of("loss", 0.25)));
  }

  @Override
  public Evaluation evaluate(EvaluateRequest request) {
    call("Evaluate " + request.nodeId());
    return new Evaluation(
        Map.of("accuracy", candidateAccuracy, "f1", 0.7),
        Map.of("accuracy", baselineAccuracy, "f1", 0.65),
        "v-prod-1",
        "production",
        1000,
        "file:///reports/" + request.nodeId() + ".json");
  }

  @Override
  public ShadowSession startShadow(StartShadowRequest request) {
    call("StartShadowTraffic " + request.nodeId());
    return new ShadowSession(
        request.run().workflowId() + "-" + request.nodeId(),
        "v-prod-1",
        request.candidateModelUri(),
        "mirroring " + request.trafficSplit());
  }

  @Override
  public ShadowCheck checkShadow(CheckShadowRequest request) {
    call("CheckShadowMetrics");
    boolean breach = guardrailBreachAt > 0 && request.checkIndex() >= guardrailBreachAt;
    return new ShadowCheck(
        request.checkIndex(),
        100,
        80,
        0.9,
        0.88,
        0.95,
        12.0,
        11.0,
        0,
        breach ? "candidate p99 latency over 50 ms" : null);
  }

  @Override
  public AbAnalysis analyze(AnalyzeShadowRequest request) {
    call("AnalyzeShadowTest");
    analysedDecision = request.decision();
    String result;
    if (request.decision() == null) {
      result = verdictWithoutDecision;
    } else {
      result = AbWindow.APPROVE.equals(request.decision()) ? "winner" : "loser";
    }
    return new AbAnalysis(
        result,
        "decided by " + (request.decision() == null ? "the data" : request.decision()),
        Map.of("checks", request.checks().size(), "accuracy_delta", 0.02));
  }

  @Override
  public void stopShadow(StopShadowRequest request) {
    call("StopShadowTraffic " + request.nodeId());
  }

  @Override
  public CanaryRollout deployCanary(DeployCanaryRequest request) {
    call("DeployCanary " + request.nodeId());
    canaryDatasetUri = request.datasetUri();
    return new CanaryRollout(
        request.endpoint(), "rev-1", "rev-" + request.modelVersion(), request.canaryPercent());
  }

  @Override
  public ServingHealth checkHealth(CanaryRollout rollout) {
    call("CheckServingHealth");
    return new ServingHealth(canaryHealthy, 50, canaryHealthy ? 0 : 9, 14.0, "seen 50 requests");
  }

  @Override
  public void promote(CanaryRollout rollout) {
    call("PromoteCanary");
  }

  @Override
  public void restore(RestoreRevisionRequest request) {
    call("RestoreServingRevision " + request.nodeId());
  }

  @Override
  public ModelVersion register(RegisterModelRequest request) {
    call("RegisterModel " + request.nodeId());
    return new ModelVersion("v-" + request.run().workflowId(), "file:///registry/v-cand");
  }

  @Override
  public PointerMove movePointer(MovePointerRequest request) {
    call("MoveRegistryPointer " + request.pointer());
    return new PointerMove(request.pointer(), "v-prod-1", request.version());
  }

  @Override
  public void restorePointer(MovePointerRequest request) {
    call("RestoreRegistryPointer " + request.pointer());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pretending to run", e);
    }
  }
}
