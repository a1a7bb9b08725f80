package io.osop.temporal.pipeline.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Map;

/** Side effects of the run-command handler: a training (or any) command on an executor. */
@ActivityInterface
public interface TrainingActivities {

  /** Runs the node's command to completion, heartbeating, and returns where its model lies. */
  @ActivityMethod(name = "RunCommand")
  CommandResult runCommand(RunCommandRequest request);

  /**
   * @param run the run
   * @param nodeId the command node
   * @param command the command line as written in the file
   * @param resources the node's {@code resources} (gpu, memory, cpu), may be empty
   * @param datasetUri the upstream dataset folder, or null when there is none
   * @param env extra environment variables from the node's config
   */
  record RunCommandRequest(
      RunRef run,
      String nodeId,
      String command,
      Map<String, Object> resources,
      String datasetUri,
      Map<String, String> env) {}

  /**
   * @param exitCode the command's exit code (0: it succeeded)
   * @param modelUri the model the command wrote, or null when it wrote none
   * @param logUri where the command's full log is kept
   * @param durationMillis how long the command ran
   * @param attempt the activity attempt that produced this result
   * @param metrics training metrics the command reported, may be empty
   */
  record CommandResult(
      int exitCode,
      String modelUri,
      String logUri,
      long durationMillis,
      int attempt,
      Map<String, Object> metrics) {}
}
