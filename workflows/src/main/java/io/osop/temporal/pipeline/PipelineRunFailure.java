package io.osop.temporal.pipeline;

/**
 * Ends the graph walk: a node failed with no failure edge taken, a condition could not be
 * evaluated, or the graph cannot progress. The workflow turns it into an {@code ApplicationFailure}
 * of the same type after running the compensations.
 */
final class PipelineRunFailure extends RuntimeException {

  private final String type;

  PipelineRunFailure(String type, String message) {
    super(message);
    this.type = type;
  }

  /** One of {@link PipelineFailureTypes}. */
  String type() {
    return type;
  }
}
