package io.osop.temporal.osop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports one cycle per strongly connected component of more than one node, at the edge that closes
 * it: the cycle starts at its node nearest an entry node (fewest edges from one; ties and cycles
 * nothing leads into go to the smallest id), so the reported edge is the one that leads back to
 * where the flow first entered the loop. Nothing depends on the order of nodes and edges.
 */
final class CycleChecker {

  private final Findings findings;

  CycleChecker(Findings findings) {
    this.findings = findings;
  }

  void check(PipelineGraph graph, int[] component) {
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i = 0; i < component.length; i++) {
      members.computeIfAbsent(component[i], c -> new ArrayList<>()).add(i);
    }
    int[] depth = null;
    for (List<Integer> scc : members.values()) {
      if (scc.size() < 2) {
        continue;
      }
      if (depth == null) {
        depth = depthFromEntries(graph);
      }
      int[] distance = depth;
      int start =
          scc.stream()
              .min(
                  Comparator.comparingInt((Integer i) -> distance[i])
                      .thenComparing(i -> graph.node(i).id()))
              .orElseThrow();
      List<OsopEdge> path = shortestCycle(graph, start, component);
      StringBuilder names = new StringBuilder(graph.node(start).id());
      for (OsopEdge edge : path) {
        names.append(" -> ").append(edge.to());
      }
      OsopEdge closing = path.get(path.size() - 1);
      findings.error(
          closing.position(),
          "cycle "
              + names
              + "; edge "
              + closing.describe()
              + (distance[start] == Integer.MAX_VALUE
                  ? " closes it"
                  : " leads back to an earlier node")
              + ", and the runtime runs acyclic graphs only, so a loop (also by a fallback or"
              + " error edge) is not supported");
    }
  }

  /** Fewest edges from any entry node (no incoming edges) to each node; MAX_VALUE if none. */
  private static int[] depthFromEntries(PipelineGraph graph) {
    int[] depth = new int[graph.size()];
    Arrays.fill(depth, Integer.MAX_VALUE);
    Deque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < graph.size(); i++) {
      if (graph.incoming(i).isEmpty()) {
        depth[i] = 0;
        queue.add(i);
      }
    }
    while (!queue.isEmpty()) {
      int v = queue.poll();
      for (OsopEdge edge : graph.outgoing(v)) {
        int w = graph.target(edge);
        if (depth[w] == Integer.MAX_VALUE) {
          depth[w] = depth[v] + 1;
          queue.add(w);
        }
      }
    }
    return depth;
  }

  /** Breadth-first search inside the component, neighbours in id order, back to {@code start}. */
  private static List<OsopEdge> shortestCycle(PipelineGraph graph, int start, int[] component) {
    Map<Integer, OsopEdge> via = new HashMap<>();
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      int v = queue.poll();
      List<OsopEdge> edges = new ArrayList<>(graph.outgoing(v));
      edges.sort(Comparator.comparing(OsopEdge::to));
      for (OsopEdge edge : edges) {
        int w = graph.target(edge);
        if (component[w] != component[start]) {
          continue;
        }
        if (w == start) {
          List<OsopEdge> path = new ArrayList<>();
          path.add(edge);
          for (int at = v; at != start; at = graph.source(via.get(at))) {
            path.add(0, via.get(at));
          }
          return path;
        }
        if (!via.containsKey(w)) {
          via.put(w, edge);
          queue.add(w);
        }
      }
    }
    throw new IllegalStateException("a strongly connected component without a cycle");
  }
}
