package io.osop.temporal.activities.training.kubernetes;

import io.osop.temporal.activities.training.TrainingProgress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects log lines and heartbeats; throws from heartbeat once cancelled, like Temporal. */
final class RecordingProgress implements TrainingProgress {

  final List<String> lines = new CopyOnWriteArrayList<>();
  final List<String> heartbeats = new CopyOnWriteArrayList<>();
  volatile boolean cancelled;

  @Override
  public void log(String line) {
    lines.add(line);
  }

  @Override
  public void heartbeat(String detail) {
    heartbeats.add(detail);
    if (cancelled) {
      throw new IllegalStateException("activity cancelled");
    }
  }
}
