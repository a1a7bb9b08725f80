package io.osop.temporal.pipeline;

/** The edge modes the interpreter runs. */
public enum EdgeMode {
  SEQUENTIAL,
  CONDITIONAL,
  PARALLEL,
  FALLBACK,
  ERROR,
  TIMEOUT
}
