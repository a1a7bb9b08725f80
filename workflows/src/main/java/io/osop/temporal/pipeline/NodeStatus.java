package io.osop.temporal.pipeline;

/** The lifecycle state of one node in a run. */
public enum NodeStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  SKIPPED,
  COMPENSATED
}
