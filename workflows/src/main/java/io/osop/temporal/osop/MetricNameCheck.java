package io.osop.temporal.osop;

import io.osop.temporal.pipeline.Handler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that {@code metrics.<name>}, {@code baseline.<name>} and {@code
 * outputs.<id>.metrics.<name>} name a metric the evaluate node behind them is configured to
 * compute: its {@code config.metrics} list is the key set of both maps.
 */
final class MetricNameCheck {

  /** A metric name no evaluate node behind the reference computes. */
  record Issue(MetricReferences.Reference reference, String message) {}

  private final PipelineGraph graph;
  private final Handler[] handlers;
  private final UpstreamProducers upstream;

  /**
   * @param upstream what runs before each node, or null when the graph has a cycle (then a bare
   *     {@code metrics} may come from any evaluate node)
   */
  MetricNameCheck(PipelineGraph graph, Handler[] handlers, UpstreamProducers upstream) {
    this.graph = graph;
    this.handlers = handlers;
    this.upstream = upstream;
  }

  /** The references in a condition on an edge leaving {@code source} that name no metric. */
  List<Issue> check(int source, List<MetricReferences.Reference> references) {
    List<Issue> issues = new ArrayList<>();
    for (MetricReferences.Reference reference : references) {
      List<Integer> nodes = evaluators(reference, source);
      Set<String> configured = new LinkedHashSet<>();
      for (int node : nodes) {
        List<String> metrics = configuredMetrics(graph.node(node));
        if (metrics == null) {
          configured = null; // config.metrics is itself wrong, and reported as such
          break;
        }
        configured.addAll(metrics);
      }
      if (nodes.isEmpty() || configured == null || configured.contains(reference.metric())) {
        continue;
      }
      List<String> ids = nodes.stream().map(n -> "'" + graph.node(n).id() + "'").toList();
      boolean one = ids.size() == 1;
      issues.add(
          new Issue(
              reference,
              "'"
                  + reference.metric()
                  + "' is not a metric "
                  + (one ? "node " : "nodes ")
                  + String.join(", ", ids)
                  + (one ? " computes" : " compute")
                  + DidYouMean.hint(reference.metric(), configured)
                  + "; "
                  + (one ? "its" : "their")
                  + " config.metrics: "
                  + String.join(", ", configured)));
    }
    return issues;
  }

  /** The evaluate nodes whose {@code metrics}/{@code baseline} the reference may read. */
  private List<Integer> evaluators(MetricReferences.Reference reference, int source) {
    List<Integer> nodes = new ArrayList<>();
    if (reference.nodeId() != null) {
      int node = graph.indexOf(reference.nodeId());
      if (node >= 0 && handlers[node] == Handler.EVALUATE) {
        nodes.add(node);
      }
      return nodes;
    }
    if (source >= 0 && handlers[source] == Handler.EVALUATE) {
      nodes.add(source); // at run time the source's own value wins
    } else if (upstream != null && source >= 0) {
      for (int node : upstream.producers(reference.map(), source)) {
        if (handlers[node] == Handler.EVALUATE) {
          nodes.add(node);
        }
      }
    } else {
      for (int node = 0; node < graph.size(); node++) {
        if (handlers[node] == Handler.EVALUATE) {
          nodes.add(node);
        }
      }
    }
    return nodes;
  }

  /** The node's {@code config.metrics} as names, or null when it is not a list of strings. */
  private static List<String> configuredMetrics(OsopNode node) {
    if (!(node.config().get("metrics") instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Object element : list) {
      if (!(element instanceof String name)) {
        return null;
      }
      names.add(name);
    }
    return names;
  }
}
