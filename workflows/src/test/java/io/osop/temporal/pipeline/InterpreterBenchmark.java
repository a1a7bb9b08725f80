package io.osop.temporal.pipeline;

import io.temporal.client.WorkflowOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the interpreter against hand-written workflows making the same calls: the seed graph, a
 * 200-node chain and a 100-wide fan-out, with no-op activities, in one process on the time-skipping
 * test server. It reports and asserts nothing about time; run it with {@code ./mvnw -pl workflows
 * -am test -Dgroups=benchmark -DexcludedGroups=none -Dtest=InterpreterBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. The table goes to the log and to {@code
 * workflows/target/benchmark/interpreter.md}.
 */
@Tag("benchmark")
class InterpreterBenchmark {

  private static final Logger log = LoggerFactory.getLogger(InterpreterBenchmark.class);
  private static final int WARM_UP_RUNS = 2;
  private static final int MEASURED_RUNS = 5;

  private int sequence;

  @Test
  void compareInterpreterWithHandWrittenWorkflows() throws IOException {
    List<String> rows = new ArrayList<>();
    try (PipelineTestEnvironment env = new PipelineTestEnvironment(new FakeActivities())) {
      env.worker.registerWorkflowImplementationTypes(
          HandWrittenWorkflows.SeedImpl.class,
          HandWrittenWorkflows.ChainImpl.class,
          HandWrittenWorkflows.FanOutImpl.class);
      env.start();

      rows.add(
          compare(
              env,
              "seed graph (6 nodes, 24 h A/B window)",
              6,
              PipelineBuilder.seed(),
              id -> stub(env, HandWrittenWorkflows.Seed.class, id).run()));
      rows.add(
          compare(
              env,
              "chain of 200 run-command nodes",
              200,
              chain(200),
              id -> stub(env, HandWrittenWorkflows.Chain.class, id).run(200)));
      rows.add(
          compare(
              env,
              "fan-out of 100 (+ start and join)",
              102,
              fanOut(100),
              id -> stub(env, HandWrittenWorkflows.FanOut.class, id).run(100)));
    }

    StringBuilder table = new StringBuilder();
    table.append(
        "| graph | interpreter ms/run | hand-written ms/run | ratio | events/node interpreter |"
            + " events/node hand-written |\n|---|---|---|---|---|---|\n");
    rows.forEach(row -> table.append(row).append('\n'));
    Path report = Path.of("target", "benchmark", "interpreter.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, table.toString());
    log.info("Interpreter benchmark ({} measured runs each, means):\n{}", MEASURED_RUNS, table);
  }

  private interface Runner {
    void run(String workflowId);
  }

  private String compare(
      PipelineTestEnvironment env,
      String name,
      int nodes,
      PipelineDefinition definition,
      Runner handWritten) {
    Runner interpreted = id -> env.run(id, definition);
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      interpreted.run(nextId("warm-i"));
      handWritten.run(nextId("warm-h"));
    }
    long interpreterNanos = 0;
    long handWrittenNanos = 0;
    String lastInterpreted = null;
    String lastHandWritten = null;
    for (int i = 0; i < MEASURED_RUNS; i++) {
      lastInterpreted = nextId("interpreted");
      interpreterNanos += timed(lastInterpreted, interpreted);
      lastHandWritten = nextId("hand-written");
      handWrittenNanos += timed(lastHandWritten, handWritten);
    }
    double interpreterMillis = interpreterNanos / 1e6 / MEASURED_RUNS;
    double handWrittenMillis = handWrittenNanos / 1e6 / MEASURED_RUNS;
    return String.format(
        Locale.ROOT,
        "| %s | %.0f | %.0f | %.2f | %.1f | %.1f |",
        name,
        interpreterMillis,
        handWrittenMillis,
        interpreterMillis / handWrittenMillis,
        env.events(lastInterpreted) / (double) nodes,
        env.events(lastHandWritten) / (double) nodes);
  }

  private static long timed(String workflowId, Runner runner) {
    long start = System.nanoTime();
    runner.run(workflowId);
    return System.nanoTime() - start;
  }

  private String nextId(String prefix) {
    return prefix + "-" + (++sequence);
  }

  private static <T> T stub(PipelineTestEnvironment env, Class<T> type, String workflowId) {
    return env.env
        .getWorkflowClient()
        .newWorkflowStub(
            type,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(PipelineTestEnvironment.TASK_QUEUE)
                .build());
  }

  private static PipelineDefinition chain(int length) {
    PipelineBuilder builder = PipelineBuilder.pipeline("chain");
    for (int i = 0; i < length; i++) {
      builder.command("n" + i);
      if (i > 0) {
        builder.edge("n" + (i - 1), "n" + i);
      }
    }
    return builder.build();
  }

  private static PipelineDefinition fanOut(int width) {
    PipelineBuilder builder = PipelineBuilder.pipeline("fan-out").command("start");
    for (int i = 0; i < width; i++) {
      builder.command("b" + i);
    }
    builder.command("join");
    for (int i = 0; i < width; i++) {
      builder.edge("start", "b" + i, EdgeMode.PARALLEL, null);
      builder.edge("b" + i, "join", EdgeMode.PARALLEL, null);
    }
    return builder.build();
  }
}
