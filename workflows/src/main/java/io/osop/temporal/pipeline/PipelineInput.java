package io.osop.temporal.pipeline;

import java.util.Map;

/**
 * The input of one pipeline run.
 *
 * @param definition the pinned, resolved pipeline
 * @param parameters run parameters, visible to conditions as {@code inputs}
 */
public record PipelineInput(PipelineDefinition definition, Map<String, Object> parameters) {}
