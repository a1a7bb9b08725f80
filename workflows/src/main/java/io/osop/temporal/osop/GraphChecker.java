package io.osop.temporal.osop;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the graph: duplicate node ids, edges to unknown nodes, self-edges, edge modes the runtime
 * cannot run, conditional edges without a condition, join settings, cycles and nodes unreachable
 * from every entry node. Results depend on the graph, not on the order nodes and edges are written.
 */
final class GraphChecker {

  /** The edge modes the interpreter runs. */
  static final List<String> SUPPORTED_MODES =
      List.of("sequential", "conditional", "parallel", "fallback", "error", "timeout");

  private final Findings findings;

  GraphChecker(Findings findings) {
    this.findings = findings;
  }

  void check(OsopPipeline pipeline, PipelineGraph graph) {
    checkDuplicateIds(pipeline);
    for (OsopEdge edge : pipeline.edges()) {
      checkEdge(edge, graph);
    }
    checkJoins(graph);
    int[] component = graph.components();
    new CycleChecker(findings).check(graph, component);
    checkReachability(pipeline, graph, component);
  }

  private void checkDuplicateIds(OsopPipeline pipeline) {
    Map<String, OsopNode> first = new HashMap<>();
    for (OsopNode node : pipeline.nodes()) {
      if (node.id() == null) {
        continue;
      }
      OsopNode earlier = first.putIfAbsent(node.id(), node);
      if (earlier != null) {
        findings.error(
            node.positionOf("id"),
            "duplicate node id '"
                + node.id()
                + "' (first used at line "
                + earlier.positionOf("id").line()
                + "); node ids must be unique");
      }
    }
  }

  private void checkEdge(OsopEdge edge, PipelineGraph graph) {
    for (String end : List.of("from", "to")) {
      String id = end.equals("from") ? edge.from() : edge.to();
      if (id != null && graph.indexOf(id) < 0) {
        List<String> ids = graph.nodes().stream().map(OsopNode::id).sorted().toList();
        findings.error(
            edge.positionOf(end),
            "edge "
                + end
                + " '"
                + id
                + "' names no node"
                + DidYouMean.hint(id, ids)
                + "; nodes: "
                + abbreviate(ids));
      }
    }
    if (edge.from() != null && edge.from().equals(edge.to())) {
      findings.error(
          edge.positionOf("to"),
          "edge " + edge.describe() + " connects node '" + edge.from() + "' to itself");
    }
    boolean known = OsopSchema.EDGE_MODES.contains(edge.mode());
    if (known && !SUPPORTED_MODES.contains(edge.mode())) {
      findings.error(
          edge.positionOf("mode"),
          "edge mode '"
              + edge.mode()
              + "' is not supported by this runtime yet; supported modes: "
              + String.join(", ", SUPPORTED_MODES));
    }
    if (edge.mode().equals("conditional") && edge.when() == null) {
      findings.error(
          edge.position(),
          "conditional edge "
              + edge.describe()
              + " has no 'when' condition; add one, e.g."
              + " when: \"ab_result == 'winner'\"");
    }
    if (edge.when() != null && List.of("sequential", "parallel").contains(edge.mode())) {
      findings.warning(
          edge.positionOf(edge.positions().containsKey("when") ? "when" : "condition"),
          edge.mode()
              + " edge "
              + edge.describe()
              + " has a condition, so it is taken only when the condition holds; did you mean"
              + " mode: conditional?");
    }
  }

  private void checkJoins(PipelineGraph graph) {
    for (int node = 0; node < graph.size(); node++) {
      List<OsopEdge> incoming = graph.incoming(node);
      OsopEdge modeEdge = null;
      OsopEdge countEdge = null;
      for (OsopEdge edge : incoming) {
        if (edge.joinMode() != null) {
          if (modeEdge != null && !modeEdge.joinMode().equals(edge.joinMode())) {
            findings.error(
                edge.positionOf("join_mode"),
                "join_mode '"
                    + edge.joinMode()
                    + "' conflicts with join_mode '"
                    + modeEdge.joinMode()
                    + "' on another edge into '"
                    + edge.to()
                    + "'; give it once");
          }
          modeEdge = modeEdge == null ? edge : modeEdge;
        }
        if (edge.joinCount() != null) {
          countEdge = countEdge == null ? edge : countEdge;
        }
      }
      String id = graph.node(node).id();
      boolean waitN = modeEdge != null && modeEdge.joinMode().equals("wait_n");
      if (waitN && countEdge == null) {
        findings.error(
            modeEdge.positionOf("join_mode"),
            "join_mode wait_n into '" + id + "' needs join_count (how many branches to wait for)");
      }
      if (countEdge != null && !waitN) {
        findings.warning(
            countEdge.positionOf("join_count"),
            "join_count is used only with join_mode: wait_n; it has no effect on '" + id + "'");
      }
      if (waitN && countEdge != null && countEdge.joinCount() > incoming.size()) {
        findings.error(
            countEdge.positionOf("join_count"),
            "join_count "
                + countEdge.joinCount()
                + " exceeds the "
                + incoming.size()
                + " edges into '"
                + id
                + "'");
      }
    }
  }

  /**
   * Entry nodes are those without incoming edges. In a graph without cycles every node is reachable
   * from one, so what this finds is a cycle nothing leads into and the nodes after it; a pipeline
   * without any entry node gets one error instead of one per node. A node without any edge in a
   * pipeline that has edges is probably missing one (it would start at once): a warning.
   */
  private void checkReachability(OsopPipeline pipeline, PipelineGraph graph, int[] component) {
    if (graph.size() == 0) {
      return;
    }
    boolean[] reached = new boolean[graph.size()];
    Deque<Integer> stack = new ArrayDeque<>();
    Set<String> entries = new TreeSet<>();
    for (int i = 0; i < graph.size(); i++) {
      if (graph.incoming(i).isEmpty()) {
        entries.add(graph.node(i).id());
        reached[i] = true;
        stack.push(i);
      }
    }
    if (entries.isEmpty()) {
      findings.error(
          pipeline.positionOf("nodes"),
          "no entry node: every node has an incoming edge, so nothing can start");
      return;
    }
    while (!stack.isEmpty()) {
      for (OsopEdge edge : graph.outgoing(stack.pop())) {
        int next = graph.target(edge);
        if (!reached[next]) {
          reached[next] = true;
          stack.push(next);
        }
      }
    }
    int[] componentSize = new int[graph.size()];
    for (int c : component) {
      componentSize[c]++;
    }
    for (int i = 0; i < graph.size(); i++) {
      OsopNode node = graph.node(i);
      if (!reached[i]) {
        findings.error(
            node.positionOf("id"),
            "node '"
                + node.id()
                + "' cannot be reached from any entry node ("
                + abbreviate(List.copyOf(entries))
                + ")"
                + (componentSize[component[i]] > 1
                    ? "; it lies on a cycle that nothing leads into"
                    : "; only nodes on a cycle that nothing leads into come before it"));
      } else if (graph.size() > 1
          && !pipeline.edges().isEmpty()
          && graph.incoming(i).isEmpty()
          && graph.outgoing(i).isEmpty()) {
        findings.warning(
            node.positionOf("id"),
            "node '"
                + node.id()
                + "' has no edges, so it starts at once beside the entry nodes; is an edge"
                + " missing?");
      }
    }
  }

  private static String abbreviate(List<String> ids) {
    if (ids.size() <= 8) {
      return String.join(", ", ids);
    }
    return String.join(", ", ids.subList(0, 8)) + ", ... (" + ids.size() + " in all)";
  }
}
