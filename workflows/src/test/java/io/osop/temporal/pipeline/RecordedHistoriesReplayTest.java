package io.osop.temporal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the recorded histories under {@code src/test/resources/histories/} against the current
 * interpreter, so that a change that breaks determinism for runs already in flight fails the build.
 * Regenerate them only for an intended, versioned change: {@code ./mvnw -pl workflows -am test
 * -Dosop.recordHistories=true}.
 */
class RecordedHistoriesReplayTest {

  private static final Path HISTORIES = Path.of("src", "test", "resources", "histories");

  private static TestWorkflowEnvironment env;
  private static Worker worker;

  @BeforeAll
  static void createReplayWorker() {
    env = TestWorkflowEnvironment.newInstance();
    worker = env.newWorker("replay");
    worker.registerWorkflowImplementationFactory(
        PipelineWorkflow.class,
        () -> new PipelineWorkflowImpl(PipelineTestEnvironment.TEST_DEFAULTS));
  }

  @AfterAll
  static void closeEnvironment() {
    env.close();
  }

  static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      List<Path> histories =
          files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
      assertThat(histories).as("recorded histories in " + HISTORIES).hasSizeGreaterThan(10);
      return histories;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void theInterpreterReplaysARecordedRun(Path history) throws IOException {
    WorkflowExecutionHistory recorded =
        WorkflowExecutionHistory.fromJson(Files.readString(history));

    assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(recorded, worker))
        .doesNotThrowAnyException();
  }
}
