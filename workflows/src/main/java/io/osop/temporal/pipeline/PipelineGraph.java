package io.osop.temporal.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pinned graph indexed for the interpreter: nodes in file order and each node's edges. */
final class PipelineGraph {

  private final List<PipelineNode> nodes;
  private final List<PipelineEdge> edges;
  private final Map<String, PipelineNode> byId = new LinkedHashMap<>();
  private final Map<String, Integer> indexes = new LinkedHashMap<>();
  private final Map<String, List<Integer>> incoming = new LinkedHashMap<>();
  private final Map<String, List<Integer>> outgoing = new LinkedHashMap<>();

  PipelineGraph(PipelineDefinition definition) {
    this.nodes = List.copyOf(definition.nodes());
    this.edges = List.copyOf(definition.edges());
    for (PipelineNode node : nodes) {
      if (byId.put(node.id(), node) != null) {
        throw new IllegalArgumentException("Node id " + node.id() + " appears twice");
      }
      indexes.put(node.id(), indexes.size());
      incoming.put(node.id(), new ArrayList<>());
      outgoing.put(node.id(), new ArrayList<>());
    }
    for (int i = 0; i < edges.size(); i++) {
      PipelineEdge edge = edges.get(i);
      if (!byId.containsKey(edge.from()) || !byId.containsKey(edge.to())) {
        throw new IllegalArgumentException(
            "Edge " + describe(i) + " names a node the pipeline does not have");
      }
      outgoing.get(edge.from()).add(i);
      incoming.get(edge.to()).add(i);
    }
  }

  List<PipelineNode> nodes() {
    return nodes;
  }

  PipelineNode node(String id) {
    return byId.get(id);
  }

  /** The node's position in the file. */
  int indexOf(String nodeId) {
    return indexes.get(nodeId);
  }

  PipelineEdge edge(int index) {
    return edges.get(index);
  }

  int edgeCount() {
    return edges.size();
  }

  /** Indexes of the edges into a node, in file order. */
  List<Integer> incoming(String nodeId) {
    return Collections.unmodifiableList(incoming.get(nodeId));
  }

  /** Indexes of the edges out of a node, in file order. */
  List<Integer> outgoing(String nodeId) {
    return Collections.unmodifiableList(outgoing.get(nodeId));
  }

  /** Whether the graph has a node of the handler. */
  boolean has(Handler handler) {
    for (PipelineNode node : nodes) {
      if (node.handler() == handler) {
        return true;
      }
    }
    return false;
  }

  /** The edge as users read it: {@code from -> to}, with its condition when it has one. */
  String describe(int edgeIndex) {
    PipelineEdge edge = edges.get(edgeIndex);
    String arrow = edge.from() + " -> " + edge.to();
    return edge.when() == null ? arrow : arrow + " [when " + edge.when() + "]";
  }
}
