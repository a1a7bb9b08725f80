package io.osop.temporal.pipeline;

import java.util.Map;

/** What one handler does for a node: its activity calls, in order, and the outputs they yield. */
interface NodeStep {

  /**
   * Runs the node in its own workflow thread.
   *
   * @return the node's outputs, named as in {@link NodeOutputKeys}
   */
  Map<String, Object> run(NodeRun node);

  /**
   * The services a step uses.
   *
   * @param state the run's state (saga, progress details)
   * @param stubs activity stubs with the node's settings
   * @param artifacts upstream artifacts by key
   * @param windows the run's A/B windows, which the signals reach
   */
  record Services(
      RunState state, ActivityStubs stubs, UpstreamArtifacts artifacts, AbWindows windows) {}
}
