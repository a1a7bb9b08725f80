package io.osop.temporal.osop;

import io.osop.temporal.pipeline.EdgeMode;
import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.pipeline.JoinMode;
import io.osop.temporal.pipeline.PipelineDefinition;
import io.osop.temporal.pipeline.PipelineEdge;
import io.osop.temporal.pipeline.PipelineNode;
import io.osop.temporal.pipeline.RetrySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a checked model into the pinned {@link PipelineDefinition} a run interprets. */
final class DefinitionBuilder {

  private DefinitionBuilder() {}

  static PipelineDefinition build(
      OsopPipeline pipeline,
      PipelineGraph graph,
      Handler[] handlers,
      String contentHash,
      String baseDirectory) {
    List<PipelineNode> nodes = new ArrayList<>(graph.size());
    for (int i = 0; i < graph.size(); i++) {
      OsopNode node = graph.node(i);
      OsopEdge joinEdge = joinEdge(graph, i);
      JoinMode joinMode =
          joinEdge == null
              ? JoinMode.WAIT_ALL
              : JoinMode.valueOf(joinEdge.joinMode().toUpperCase(Locale.ROOT));
      int joinCount = joinMode == JoinMode.WAIT_N ? joinCount(graph, i) : 0;
      nodes.add(
          new PipelineNode(
              node.id(),
              node.name() != null ? node.name() : node.id(),
              handlers[i],
              node.config(),
              retry(node),
              node.timeoutSeconds() == null ? 0 : (long) Math.ceil(node.timeoutSeconds()),
              joinMode,
              joinCount));
    }
    List<PipelineEdge> edges = new ArrayList<>(pipeline.edges().size());
    for (OsopEdge edge : pipeline.edges()) {
      edges.add(
          new PipelineEdge(
              edge.from(),
              edge.to(),
              EdgeMode.valueOf(edge.mode().toUpperCase(Locale.ROOT)),
              edge.when(),
              edge.label()));
    }
    return new PipelineDefinition(
        pipeline.id(),
        pipeline.name(),
        pipeline.version(),
        contentHash,
        pipeline.file(),
        baseDirectory,
        List.copyOf(nodes),
        List.copyOf(edges));
  }

  private static OsopEdge joinEdge(PipelineGraph graph, int node) {
    for (OsopEdge edge : graph.incoming(node)) {
      if (edge.joinMode() != null) {
        return edge;
      }
    }
    return null;
  }

  private static int joinCount(PipelineGraph graph, int node) {
    for (OsopEdge edge : graph.incoming(node)) {
      if (edge.joinCount() != null) {
        return edge.joinCount();
      }
    }
    return 0;
  }

  /** OSOP max_retries + 1 attempts; null when the node has no retry_policy. */
  private static RetrySettings retry(OsopNode node) {
    if (node.maxRetries() == null && node.backoffSeconds() == null) {
      return null;
    }
    int attempts = node.maxRetries() == null ? 0 : node.maxRetries() + 1;
    long backoff = node.backoffSeconds() == null ? 0 : (long) Math.ceil(node.backoffSeconds());
    double coefficient = "exponential_backoff".equals(node.retryStrategy()) ? 2.0 : 1.0;
    return new RetrySettings(attempts, backoff, coefficient);
  }
}
