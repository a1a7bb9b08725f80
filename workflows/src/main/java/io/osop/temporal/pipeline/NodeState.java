package io.osop.temporal.pipeline;

import java.util.Map;

/**
 * The state of one node in a run, live or final.
 *
 * @param nodeId the node id
 * @param handler the handler's id
 * @param status the node's state
 * @param outputs the node's named outputs (empty until it succeeds)
 * @param attempts activity attempts made by its main call (0 when it never ran)
 * @param startedAtMillis workflow time it started, 0 if never
 * @param finishedAtMillis workflow time it finished, 0 if not yet
 * @param detail why it was skipped, failed or compensated; progress while it runs
 */
public record NodeState(
    String nodeId,
    String handler,
    NodeStatus status,
    Map<String, Object> outputs,
    int attempts,
    long startedAtMillis,
    long finishedAtMillis,
    String detail) {}
