package io.osop.temporal.activities.serving;

/**
 * What a local endpoint serves, kept at {@code serving/<endpoint>/state.json}.
 *
 * @param live the revision serving the traffic the canary does not take, or null when never
 *     deployed
 * @param canary the canary revision, or null when none
 * @param canaryPercent the canary's share of traffic (0 without a canary)
 */
public record EndpointState(Revision live, Revision canary, double canaryPercent) {

  /** An endpoint never deployed. */
  static final EndpointState EMPTY = new EndpointState(null, null, 0);

  /** The live revision's name, or null. */
  String liveName() {
    return live == null ? null : live.name();
  }

  /** The canary revision's name, or null. */
  String canaryName() {
    return canary == null ? null : canary.name();
  }

  /**
   * One deployable revision of an endpoint.
   *
   * @param name the revision name
   * @param modelUri the ONNX model it serves
   * @param probeDatasetUri the dataset whose held-out rows health probes use, or null
   */
  public record Revision(String name, String modelUri, String probeDatasetUri) {}

  /**
   * What a run changed, kept at {@code serving/<endpoint>/runs/<run key>.json} so that the change
   * can be undone by the run key alone.
   *
   * @param runKey the run (workflow and node) that deployed
   * @param previous the revision live before, or null for a new endpoint
   * @param deployed the revision the run deployed
   */
  public record RunRecord(String runKey, Revision previous, Revision deployed) {}
}
