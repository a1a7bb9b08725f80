package io.osop.temporal.activities.training;

/** Receives a running job's log lines and reports liveness to Temporal. */
public interface TrainingProgress {

  /** One line the job printed. */
  void log(String line);

  /** Records liveness; throws when the activity has been cancelled or timed out. */
  void heartbeat(String detail);
}
