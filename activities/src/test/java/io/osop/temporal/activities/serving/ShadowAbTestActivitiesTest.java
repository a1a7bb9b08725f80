package io.osop.temporal.activities.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.testing.LogisticOnnxModel;
import io.osop.temporal.activities.testing.SyntheticDataset;
import io.osop.temporal.activities.testing.TestModels;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.AbAnalysis;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.AnalyzeShadowRequest;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.CheckShadowRequest;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowCheck;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowSession;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.StartShadowRequest;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.StopShadowRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShadowAbTestActivitiesTest {

  private static final RunRef RUN = new RunRef("wf-ab", "argo-ml-training", "/tmp");
  private static final Map<String, Object> CONFIG =
      Map.of("traffic_split", 0.5, "duration_hours", 24);

  @TempDir Path root;
  private LocalObjectStore store;
  private ObjectStoreModelRegistry registry;
  private TestActivityEnvironment environment;
  private ReplaySessions sessions;
  private ShadowTrafficActivities activities;
  private String datasetUri;
  private String candidateUri;

  @BeforeEach
  void setUp() throws Exception {
    store = new LocalObjectStore(root);
    registry = new ObjectStoreModelRegistry(store);
    datasetUri =
        SyntheticDataset.write(store, "runs/wf-ab/prepare_data/dataset", 200, 500, 1500, 11);
    // The candidate learns the true rule; production looks at x1 alone.
    candidateUri = store.uri("runs/wf-ab/train_model/model.onnx");
    store.write("runs/wf-ab/train_model/model.onnx", LogisticOnnxModel.of(new float[] {1, -1}, 0));
    TestModels.registerAsProduction(
        store, registry, "v-prod", LogisticOnnxModel.of(new float[] {1, 0}, -0.5f));
  }

  private void startEnvironment(LocalServingSettings settings) {
    sessions = new ReplaySessions(store, registry, settings);
    environment = TestActivityEnvironment.newInstance();
    environment.registerActivitiesImplementations(
        new ShadowTrafficActivitiesImpl(
            new LocalTrafficMirror(sessions), new LocalOnlineMetrics(sessions), registry));
    activities =
        environment.newActivityStub(
            ShadowTrafficActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void tearDown() {
    if (environment != null) {
      environment.close();
    }
    if (sessions != null) {
      sessions.close();
    }
  }

  private ShadowSession start() {
    return activities.startShadow(
        new StartShadowRequest(RUN, "ab_test", candidateUri, datasetUri, 0.5, CONFIG));
  }

  /** Checks every four hours until the window ends or a guardrail breaks. */
  private List<ShadowCheck> runChecks(ShadowSession session) {
    List<ShadowCheck> checks = new ArrayList<>();
    for (int index = 1; index <= 6; index++) {
      ShadowCheck check =
          activities.checkShadow(
              new CheckShadowRequest(session, index, (index - 1) * 4.0, index * 4.0, CONFIG));
      checks.add(check);
      if (check.guardrailBreach() != null) {
        break;
      }
    }
    return checks;
  }

  @Test
  void aBetterCandidateWithEnoughLabelledTrafficWins() {
    startEnvironment(LocalServingSettings.defaults());
    ShadowSession session = start();

    List<ShadowCheck> checks = runChecks(session);
    AbAnalysis analysis =
        activities.analyze(new AnalyzeShadowRequest(session, checks, null, null, CONFIG));

    assertThat(session.sessionId())
        .isEqualTo(ShadowTrafficActivitiesImpl.sessionId(RUN, "ab_test"));
    assertThat(session.productionModel()).isEqualTo("v-prod");
    assertThat(checks).hasSize(6).allSatisfy(check -> assertThat(check.guardrailBreach()).isNull());
    assertThat(analysis.result()).isEqualTo("winner");
    assertThat(analysis.evidence())
        .containsEntry("checks", 6)
        .containsEntry("enough_evidence", true)
        .containsKeys("candidate_accuracy", "production_accuracy", "agreement");
    assertThat((Double) analysis.evidence().get("candidate_accuracy"))
        .isGreaterThan((Double) analysis.evidence().get("production_accuracy"));
  }

  @Test
  void aCandidateWithInjectedLabelNoiseBreachesTheAccuracyGuardrailAndLoses() {
    startEnvironment(new LocalServingSettings(1, 50, 0, 0, 0.4, 0, false));
    ShadowSession session = start();

    List<ShadowCheck> checks = runChecks(session);
    ShadowCheck last = checks.get(checks.size() - 1);
    AbAnalysis analysis =
        activities.analyze(
            new AnalyzeShadowRequest(session, checks, "guardrail", last.guardrailBreach(), CONFIG));

    assertThat(last.guardrailBreach()).contains("candidate accuracy", "max_accuracy_drop");
    assertThat(checks.size()).isLessThan(6);
    assertThat(analysis.result()).isEqualTo("loser");
    assertThat(analysis.reason()).startsWith("guardrail breached: candidate accuracy");
  }

  @Test
  void aGuardrailWaitsForEnoughLabelledEvidence() {
    startEnvironment(new LocalServingSettings(1, 50, 0, 0, 0.4, 0, false));
    ShadowSession session = start();

    // 4 hours at 0.5 of 2000 requests per 24 h: about 160 mirrored, fewer labelled than 200.
    ShadowCheck first = activities.checkShadow(new CheckShadowRequest(session, 1, 0, 4, CONFIG));

    assertThat(first.labelled()).isLessThan(200).isPositive();
    assertThat(first.guardrailBreach()).isNull();
  }

  @Test
  void aWindowWithoutTrafficReportsNoDataAndNeverWins() {
    startEnvironment(LocalServingSettings.defaults());
    ShadowSession session = start();

    ShadowCheck empty = activities.checkShadow(new CheckShadowRequest(session, 1, 30, 31, CONFIG));
    AbAnalysis analysis =
        activities.analyze(new AnalyzeShadowRequest(session, List.of(empty), null, null, CONFIG));
    AbAnalysis noChecks =
        activities.analyze(new AnalyzeShadowRequest(session, List.of(), null, null, CONFIG));

    assertThat(empty.requests()).isZero();
    assertThat(empty.candidateAccuracy()).isNaN();
    assertThat(analysis.result()).isEqualTo("loser");
    assertThat(analysis.reason()).startsWith("too little evidence: 0 labelled requests");
    assertThat(noChecks.result()).isEqualTo("loser");
  }

  @Test
  void anApprovalWinsAndARejectionLosesWithTheEvidenceRecorded() {
    startEnvironment(LocalServingSettings.defaults());
    ShadowSession session = start();
    List<ShadowCheck> firstCheck =
        List.of(activities.checkShadow(new CheckShadowRequest(session, 1, 0, 4, CONFIG)));

    AbAnalysis approved =
        activities.analyze(
            new AnalyzeShadowRequest(session, firstCheck, "approve", "looks good", CONFIG));
    AbAnalysis rejected =
        activities.analyze(
            new AnalyzeShadowRequest(session, firstCheck, "reject", "not now", CONFIG));

    assertThat(approved.result()).isEqualTo("winner");
    assertThat(approved.reason())
        .contains("approved by a person: looks good", "less than min_labelled");
    assertThat(approved.evidence()).containsEntry("enough_evidence", false).containsKey("labelled");
    assertThat(rejected.result()).isEqualTo("loser");
    assertThat(rejected.reason()).startsWith("rejected by a person: not now");
  }

  @Test
  void injectedCandidateErrorsAndLatencyBreachTheirGuardrails() {
    startEnvironment(new LocalServingSettings(1, 50, 0.2, 0, 0, 0, false));
    ShadowCheck errors = activities.checkShadow(new CheckShadowRequest(start(), 1, 0, 8, CONFIG));
    assertThat(errors.guardrailBreach()).contains("max_error_rate");
    environment.close();
    sessions.close();

    startEnvironment(new LocalServingSettings(1, 50, 0, 300, 0, 0, false));
    RunRef otherRun = new RunRef("wf-ab-slow", "argo-ml-training", "/tmp");
    ShadowSession slowSession =
        activities.startShadow(
            new StartShadowRequest(otherRun, "ab_test", candidateUri, datasetUri, 0.5, CONFIG));
    ShadowCheck slow = activities.checkShadow(new CheckShadowRequest(slowSession, 1, 0, 8, CONFIG));
    assertThat(slow.guardrailBreach()).contains("max_p99_latency_ms");
  }

  @Test
  void startingAndStoppingAgainIsHarmless() {
    startEnvironment(LocalServingSettings.defaults());

    ShadowSession first = start();
    ShadowSession second = start();
    activities.stopShadow(new StopShadowRequest(RUN, "ab_test"));
    activities.stopShadow(new StopShadowRequest(RUN, "ab_test"));
    activities.stopShadow(new StopShadowRequest(RUN, "never-started"));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void aTrafficSplitOutOfRangeFailsWithoutRetryNamingTheNode() {
    startEnvironment(LocalServingSettings.defaults());

    assertThatThrownBy(
            () ->
                activities.startShadow(
                    new StartShadowRequest(RUN, "ab_test", candidateUri, datasetUri, 1.5, CONFIG)))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage()).contains("node 'ab_test'", "traffic_split");
            });
  }
}
