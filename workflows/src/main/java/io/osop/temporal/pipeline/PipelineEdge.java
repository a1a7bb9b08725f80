package io.osop.temporal.pipeline;

/**
 * One edge of a resolved pipeline.
 *
 * @param from source node id
 * @param to target node id
 * @param mode how the edge is taken
 * @param when the CEL condition, or null when the edge is unconditional
 * @param label the edge's label, or null
 */
public record PipelineEdge(String from, String to, EdgeMode mode, String when, String label) {}
