package io.osop.temporal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SeedPipelineEndsTest {

  private final FakeActivities fakes = new FakeActivities();
  private PipelineTestEnvironment env;

  @BeforeEach
  void startEnvironment() {
    env = new PipelineTestEnvironment(fakes).start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  static Map<String, NodeStatus> statuses(PipelineResult result) {
    return result.nodes().stream()
        .collect(
            Collectors.toMap(
                NodeState::nodeId, NodeState::status, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  static NodeState node(PipelineResult result, String nodeId) {
    return result.nodes().stream()
        .filter(node -> node.nodeId().equals(nodeId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aCandidateThatBeatsBaselineAndWinsTheAbTestIsPromoted() {
    PipelineResult result = env.run("seed-promoted", PipelineBuilder.seed());

    assertThat(result.outcome()).isEqualTo(Outcome.PROMOTED);
    assertThat(statuses(result))
        .containsExactly(
            Map.entry("prepare_data", NodeStatus.SUCCEEDED),
            Map.entry("train_model", NodeStatus.SUCCEEDED),
            Map.entry("evaluate", NodeStatus.SUCCEEDED),
            Map.entry("ab_test", NodeStatus.SUCCEEDED),
            Map.entry("deploy_serving", NodeStatus.SUCCEEDED),
            Map.entry("rollback", NodeStatus.SKIPPED));
    assertThat(fakes.count("CheckShadowMetrics")).isEqualTo(24);
    assertThat(node(result, "ab_test").outputs())
        .containsEntry("ab_result", "winner")
        .containsEntry("ab_checks", 24);
    assertThat(node(result, "deploy_serving").outputs())
        .containsEntry("model_version", "v-seed-promoted")
        .containsEntry("canary_revision", "rev-v-seed-promoted")
        .containsEntry("previous_revision", "rev-1");
    assertThat(fakes.calls)
        .containsSubsequence(
            "PrepareData prepare_data",
            "RunCommand train_model",
            "Evaluate evaluate",
            "StartShadowTraffic ab_test",
            "AnalyzeShadowTest",
            "StopShadowTraffic ab_test",
            "RegisterModel deploy_serving",
            "DeployCanary deploy_serving",
            "CheckServingHealth",
            "PromoteCanary",
            "MoveRegistryPointer models/production/latest");
    assertThat(fakes.calls).noneMatch(call -> call.startsWith("Restore"));
    assertThat(fakes.canaryDatasetUri)
        .as("the canary's health probes read the run's held-out rows")
        .isEqualTo("file:///data/seed-promoted/prepare_data");
    assertThat(result.compensations())
        .extracting(CompensationRecord::status)
        .containsExactly("DONE", "REGISTERED", "REGISTERED");
    assertThat(node(result, "rollback").detail()).contains("ab_result == 'loser'");
    assertThat(result.finishedAtMillis() - result.startedAtMillis())
        .isGreaterThanOrEqualTo(24 * 3_600_000L);
    assertThat(summaries("seed-promoted"))
        .contains(
            "EVENT_TYPE_TIMER_STARTED \"ab_test: A/B check 1 at 1.0 h of 24.0 h\"",
            "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED \"deploy_serving: canary v-seed-promoted at 5%\"");
    env.recordHistory("seed-promoted", "seed-promoted");
  }

  /** The summaries the Web UI shows for timers and activities, as "event type, summary". */
  private List<String> summaries(String workflowId) {
    return env.history(workflowId).getEvents().stream()
        .filter(event -> event.getUserMetadata().hasSummary())
        .map(
            event ->
                event.getEventType()
                    + " "
                    + event.getUserMetadata().getSummary().getData().toStringUtf8())
        .toList();
  }

  @Test
  void aCandidateBelowBaselineIsRejectedBeforeReachingTraffic() {
    fakes.candidateAccuracy = 0.80;

    PipelineResult result = env.run("seed-rejected", PipelineBuilder.seed());

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(statuses(result))
        .containsExactly(
            Map.entry("prepare_data", NodeStatus.SUCCEEDED),
            Map.entry("train_model", NodeStatus.SUCCEEDED),
            Map.entry("evaluate", NodeStatus.SUCCEEDED),
            Map.entry("ab_test", NodeStatus.SKIPPED),
            Map.entry("deploy_serving", NodeStatus.SKIPPED),
            Map.entry("rollback", NodeStatus.SUCCEEDED));
    assertThat(node(result, "rollback").outputs())
        .containsEntry("rolled_back", List.of())
        .containsEntry(
            "rollback_reason", "Below baseline — abort (metrics.accuracy <= baseline.accuracy)");
    assertThat(node(result, "deploy_serving").detail()).contains("ab_test was skipped");
    assertThat(fakes.calls).noneMatch(call -> call.startsWith("StartShadowTraffic"));
    assertThat(result.reason()).contains("Below baseline");
    env.recordHistory("seed-rejected", "seed-rejected");
  }

  @Test
  void anAbTestLoserIsRolledBackAfterItReachedShadowTraffic() {
    fakes.verdictWithoutDecision = "loser";

    PipelineResult result = env.run("seed-ab-loser", PipelineBuilder.seed());

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(statuses(result))
        .containsEntry("ab_test", NodeStatus.SUCCEEDED)
        .containsEntry("deploy_serving", NodeStatus.SKIPPED)
        .containsEntry("rollback", NodeStatus.SUCCEEDED);
    assertThat(node(result, "rollback").outputs())
        .containsEntry("rolled_back", List.of("ab_test: stop shadow traffic (stopped by ab_test)"))
        .containsEntry("rollback_reason", "A/B test failed (ab_result == 'loser')");
    assertThat(fakes.count("StopShadowTraffic ab_test")).isEqualTo(1);
    assertThat(fakes.calls).noneMatch(call -> call.startsWith("DeployCanary"));
    env.recordHistory("seed-ab-loser", "seed-ab-loser");
  }
}
