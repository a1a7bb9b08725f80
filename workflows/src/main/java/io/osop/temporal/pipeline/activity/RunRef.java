package io.osop.temporal.pipeline.activity;

/**
 * Identifies the run an activity works for; every artifact and external resource is named from it
 * so that retries find their own earlier work and two runs never share anything.
 *
 * @param workflowId the run's workflow id
 * @param pipelineId the OSOP pipeline id
 * @param baseDirectory the pipeline file's folder (local commands run there)
 */
public record RunRef(String workflowId, String pipelineId, String baseDirectory) {}
