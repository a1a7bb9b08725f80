package io.osop.temporal.pipeline;

import static io.osop.temporal.pipeline.SeedPipelineEndsTest.node;
import static io.osop.temporal.pipeline.SeedPipelineEndsTest.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunFailureTest {

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

  @Test
  void aConditionOverAMissingKeyFailsTheRunNamingNodeEdgeAndExpression() {
    PipelineDefinition missingKey =
        PipelineBuilder.pipeline("missing-key")
            .command("train")
            .command("publish")
            .edge("train", "publish", EdgeMode.CONDITIONAL, "training_metrics.recall > 0.5")
            .build();

    ApplicationFailure failure = env.runFailing("when-missing-key", missingKey);

    assertThat(failure.getType()).isEqualTo(PipelineFailureTypes.CONDITION_FAILED);
    assertThat(failure.getOriginalMessage())
        .contains("Node publish")
        .contains("train -> publish")
        .contains("training_metrics.recall > 0.5")
        .contains("recall");
    PipelineResult result = failure.getDetails().get(PipelineResult.class);
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(statuses(result))
        .containsEntry("train", NodeStatus.SUCCEEDED)
        .containsEntry("publish", NodeStatus.FAILED);
    assertThat(fakes.count("RunCommand publish")).isZero();
    env.recordHistory("when-missing-key", "when-missing-key");
  }

  @Test
  void anUnhandledNodeFailureRunsTheCompensationsAndFailsTheRun() {
    fakes.canaryHealthy = false;

    ApplicationFailure failure = env.runFailing("deploy-unhealthy", PipelineBuilder.seed());

    assertThat(failure.getType()).isEqualTo(PipelineFailureTypes.NODE_FAILED);
    assertThat(failure.getOriginalMessage()).contains("deploy_serving").contains("unhealthy");
    PipelineResult result = failure.getDetails().get(PipelineResult.class);
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(statuses(result))
        .containsEntry("deploy_serving", NodeStatus.FAILED)
        .containsEntry("rollback", NodeStatus.SKIPPED);
    assertThat(fakes.count("RestoreServingRevision deploy_serving")).isEqualTo(1);
    assertThat(fakes.calls).noneMatch(call -> call.startsWith("RestoreRegistryPointer"));
    assertThat(result.compensations())
        .extracting(CompensationRecord::status)
        .containsExactly("DONE", "DONE");
  }

  @Test
  void aFailingCompensationDoesNotStopTheOthersAndEveryErrorIsReported() {
    fakes.failures.put("MoveRegistryPointer models/production/latest", "PointerConflict");
    fakes.failures.put("RestoreRegistryPointer models/production/latest", "RegistryDown");

    ApplicationFailure failure = env.runFailing("compensation-fails", PipelineBuilder.seed());

    assertThat(failure.getType()).isEqualTo(PipelineFailureTypes.NODE_FAILED);
    assertThat(failure.getOriginalMessage())
        .contains("PointerConflict")
        .contains("Compensation failed: deploy_serving: move models/production/latest back")
        .contains("RegistryDown");
    assertThat(fakes.calls)
        .containsSubsequence(
            "MoveRegistryPointer models/production/latest",
            "RestoreRegistryPointer models/production/latest",
            "RestoreServingRevision deploy_serving");
    PipelineResult result = failure.getDetails().get(PipelineResult.class);
    assertThat(result.compensations())
        .extracting(CompensationRecord::nodeId, CompensationRecord::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ab_test", "DONE"),
            org.assertj.core.groups.Tuple.tuple("deploy_serving", "DONE"),
            org.assertj.core.groups.Tuple.tuple("deploy_serving", "FAILED"));
    assertThat(result.errors())
        .anyMatch(error -> error.contains("PointerConflict"))
        .anyMatch(error -> error.contains("RegistryDown"));
    assertThat(node(result, "deploy_serving").detail()).contains("compensated");
    env.recordHistory("compensation-fails", "compensation-fails");
  }

  private static PipelineDefinition deployThenSmokeTest() {
    return PipelineBuilder.pipeline("smoke")
        .node("prepare", Handler.PREPARE_DATA, java.util.Map.of("source", "feature-store://t/v1"))
        .command("train")
        .node("evaluate", Handler.EVALUATE, java.util.Map.of("baseline", "models/churn/latest"))
        .node(
            "deploy",
            Handler.DEPLOY_SERVING,
            java.util.Map.of("endpoint", "models/churn", "canary_percent", 20))
        .command("smoke_test")
        .node("rollback", Handler.ROLLBACK, java.util.Map.of())
        .edge("prepare", "train")
        .edge("train", "evaluate")
        .edge("evaluate", "deploy")
        .edge("deploy", "smoke_test")
        .edge("smoke_test", "rollback", EdgeMode.FALLBACK, null, "Smoke test failed")
        .build();
  }

  @Test
  void aRollbackNodeUndoesTheDeployNewestFirstAfterAHandledFailure() {
    fakes.failures.put("RunCommand smoke_test", "SmokeTestFailed");

    PipelineResult result = env.run("rollback-after-deploy", deployThenSmokeTest());

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(statuses(result))
        .containsEntry("deploy", NodeStatus.COMPENSATED)
        .containsEntry("smoke_test", NodeStatus.FAILED)
        .containsEntry("rollback", NodeStatus.SUCCEEDED);
    assertThat(fakes.calls)
        .containsSubsequence(
            "MoveRegistryPointer models/churn/latest",
            "RunCommand smoke_test",
            "RestoreRegistryPointer models/churn/latest",
            "RestoreServingRevision deploy");
    assertThat(node(result, "rollback").outputs().get("rolled_back"))
        .asList()
        .containsExactly(
            "deploy: move models/churn/latest back (undone by rollback)",
            "deploy: restore the serving revision of models/churn (undone by rollback)");
    assertThat(node(result, "rollback").outputs().get("rollback_reason"))
        .asString()
        .startsWith("Smoke test failed");
  }

  @Test
  void cancellingAfterTheDeployRunsItsCompensationsNewestFirstAndEndsCancelled() {
    fakes.commandMillis.put("smoke_test", 3000L);
    env.startRun("cancel-after-deploy", deployThenSmokeTest());
    env.awaitStatus(
        "cancel-after-deploy",
        status ->
            status.nodes().stream()
                .anyMatch(
                    node ->
                        node.nodeId().equals("smoke_test") && node.status() == NodeStatus.RUNNING));

    io.temporal.client.WorkflowStub.fromTyped(env.existing("cancel-after-deploy")).cancel();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.result("cancel-after-deploy"))
        .hasCauseInstanceOf(io.temporal.failure.CanceledFailure.class);
    PipelineResult status = env.existing("cancel-after-deploy").status();
    assertThat(status.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(statuses(status))
        .containsEntry("deploy", NodeStatus.COMPENSATED)
        .containsEntry("smoke_test", NodeStatus.FAILED)
        .containsEntry("rollback", NodeStatus.SKIPPED);
    assertThat(fakes.calls)
        .containsSubsequence(
            "RestoreRegistryPointer models/churn/latest", "RestoreServingRevision deploy");
    assertThat(status.compensations())
        .extracting(CompensationRecord::status)
        .containsExactly("DONE", "DONE");
    env.recordHistory("cancel-after-deploy", "cancel-after-deploy");
  }

  @Test
  void aRollbackNodeWhoseCompensationFailsRunsTheRestAndFailsWithEveryError() {
    fakes.failures.put("RunCommand smoke_test", "SmokeTestFailed");
    fakes.failures.put("RestoreRegistryPointer models/churn/latest", "RegistryDown");

    ApplicationFailure failure = env.runFailing("rollback-fails", deployThenSmokeTest());

    assertThat(failure.getType()).isEqualTo(PipelineFailureTypes.NODE_FAILED);
    assertThat(failure.getOriginalMessage())
        .contains("Node rollback")
        .contains(PipelineFailureTypes.COMPENSATION_FAILED)
        .contains("RegistryDown");
    assertThat(fakes.count("RestoreServingRevision deploy")).isEqualTo(1);
    assertThat(fakes.count("RestoreRegistryPointer models/churn/latest")).isEqualTo(1);
    PipelineResult result = failure.getDetails().get(PipelineResult.class);
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.errors()).anyMatch(error -> error.contains("RegistryDown"));
    env.recordHistory("rollback-fails", "rollback-fails");
  }

  @Test
  void aShadowNodeThatCannotStopMirroringFailsAndTheUnwindingTriesAgain() {
    fakes.failures.put("StopShadowTraffic ab_test", "MirrorStuck");
    fakes.verdictWithoutDecision = "loser";

    ApplicationFailure failure = env.runFailing("shadow-stop-fails", PipelineBuilder.seed());

    // The A/B node cannot stop mirroring, so it fails; the run's unwinding tries the stop again.
    assertThat(failure.getType()).isEqualTo(PipelineFailureTypes.NODE_FAILED);
    assertThat(failure.getOriginalMessage())
        .contains("ab_test")
        .contains("Compensation failed: ab_test: stop shadow traffic");
    assertThat(fakes.count("StopShadowTraffic ab_test")).isEqualTo(2);
  }

  @Test
  void aCycleThatCanNeverStartFailsTheRun() {
    PipelineDefinition cycle =
        PipelineBuilder.pipeline("cycle")
            .command("a")
            .command("b")
            .command("c")
            .edge("a", "b")
            .edge("b", "c")
            .edge("c", "b")
            .build();

    ApplicationFailure failure = env.runFailing("cycle", cycle);

    assertThat(failure.getType()).isEqualTo(PipelineFailureTypes.GRAPH_STUCK);
    assertThat(failure.getOriginalMessage()).contains("b, c");
  }
}
