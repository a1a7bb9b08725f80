package io.osop.temporal.osop;

import io.osop.temporal.pipeline.Handler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers "which nodes that run before this one (or this one itself) produce output key K?" and
 * "does node A run before node B?" in time linear in the graph, computed per key and node on first
 * use. Needs an acyclic graph.
 */
final class UpstreamProducers {

  private static final int[] NONE = new int[0];

  private final PipelineGraph graph;
  private final Handler[] handlers;
  private final int[] order;
  private final int[] nodeAtRank;
  private final int[] rankOf;
  private final Map<String, int[][]> byKey = new HashMap<>();
  private final int[] position;
  private final Map<Long, Boolean> before = new HashMap<>();

  UpstreamProducers(PipelineGraph graph, Handler[] handlers, int[] topologicalOrder) {
    this.graph = graph;
    this.handlers = handlers;
    this.order = topologicalOrder;
    this.position = new int[topologicalOrder.length];
    for (int i = 0; i < topologicalOrder.length; i++) {
      position[topologicalOrder[i]] = i;
    }
    Integer[] byId = new Integer[graph.size()];
    for (int i = 0; i < byId.length; i++) {
      byId[i] = i;
    }
    java.util.Arrays.sort(byId, java.util.Comparator.comparing(i -> graph.node(i).id()));
    this.nodeAtRank = new int[byId.length];
    this.rankOf = new int[byId.length];
    for (int rank = 0; rank < byId.length; rank++) {
      nodeAtRank[rank] = byId[rank];
      rankOf[byId[rank]] = rank;
    }
  }

  /**
   * Up to two distinct nodes (indices, the first two by id) that produce {@code key} and are {@code
   * node} or run before it; two means the bare key is ambiguous there.
   */
  int[] producers(String key, int node) {
    int[] ranks = byKey.computeIfAbsent(key, this::propagate)[node];
    int[] nodes = new int[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      nodes[i] = nodeAtRank[ranks[i]];
    }
    return nodes;
  }

  /** Whether {@code ancestor} is {@code node} or has a path to it. */
  boolean runsBefore(int ancestor, int node) {
    if (ancestor == node) {
      return true;
    }
    if (position[ancestor] > position[node]) {
      return false;
    }
    long pair = ((long) ancestor << 32) | node;
    return before.computeIfAbsent(pair, p -> searchBackwards(ancestor, node));
  }

  /**
   * Walks predecessors from {@code node}, skipping every node placed before {@code ancestor} in the
   * topological order (no path from {@code ancestor} can pass through them), so the search stays
   * within the part of the graph between the two.
   */
  private boolean searchBackwards(int ancestor, int node) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
    stack.push(node);
    seen.add(node);
    while (!stack.isEmpty()) {
      for (OsopEdge edge : graph.incoming(stack.pop())) {
        int previous = graph.source(edge);
        if (previous == ancestor) {
          return true;
        }
        if (position[previous] > position[ancestor] && seen.add(previous)) {
          stack.push(previous);
        }
      }
    }
    return false;
  }

  /** Every node producing {@code key}, sorted by id. */
  List<String> allProducers(String key) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      if (handlers[i] != null && NodeOutputs.of(handlers[i]).containsKey(key)) {
        ids.add(graph.node(i).id());
      }
    }
    ids.sort(null);
    return ids;
  }

  private int[][] propagate(String key) {
    int[][] sets = new int[graph.size()][];
    for (int node : order) {
      int[] set =
          handlers[node] != null && NodeOutputs.of(handlers[node]).containsKey(key)
              ? new int[] {rankOf[node]}
              : NONE;
      for (OsopEdge edge : graph.incoming(node)) {
        set = union(set, sets[graph.source(edge)]);
      }
      sets[node] = set;
    }
    return sets;
  }

  /** The union of two sorted sets of at most two ranks, keeping the two smallest. */
  private static int[] union(int[] a, int[] b) {
    if (b.length == 0 || a == b) {
      return a;
    }
    if (a.length == 0) {
      return b;
    }
    int[] merged = new int[2];
    int count = 0;
    int i = 0;
    int j = 0;
    while (count < 2 && (i < a.length || j < b.length)) {
      int next;
      if (j >= b.length || i < a.length && a[i] < b[j]) {
        next = a[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        next = b[j++];
      } else {
        next = a[i++];
        j++;
      }
      merged[count++] = next;
    }
    return count == 2 ? merged : new int[] {merged[0]};
  }
}
