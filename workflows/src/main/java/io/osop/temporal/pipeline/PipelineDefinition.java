package io.osop.temporal.pipeline;

import java.util.List;

/**
 * A validated, resolved pipeline: the pinned definition a run interprets. A run never re-reads the
 * file it came from.
 *
 * @param pipelineId the OSOP {@code id}
 * @param name the OSOP {@code name}
 * @param version the OSOP {@code version}, or null
 * @param contentHash SHA-256 of the file's bytes, hex
 * @param sourceFile the file's path as the user gave it
 * @param baseDirectory absolute path of the file's folder (commands run there locally)
 * @param nodes nodes in file order
 * @param edges edges in file order
 */
public record PipelineDefinition(
    String pipelineId,
    String name,
    String version,
    String contentHash,
    String sourceFile,
    String baseDirectory,
    List<PipelineNode> nodes,
    List<PipelineEdge> edges) {}
