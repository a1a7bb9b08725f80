package io.osop.temporal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowOptions;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InterpreterHistoryOverheadTest {

  private final FakeActivities fakes = new FakeActivities();
  private PipelineTestEnvironment env;

  @BeforeEach
  void startEnvironment() {
    env = new PipelineTestEnvironment(fakes);
    env.worker.registerWorkflowImplementationTypes(HandWrittenWorkflows.SeedImpl.class);
    env.start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  private Map<EventType, Long> eventsByType(String workflowId) {
    Map<EventType, Long> counts = new TreeMap<>();
    env.history(workflowId)
        .getEvents()
        .forEach(event -> counts.merge(event.getEventType(), 1L, Long::sum));
    return counts;
  }

  @Test
  void theInterpreterAddsNoHistoryEventsOverAHandWrittenSeedWorkflow() {
    PipelineResult interpreted = env.run("seed-interpreted", PipelineBuilder.seed());
    HandWrittenWorkflows.Seed handWritten =
        env.env
            .getWorkflowClient()
            .newWorkflowStub(
                HandWrittenWorkflows.Seed.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("seed-hand-written")
                    .setTaskQueue(PipelineTestEnvironment.TASK_QUEUE)
                    .build());
    String handWrittenOutcome = handWritten.run();

    assertThat(interpreted.outcome()).isEqualTo(Outcome.PROMOTED);
    assertThat(handWrittenOutcome).isEqualTo("promoted");
    assertThat(eventsByType("seed-interpreted")).isEqualTo(eventsByType("seed-hand-written"));
    assertThat(env.events("seed-interpreted")).isEqualTo(env.events("seed-hand-written"));
  }
}
