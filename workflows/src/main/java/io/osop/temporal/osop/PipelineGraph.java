package io.osop.temporal.osop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's nodes and well-formed edges as an indexed graph: nodes keep file order (the first
 * of duplicate ids wins), edges that name unknown nodes or a node itself are left out.
 */
final class PipelineGraph {

  private final List<OsopNode> nodes;
  private final Map<String, Integer> index;
  private final List<List<OsopEdge>> outgoing;
  private final List<List<OsopEdge>> incoming;

  PipelineGraph(OsopPipeline pipeline) {
    nodes = new ArrayList<>();
    index = new HashMap<>();
    for (OsopNode node : pipeline.nodes()) {
      if (node.id() != null && !index.containsKey(node.id())) {
        index.put(node.id(), nodes.size());
        nodes.add(node);
      }
    }
    outgoing = new ArrayList<>(nodes.size());
    incoming = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      outgoing.add(new ArrayList<>(2));
      incoming.add(new ArrayList<>(2));
    }
    for (OsopEdge edge : pipeline.edges()) {
      Integer from = edge.from() == null ? null : index.get(edge.from());
      Integer to = edge.to() == null ? null : index.get(edge.to());
      if (from != null && to != null && !from.equals(to)) {
        outgoing.get(from).add(edge);
        incoming.get(to).add(edge);
      }
    }
  }

  int size() {
    return nodes.size();
  }

  List<OsopNode> nodes() {
    return nodes;
  }

  OsopNode node(int i) {
    return nodes.get(i);
  }

  /** The node's index, or -1 for an unknown id. */
  int indexOf(String id) {
    Integer i = id == null ? null : index.get(id);
    return i == null ? -1 : i;
  }

  List<OsopEdge> outgoing(int node) {
    return outgoing.get(node);
  }

  List<OsopEdge> incoming(int node) {
    return incoming.get(node);
  }

  int target(OsopEdge edge) {
    return index.get(edge.to());
  }

  int source(OsopEdge edge) {
    return index.get(edge.from());
  }

  /**
   * Nodes in an order where every edge points forward (Kahn's algorithm, ties in file order), or
   * null when the graph has a cycle.
   */
  int[] topologicalOrder() {
    int[] remaining = new int[size()];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < size(); i++) {
      remaining[i] = incoming(i).size();
      if (remaining[i] == 0) {
        ready.add(i);
      }
    }
    int[] order = new int[size()];
    int count = 0;
    while (!ready.isEmpty()) {
      int node = ready.poll();
      order[count++] = node;
      for (OsopEdge edge : outgoing(node)) {
        int next = target(edge);
        if (--remaining[next] == 0) {
          ready.add(next);
        }
      }
    }
    return count == size() ? order : null;
  }

  /** For each node, whether it can be reached from {@code start} (itself included). */
  boolean[] reachableFrom(int start) {
    boolean[] seen = new boolean[size()];
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(start);
    seen[start] = true;
    while (!stack.isEmpty()) {
      for (OsopEdge edge : outgoing(stack.pop())) {
        int next = target(edge);
        if (!seen[next]) {
          seen[next] = true;
          stack.push(next);
        }
      }
    }
    return seen;
  }

  /** Strongly connected components (iterative Tarjan); component id per node. */
  int[] components() {
    int n = size();
    int[] order = new int[n];
    int[] low = new int[n];
    int[] component = new int[n];
    Arrays.fill(order, -1);
    Arrays.fill(component, -1);
    boolean[] onStack = new boolean[n];
    Deque<Integer> stack = new ArrayDeque<>();
    int[] edgeCursor = new int[n];
    Deque<Integer> call = new ArrayDeque<>();
    int counter = 0;
    int components = 0;
    for (int root = 0; root < n; root++) {
      if (order[root] >= 0) {
        continue;
      }
      call.push(root);
      order[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = true;
      while (!call.isEmpty()) {
        int v = call.peek();
        if (edgeCursor[v] < outgoing(v).size()) {
          int w = target(outgoing(v).get(edgeCursor[v]++));
          if (order[w] < 0) {
            order[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = true;
            call.push(w);
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], order[w]);
          }
          continue;
        }
        call.pop();
        if (!call.isEmpty()) {
          low[call.peek()] = Math.min(low[call.peek()], low[v]);
        }
        if (low[v] == order[v]) {
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            component[w] = components;
          } while (w != v);
          components++;
        }
      }
    }
    return component;
  }
}
