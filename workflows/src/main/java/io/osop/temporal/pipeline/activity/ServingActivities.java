package io.osop.temporal.pipeline.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Side effects of the deploy-serving handler on a serving endpoint. The revision live before a
 * run's canary is recorded by the backend under the run's name, so restoring needs only the run.
 */
@ActivityInterface
public interface ServingActivities {

  /** Deploys the candidate beside the live revision with a share of traffic. */
  @ActivityMethod(name = "DeployCanary")
  CanaryRollout deployCanary(DeployCanaryRequest request);

  /** Checks the canary's health: readiness, errors and latency on its traffic. */
  @ActivityMethod(name = "CheckServingHealth")
  ServingHealth checkHealth(CanaryRollout rollout);

  /** Sends all traffic to the canary revision. */
  @ActivityMethod(name = "PromoteCanary")
  void promote(CanaryRollout rollout);

  /** Restores the revision that served before this run's canary; harmless if there was none. */
  @ActivityMethod(name = "RestoreServingRevision")
  void restore(RestoreRevisionRequest request);

  /**
   * @param run the run
   * @param nodeId the deploy node
   * @param endpoint the serving endpoint from the node's config
   * @param candidateModelUri the model to deploy
   * @param modelVersion the registry version of the model
   * @param canaryPercent the canary's share of traffic, in (0,100]
   * @param datasetUri the run's dataset, whose held-out rows a local backend probes the canary
   *     with; null when unknown (a remote backend probes with real traffic and ignores it)
   */
  record DeployCanaryRequest(
      RunRef run,
      String nodeId,
      String endpoint,
      String candidateModelUri,
      String modelVersion,
      double canaryPercent,
      String datasetUri) {

    /** A request without a dataset for probes. */
    public DeployCanaryRequest(
        RunRef run,
        String nodeId,
        String endpoint,
        String candidateModelUri,
        String modelVersion,
        double canaryPercent) {
      this(run, nodeId, endpoint, candidateModelUri, modelVersion, canaryPercent, null);
    }
  }

  /**
   * @param endpoint the endpoint
   * @param previousRevision the revision that served before, or null for a new endpoint
   * @param canaryRevision the candidate's revision
   * @param canaryPercent the canary's share of traffic
   */
  record CanaryRollout(
      String endpoint, String previousRevision, String canaryRevision, double canaryPercent) {}

  /**
   * @param healthy whether the canary may be promoted
   * @param requests requests the canary served during the check
   * @param errors of those, errors
   * @param p99Millis p99 latency of the canary
   * @param detail one line on what was seen
   */
  record ServingHealth(
      boolean healthy, long requests, long errors, double p99Millis, String detail) {}

  /**
   * @param run the run whose canary is undone
   * @param nodeId the deploy node
   * @param endpoint the endpoint
   */
  record RestoreRevisionRequest(RunRef run, String nodeId, String endpoint) {}
}
