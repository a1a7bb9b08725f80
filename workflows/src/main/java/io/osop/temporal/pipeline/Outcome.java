package io.osop.temporal.pipeline;

/**
 * How a run ended. REJECTED: the candidate never reached traffic. ROLLED_BACK: it reached shadow or
 * canary traffic and was withdrawn. RUNNING only appears in the live status.
 */
public enum Outcome {
  RUNNING,
  PROMOTED,
  REJECTED,
  ROLLED_BACK,
  COMPLETED,
  FAILED,
  CANCELLED
}
