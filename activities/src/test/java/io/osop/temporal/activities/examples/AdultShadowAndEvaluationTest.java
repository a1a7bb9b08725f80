package io.osop.temporal.activities.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.activities.evaluation.EvaluationActivitiesImpl;
import io.osop.temporal.activities.evaluation.EvaluationSettings;
import io.osop.temporal.activities.serving.LocalOnlineMetrics;
import io.osop.temporal.activities.serving.LocalServingSettings;
import io.osop.temporal.activities.serving.LocalTrafficMirror;
import io.osop.temporal.activities.serving.ObjectStoreModelRegistry;
import io.osop.temporal.activities.serving.ReplaySessions;
import io.osop.temporal.activities.serving.ShadowTrafficActivitiesImpl;
import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.pipeline.activity.DataActivities.PreparedData;
import io.osop.temporal.pipeline.activity.EvaluationActivities;
import io.osop.temporal.pipeline.activity.EvaluationActivities.EvaluateRequest;
import io.osop.temporal.pipeline.activity.EvaluationActivities.Evaluation;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.AbAnalysis;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.AnalyzeShadowRequest;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.CheckShadowRequest;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowCheck;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowSession;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.StartShadowRequest;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's evaluate and shadow A/B steps on the UCI Adult data with models train.py wrote: the
 * prod-config model beats the weak production model offline and online, and loses online once label
 * noise is injected.
 */
class AdultShadowAndEvaluationTest {

  private static final Map<String, Object> AB_CONFIG =
      Map.of("traffic_split", 0.1, "duration_hours", 24);

  @TempDir Path root;
  private final TestActivityEnvironment environment = TestActivityEnvironment.newInstance();
  private final List<ReplaySessions> sessions = new ArrayList<>();

  @AfterEach
  void tearDown() {
    environment.close();
    sessions.forEach(ReplaySessions::close);
  }

  @Test
  void theProdModelBeatsTheWeakOneOfflineAndOnlineAndLosesUnderInjectedLabelNoise()
      throws IOException {
    ExampleSteps steps =
        new ExampleSteps(environment, root, ExampleSteps.adultFeatureStore(root), "adult-eval");
    LocalObjectStore store = steps.store();
    ObjectStoreModelRegistry registry = new ObjectStoreModelRegistry(store);
    ReplaySessions clean = replaySessions(store, registry, LocalServingSettings.defaults());
    ReplaySessions noisy =
        replaySessions(
            store, registry, LocalServingSettings.fromMap(Map.of("candidateLabelNoise", "0.3")));
    steps.register(new EvaluationActivitiesImpl(store, registry, EvaluationSettings.defaults()));
    RunRef run = steps.run();

    PreparedData data = steps.prepare("feature-store://adult/v1");
    String weak = steps.train("train_weak", "config/weak.yaml", data).modelUri();
    String candidate = steps.train("train_model", "config/prod.yaml", data).modelUri();
    registry.register("weak-1", weak, Map.of());
    registry.compareAndSet("models/production/latest", null, "weak-1", "test");

    Evaluation evaluation =
        environment
            .newActivityStub(EvaluationActivities.class, steps.options())
            .evaluate(
                new EvaluateRequest(
                    run,
                    "evaluate",
                    candidate,
                    data.datasetUri(),
                    "models/production/latest",
                    List.of("accuracy", "f1", "p99_latency", "demographic_parity")));

    assertThat(evaluation.baselineKind()).isEqualTo("production");
    assertThat(evaluation.baselineModel()).isEqualTo("weak-1");
    assertThat(evaluation.metrics().get("accuracy")).isBetween(0.82, 0.87);
    assertThat(evaluation.metrics().get("accuracy"))
        .isGreaterThan(evaluation.baseline().get("accuracy"));
    assertThat(evaluation.metrics().get("f1")).isBetween(0.5, 0.8);
    assertThat(evaluation.metrics().get("p99_latency")).isPositive();
    // Adult's positive rate differs between the sexes; a model trained on it predicts so too.
    assertThat(evaluation.metrics().get("demographic_parity")).isBetween(0.05, 0.5);

    AbAnalysis cleanResult = shadowTest(clean, registry, run, "ab_test", candidate, data);
    AbAnalysis noisyResult = shadowTest(noisy, registry, run, "ab_test_noisy", candidate, data);

    assertThat(cleanResult.result()).as(cleanResult.reason()).isEqualTo("winner");
    assertThat(noisyResult.result()).as(noisyResult.reason()).isEqualTo("loser");
    assertThat(noisyResult.reason()).contains("max_accuracy_drop");
  }

  private ReplaySessions replaySessions(
      LocalObjectStore store, ObjectStoreModelRegistry registry, LocalServingSettings settings) {
    ReplaySessions replay = new ReplaySessions(store, registry, settings);
    sessions.add(replay);
    return replay;
  }

  /** Runs a 24 h window with hourly checks, ending at the first breach, as the interpreter does. */
  private AbAnalysis shadowTest(
      ReplaySessions replay,
      ObjectStoreModelRegistry registry,
      RunRef run,
      String nodeId,
      String candidate,
      PreparedData data) {
    ShadowTrafficActivities shadow =
        new ShadowTrafficActivitiesImpl(
            new LocalTrafficMirror(replay), new LocalOnlineMetrics(replay), registry);
    ShadowSession session =
        shadow.startShadow(
            new StartShadowRequest(run, nodeId, candidate, data.datasetUri(), 0.1, AB_CONFIG));
    List<ShadowCheck> checks = new ArrayList<>();
    String decision = null;
    for (int hour = 1; hour <= 24 && decision == null; hour++) {
      ShadowCheck check =
          shadow.checkShadow(new CheckShadowRequest(session, hour, hour - 1, hour, AB_CONFIG));
      checks.add(check);
      decision = check.guardrailBreach() == null ? null : "guardrail";
    }
    return shadow.analyze(
        new AnalyzeShadowRequest(
            session,
            checks,
            decision,
            decision == null ? null : checks.get(checks.size() - 1).guardrailBreach(),
            AB_CONFIG));
  }
}
