package io.osop.temporal.activities.training;

import java.util.Map;

/**
 * Runs a node's command somewhere (a local process, a Kubernetes Job) and waits for it. Retries
 * belong to Temporal: one call is one attempt, and a call for an attempt that already runs adopts
 * it rather than starting it twice.
 */
public interface TrainingExecutor {

  /**
   * Runs the job to its end. Calls {@code progress.heartbeat} regularly; when that throws (the
   * activity was cancelled) the executor stops the job and everything it started, then rethrows.
   */
  TrainingOutcome run(TrainingJob job, TrainingProgress progress) throws InterruptedException;

  /**
   * One attempt of a command.
   *
   * @param name a deterministic name from workflow id, node id and attempt
   * @param command the command line as written
   * @param workingDirectory the pipeline file's folder (local runs start there)
   * @param env environment variables, data and model locations among them
   * @param resources the node's resources (gpu, memory, cpu), may be empty
   * @param labels labels linking the job to its run
   */
  record TrainingJob(
      String name,
      String command,
      String workingDirectory,
      Map<String, String> env,
      Map<String, Object> resources,
      Map<String, String> labels) {}

  /**
   * @param exitCode the command's exit code
   * @param log the command's whole log (stdout and stderr interleaved)
   * @param durationMillis how long it ran
   */
  record TrainingOutcome(int exitCode, String log, long durationMillis) {}
}
