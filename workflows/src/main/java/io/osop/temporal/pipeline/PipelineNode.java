package io.osop.temporal.pipeline;

import java.util.Map;

/**
 * One node of a resolved pipeline: its handler, its configuration as written, and its execution
 * settings.
 *
 * @param id the OSOP node id
 * @param name the display name (the id when the file gives none)
 * @param handler the handler that runs it
 * @param config the node's {@code config} as given in the file, after {@code --set} overrides
 * @param retry the node's retry policy, or null for the handler's default
 * @param timeoutSeconds start-to-close timeout from OSOP {@code timeout_sec}, 0 for the default
 * @param joinMode how the node waits for its predecessors
 * @param joinCount how many predecessors must succeed for {@link JoinMode#WAIT_N}
 */
public record PipelineNode(
    String id,
    String name,
    Handler handler,
    Map<String, Object> config,
    RetrySettings retry,
    long timeoutSeconds,
    JoinMode joinMode,
    int joinCount) {}
