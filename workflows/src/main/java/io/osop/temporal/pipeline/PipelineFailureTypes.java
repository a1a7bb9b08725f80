package io.osop.temporal.pipeline;

/**
 * The constant {@code ApplicationFailure} types a pipeline run fails with. A failed run's failure
 * carries the final {@link PipelineResult} as its first detail.
 */
public final class PipelineFailureTypes {

  /** A node failed after its retries and no fallback, error or timeout edge handled it. */
  public static final String NODE_FAILED = "PipelineNodeFailed";

  /** An edge condition read a missing key, met a type error or did not compile. */
  public static final String CONDITION_FAILED = "PipelineConditionFailed";

  /** Pending nodes remain but none can ever become ready (a cycle in the graph). */
  public static final String GRAPH_STUCK = "PipelineGraphStuck";

  /** One or more saga compensations failed; the failure lists every error. */
  public static final String COMPENSATION_FAILED = "PipelineCompensationFailed";

  /** A node needs an artifact (dataset, model) that no upstream node produced. */
  public static final String MISSING_ARTIFACT = "PipelineMissingArtifact";

  /** A node's configuration cannot be used (missing or mistyped key). */
  public static final String BAD_NODE_CONFIG = "PipelineBadNodeConfig";

  /** A command exited with a non-zero code. */
  public static final String COMMAND_FAILED = "PipelineCommandFailed";

  /** A canary failed its health check and was not promoted. */
  public static final String CANARY_UNHEALTHY = "PipelineCanaryUnhealthy";

  /** The pinned definition itself cannot be run (an edge names a missing node). */
  public static final String GRAPH_INVALID = "PipelineGraphInvalid";

  /** An activity returned a result the interpreter cannot use (an unknown A/B verdict). */
  public static final String BAD_ACTIVITY_RESULT = "PipelineBadActivityResult";

  private PipelineFailureTypes() {}
}
