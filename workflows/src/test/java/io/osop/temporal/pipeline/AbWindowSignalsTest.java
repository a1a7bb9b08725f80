package io.osop.temporal.pipeline;

import static io.osop.temporal.pipeline.SeedPipelineEndsTest.node;
import static io.osop.temporal.pipeline.SeedPipelineEndsTest.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AbWindowSignalsTest {

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

  /** Starts the seed and lets the A/B window run for the given hours of skipped time. */
  private PipelineWorkflow seedInWindow(String workflowId, int hours) {
    PipelineWorkflow run = env.startRun(workflowId, PipelineBuilder.seed());
    env.env.sleep(Duration.ofHours(hours).plusMinutes(30));
    return run;
  }

  @Test
  void statusShowsTheRunningWindowLive() {
    PipelineWorkflow run = seedInWindow("status-live", 3);

    PipelineResult status = run.status();

    assertThat(status.outcome()).isEqualTo(Outcome.RUNNING);
    assertThat(statuses(status))
        .containsEntry("evaluate", NodeStatus.SUCCEEDED)
        .containsEntry("ab_test", NodeStatus.RUNNING)
        .containsEntry("deploy_serving", NodeStatus.PENDING);
    assertThat(node(status, "ab_test").detail()).contains("A/B window 3.0 of 24.0 h, 3 checks");
    assertThat(status.abWindow().checks()).isEqualTo(3);
    assertThat(status.abWindow().totalHours()).isEqualTo(24.0);
    assertThat(status.abWindow().lastCheck()).startsWith("check 3:");
    assertThat(status.compensations())
        .extracting(CompensationRecord::status)
        .containsExactly("REGISTERED");
    run.approve("looks good");
    env.result("status-live");
  }

  @Test
  void approveEndsTheWindowAtOnceWithAWinner() {
    PipelineWorkflow run = seedInWindow("ab-approve", 5);

    run.approve("metrics are clearly better");
    PipelineResult result = env.result("ab-approve");

    assertThat(result.outcome()).isEqualTo(Outcome.PROMOTED);
    assertThat(fakes.analysedDecision).isEqualTo("approve");
    assertThat(fakes.count("CheckShadowMetrics")).isEqualTo(5);
    assertThat(result.abWindow().decision()).isEqualTo("approve: metrics are clearly better");
    assertThat(result.finishedAtMillis() - node(result, "ab_test").startedAtMillis())
        .isLessThan(Duration.ofHours(6).toMillis());
    env.recordHistory("ab-approve", "ab-approve");
  }

  @Test
  void rejectEndsTheWindowAtOnceAndRollsBack() {
    PipelineWorkflow run = seedInWindow("ab-reject", 2);

    run.reject("complaints from support");
    PipelineResult result = env.result("ab-reject");

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(fakes.analysedDecision).isEqualTo("reject");
    assertThat(fakes.count("CheckShadowMetrics")).isEqualTo(2);
    assertThat(node(result, "ab_test").outputs()).containsEntry("ab_result", "loser");
    assertThat(statuses(result)).containsEntry("rollback", NodeStatus.SUCCEEDED);
    assertThat(fakes.count("StopShadowTraffic ab_test")).isEqualTo(1);
    env.recordHistory("ab-reject", "ab-reject");
  }

  @Test
  void extendLengthensTheWindow() {
    PipelineWorkflow run = seedInWindow("ab-extend", 20);

    run.extend(12);
    PipelineResult result = env.result("ab-extend");

    assertThat(result.outcome()).isEqualTo(Outcome.PROMOTED);
    assertThat(fakes.count("CheckShadowMetrics")).isEqualTo(36);
    assertThat(result.abWindow().totalHours()).isEqualTo(36.0);
    assertThat(result.abWindow().elapsedHours()).isEqualTo(36.0);
    env.recordHistory("ab-extend", "ab-extend");
  }

  @Test
  void aBreachedGuardrailEndsTheWindowEarlyWithALoser() {
    fakes.guardrailBreachAt = 3;

    PipelineResult result = env.run("ab-guardrail", PipelineBuilder.seed());

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(fakes.count("CheckShadowMetrics")).isEqualTo(3);
    assertThat(fakes.analysedDecision).isEqualTo("guardrail");
    assertThat(result.abWindow().decision()).contains("guardrail: candidate p99 latency");
    assertThat(node(result, "ab_test").outputs()).containsEntry("ab_checks", 3);
    env.recordHistory("ab-guardrail", "ab-guardrail");
  }

  @Test
  void cancellingDuringTheWindowStopsMirroringRunsTheCompensationsAndEndsCancelled() {
    PipelineWorkflow run = seedInWindow("ab-cancelled", 6);

    WorkflowStub.fromTyped(run).cancel();

    assertThatThrownBy(() -> env.result("ab-cancelled"))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    PipelineResult status = env.existing("ab-cancelled").status();
    assertThat(status.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(statuses(status))
        .containsEntry("ab_test", NodeStatus.FAILED)
        .containsEntry("deploy_serving", NodeStatus.SKIPPED)
        .containsEntry("rollback", NodeStatus.SKIPPED);
    assertThat(fakes.count("StopShadowTraffic ab_test")).isEqualTo(1);
    assertThat(fakes.calls).noneMatch(call -> call.startsWith("AnalyzeShadowTest"));
    assertThat(status.compensations())
        .extracting(CompensationRecord::status)
        .containsExactly("DONE");
    env.recordHistory("ab-cancelled", "ab-cancelled");
  }
}
