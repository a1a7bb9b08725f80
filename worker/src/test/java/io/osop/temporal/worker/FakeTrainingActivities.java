package io.osop.temporal.worker;

import io.osop.temporal.pipeline.activity.TrainingActivities;
import io.temporal.activity.Activity;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Training activities that only sleep, counting how many run at once. */
final class FakeTrainingActivities implements TrainingActivities {
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();

  @Override
  public CommandResult runCommand(RunCommandRequest request) {
    calls.incrementAndGet();
    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    } finally {
      running.decrementAndGet();
    }
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    return new CommandResult(0, "file:///model.onnx", "file:///log", 300, attempt, Map.of());
  }
}
