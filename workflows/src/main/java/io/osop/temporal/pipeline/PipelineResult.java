package io.osop.temporal.pipeline;

import java.util.List;

/**
 * The result of a run, and the shape of its live {@code status} query.
 *
 * @param workflowId the run's workflow id
 * @param pipelineId the OSOP id
 * @param contentHash the pinned definition's hash
 * @param outcome how it ended, or RUNNING
 * @param reason one sentence on why
 * @param nodes every node's state, in file order
 * @param compensations saga compensations in registration order
 * @param abWindow the A/B window's progress, or null when none ran
 * @param startedAtMillis workflow time the run started
 * @param finishedAtMillis workflow time it ended, 0 while running
 * @param errors every error the run met, compensation errors included
 */
public record PipelineResult(
    String workflowId,
    String pipelineId,
    String contentHash,
    Outcome outcome,
    String reason,
    List<NodeState> nodes,
    List<CompensationRecord> compensations,
    AbWindowStatus abWindow,
    long startedAtMillis,
    long finishedAtMillis,
    List<String> errors) {}
