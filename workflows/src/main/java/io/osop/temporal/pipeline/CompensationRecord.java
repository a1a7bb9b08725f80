package io.osop.temporal.pipeline;

/**
 * One saga compensation and what became of it.
 *
 * @param nodeId the node whose side effect it undoes
 * @param description what it undoes, in words
 * @param status REGISTERED, DONE or FAILED
 * @param error the failure message when it failed
 */
public record CompensationRecord(String nodeId, String description, String status, String error) {}
