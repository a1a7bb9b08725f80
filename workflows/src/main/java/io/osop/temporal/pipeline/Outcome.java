package io.osop.temporal.pipeline;

/**
 * How a run ended. The candidate "reached traffic" once a shadow-ab-test or deploy-serving node
 * started. RUNNING only appears in the live status.
 */
public enum Outcome {
  /** The run is still going (live status only). */
  RUNNING,
  /** A deploy-serving node succeeded and no rollback node ran. */
  PROMOTED,
  /**
   * The candidate never reached traffic and was not deployed: a rollback node ran before any A/B or
   * deploy node started (the seed's "below baseline" path), or no deploy node ran.
   */
  REJECTED,
  /**
   * The candidate reached traffic and was withdrawn: a rollback node ran after an A/B or deploy
   * node had started, or the A/B node ended the mirroring and no deploy node ran.
   */
  ROLLED_BACK,
  /**
   * The graph has no deploy-serving and no rollback node, and every node finished or was skipped.
   */
  COMPLETED,
  /** A node failed after its retries with no failure edge taken, or a condition failed. */
  FAILED,
  /** The run was cancelled; its compensations ran. */
  CANCELLED
}
