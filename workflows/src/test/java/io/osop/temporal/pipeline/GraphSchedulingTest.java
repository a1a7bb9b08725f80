package io.osop.temporal.pipeline;

import static io.osop.temporal.pipeline.SeedPipelineEndsTest.node;
import static io.osop.temporal.pipeline.SeedPipelineEndsTest.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphSchedulingTest {

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

  /** The node ids of the run's activity calls, in the order the workflow scheduled them. */
  private List<String> scheduledNodes(String workflowId) {
    return env.history(workflowId).getEvents().stream()
        .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .map(event -> event.getActivityTaskScheduledEventAttributes().getInput().getPayloads(0))
        .map(payload -> payload.getData().toStringUtf8())
        .map(json -> json.replaceAll(".*\"nodeId\":\"([^\"]+)\".*", "$1"))
        .toList();
  }

  @Test
  void aDiamondWithOneBranchSkippedRunsTheJoinOnce() {
    PipelineDefinition diamond =
        PipelineBuilder.pipeline("diamond")
            .command("start")
            .command("left")
            .command("right")
            .command("join")
            .edge("start", "left", EdgeMode.CONDITIONAL, "training_metrics.loss > 1.0")
            .edge("start", "right", EdgeMode.CONDITIONAL, "training_metrics.loss <= 1.0")
            .edge("left", "join")
            .edge("right", "join")
            .build();

    PipelineResult result = env.run("diamond-skipped", diamond);

    assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(statuses(result))
        .containsExactly(
            Map.entry("start", NodeStatus.SUCCEEDED),
            Map.entry("left", NodeStatus.SKIPPED),
            Map.entry("right", NodeStatus.SUCCEEDED),
            Map.entry("join", NodeStatus.SUCCEEDED));
    assertThat(fakes.count("RunCommand join")).isEqualTo(1);
    assertThat(node(result, "left").detail()).contains("`training_metrics.loss > 1.0` is false");
    env.recordHistory("diamond-skipped", "diamond-skipped");
  }

  @Test
  void parallelBranchesStartTogetherInFileOrderAndWaitAllJoinsAfterBoth() {
    fakes.commandMillis.put("slow", 300L);
    PipelineDefinition fanOut =
        PipelineBuilder.pipeline("wait-all")
            .command("start")
            .command("slow")
            .command("fast")
            .command("join")
            .edge("start", "slow", EdgeMode.PARALLEL, null)
            .edge("start", "fast", EdgeMode.PARALLEL, null)
            .edge("slow", "join", EdgeMode.PARALLEL, null)
            .edge("fast", "join", EdgeMode.PARALLEL, null)
            .build();

    PipelineResult result = env.run("join-wait-all", fanOut);

    assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(fakes.indexOf("RunCommand join"))
        .isGreaterThan(fakes.indexOf("RunCommand slow done"));
    assertThat(node(result, "slow").startedAtMillis())
        .isEqualTo(node(result, "fast").startedAtMillis());
    assertThat(scheduledNodes("join-wait-all")).containsExactly("start", "slow", "fast", "join");
    assertThat(fakes.count("RunCommand join")).isEqualTo(1);
  }

  @Test
  void aWaitAnyJoinStartsWhenTheFirstBranchArrivesAndRunsOnce() {
    fakes.commandMillis.put("slow", 1500L);
    PipelineDefinition race =
        PipelineBuilder.pipeline("wait-any")
            .command("start")
            .command("slow")
            .command("fast")
            .command("join")
            .join("join", JoinMode.WAIT_ANY, 0)
            .edge("start", "slow", EdgeMode.PARALLEL, null)
            .edge("start", "fast", EdgeMode.PARALLEL, null)
            .edge("slow", "join", EdgeMode.PARALLEL, null)
            .edge("fast", "join", EdgeMode.PARALLEL, null)
            .build();

    PipelineResult result = env.run("join-wait-any", race);

    assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(fakes.indexOf("RunCommand join")).isLessThan(fakes.indexOf("RunCommand slow done"));
    assertThat(fakes.count("RunCommand join")).isEqualTo(1);
    assertThat(statuses(result)).containsEntry("slow", NodeStatus.SUCCEEDED);
    env.recordHistory("join-wait-any", "join-wait-any");
  }

  @Test
  void aWaitNJoinStartsWhenNBranchesArrive() {
    fakes.commandMillis.put("slow", 1500L);
    PipelineDefinition quorum =
        PipelineBuilder.pipeline("wait-n")
            .command("dispatch")
            .command("a")
            .command("slow")
            .command("b")
            .command("merge")
            .join("merge", JoinMode.WAIT_N, 2)
            .edge("dispatch", "a", EdgeMode.PARALLEL, null)
            .edge("dispatch", "slow", EdgeMode.PARALLEL, null)
            .edge("dispatch", "b", EdgeMode.PARALLEL, null)
            .edge("a", "merge", EdgeMode.PARALLEL, null)
            .edge("slow", "merge", EdgeMode.PARALLEL, null)
            .edge("b", "merge", EdgeMode.PARALLEL, null)
            .build();

    PipelineResult result = env.run("join-wait-n", quorum);

    assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(fakes.indexOf("RunCommand merge")).isLessThan(fakes.indexOf("RunCommand slow done"));
    assertThat(fakes.count("RunCommand merge")).isEqualTo(1);
  }

  @Test
  void aWaitNJoinThatCanNeverGetNBranchesIsSkipped() {
    PipelineDefinition quorum =
        PipelineBuilder.pipeline("wait-n-unmet")
            .command("dispatch")
            .command("a")
            .command("b")
            .command("merge")
            .command("after")
            .join("merge", JoinMode.WAIT_N, 2)
            .edge("dispatch", "a", EdgeMode.PARALLEL, null)
            .edge("dispatch", "b", EdgeMode.CONDITIONAL, "exit_code != 0")
            .edge("a", "merge", EdgeMode.PARALLEL, null)
            .edge("b", "merge", EdgeMode.PARALLEL, null)
            .edge("merge", "after")
            .build();

    PipelineResult result = env.run("join-wait-n-unmet", quorum);

    assertThat(statuses(result))
        .containsEntry("a", NodeStatus.SUCCEEDED)
        .containsEntry("b", NodeStatus.SKIPPED)
        .containsEntry("merge", NodeStatus.SKIPPED)
        .containsEntry("after", NodeStatus.SKIPPED);
    assertThat(node(result, "merge").detail()).contains("only 1 of the 2");
  }

  @Test
  void aFallbackEdgeRunsWhenItsSourceFailedAfterRetriesAndTheRunGoesOn() {
    fakes.failures.put("RunCommand train_gpu", "OutOfMemory");
    PipelineDefinition fallback =
        PipelineBuilder.pipeline("fallback")
            .node("prepare", Handler.PREPARE_DATA, Map.of("source", "feature-store://t/v1"))
            .command("train_gpu")
            .command("train_cpu")
            .node("evaluate", Handler.EVALUATE, Map.of())
            .edge("prepare", "train_gpu")
            .edge("train_gpu", "train_cpu", EdgeMode.FALLBACK, null, "GPU training failed")
            .edge("train_gpu", "evaluate")
            .edge("train_cpu", "evaluate")
            .build();

    PipelineResult result = env.run("fallback-edge", fallback);

    assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(statuses(result))
        .containsEntry("train_gpu", NodeStatus.FAILED)
        .containsEntry("train_cpu", NodeStatus.SUCCEEDED)
        .containsEntry("evaluate", NodeStatus.SUCCEEDED);
    assertThat(node(result, "train_gpu").detail()).contains("OutOfMemory");
    assertThat(result.errors()).anyMatch(error -> error.contains("train_gpu"));
    env.recordHistory("fallback-edge", "fallback-edge");
  }

  @Test
  void errorEdgesAreFilteredByWhenOverTheError() {
    fakes.failures.put("RunCommand train", "OutOfMemory");
    PipelineDefinition errors =
        PipelineBuilder.pipeline("error-edges")
            .command("train")
            .command("shrink_batch")
            .command("page_oncall")
            .edge("train", "shrink_batch", EdgeMode.ERROR, "error.type == 'OutOfMemory'")
            .edge("train", "page_oncall", EdgeMode.ERROR, "error.type != 'OutOfMemory'")
            .build();

    PipelineResult result = env.run("error-edge", errors);

    assertThat(statuses(result))
        .containsExactly(
            Map.entry("train", NodeStatus.FAILED),
            Map.entry("shrink_batch", NodeStatus.SUCCEEDED),
            Map.entry("page_oncall", NodeStatus.SKIPPED));
    env.recordHistory("error-edge", "error-edge");
  }

  @Test
  void aTimeoutEdgeRunsOnlyWhenTheSourceTimedOut() {
    fakes.commandMillis.put("train", 4000L);
    PipelineDefinition timeouts =
        PipelineBuilder.pipeline("timeout-edges")
            .command("train")
            .timeout("train", 1)
            .retry("train", 1)
            .command("smaller_model")
            .edge("train", "smaller_model", EdgeMode.TIMEOUT, null)
            .build();

    PipelineResult result = env.run("timeout-edge", timeouts);

    assertThat(statuses(result))
        .containsEntry("train", NodeStatus.FAILED)
        .containsEntry("smaller_model", NodeStatus.SUCCEEDED);
    assertThat(node(result, "train").detail()).contains("timed out");
  }

  @Test
  void conditionsReadRunParametersMetadataAndNodeOutputsById() {
    fakes.trainingMetrics.put("train", Map.of("loss", 0.1, "epochs", 12));
    PipelineDefinition gated =
        PipelineBuilder.pipeline("scope")
            .command("train")
            .command("publish")
            .command("investigate")
            .edge(
                "train",
                "publish",
                EdgeMode.CONDITIONAL,
                "inputs.owner == 'tests' && metadata.workflow_id == 'condition-scope'"
                    + " && outputs.train.training_metrics.epochs == 12 && attempt == 1")
            .edge("train", "investigate", EdgeMode.CONDITIONAL, "training_metrics.loss > 0.5")
            .build();

    PipelineResult result = env.run("condition-scope", gated);

    assertThat(statuses(result))
        .containsEntry("publish", NodeStatus.SUCCEEDED)
        .containsEntry("investigate", NodeStatus.SKIPPED);
  }

  @Test
  void aNodeRetriesOnItsOwnWithoutRestartingThePipeline() {
    fakes.failFirstAttempt.put("train", true);
    PipelineDefinition chain =
        PipelineBuilder.pipeline("retry")
            .command("prepare")
            .command("train")
            .retry("train", 3)
            .edge("prepare", "train")
            .build();

    PipelineResult result = env.run("node-retry", chain);

    assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(fakes.count("RunCommand prepare")).isEqualTo(1);
    assertThat(fakes.count("RunCommand train")).isEqualTo(2);
    assertThat(node(result, "train").attempts()).isEqualTo(2);
  }
}
