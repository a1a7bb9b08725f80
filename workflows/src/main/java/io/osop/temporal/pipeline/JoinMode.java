package io.osop.temporal.pipeline;

/** How a node with several incoming edges decides that it may start. */
public enum JoinMode {
  WAIT_ALL,
  WAIT_ANY,
  WAIT_N
}
