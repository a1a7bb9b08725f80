package io.osop.temporal.pipeline;

import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Walks the graph. A node is ready when its join is satisfied: for wait_all, every predecessor has
 * settled (finished, failed or been skipped); for wait_any and wait_n, one or n incoming edges have
 * been taken. A ready node runs if at least one incoming edge was taken; otherwise it is skipped
 * and the skip propagates. Ready nodes start together, in file order, each in its own cancellation
 * scope; completions are handled in file order.
 */
final class GraphScheduler {

  private static final Logger log = Workflow.getLogger(GraphScheduler.class);

  private final RunState state;
  private final NodeExecutor executor;
  private final EdgeDecider edges;
  private final Map<String, RunningNode> running = new LinkedHashMap<>();

  GraphScheduler(RunState state, NodeExecutor executor) {
    this.state = state;
    this.executor = executor;
    this.edges = new EdgeDecider(state);
  }

  /**
   * Runs the graph until every node has settled.
   *
   * @throws PipelineRunFailure on an unhandled node failure or a bad condition, after the other
   *     running nodes were cancelled and have stopped
   * @throws CanceledFailure when the run is cancelled; call {@link #awaitRunningNodes} then
   */
  void run() {
    try {
      while (true) {
        for (NodeRun node : settleReadiness()) {
          start(node);
        }
        if (running.isEmpty()) {
          failIfStuck();
          return;
        }
        Workflow.await(this::anyRunningCompleted);
        collectCompleted();
      }
    } catch (PipelineRunFailure failure) {
      cancelRunningNodes(failure.getMessage());
      throw failure;
    }
  }

  /**
   * After the run was cancelled: waits, in a scope the cancellation does not reach, until every
   * running node has stopped (their own cleanup included) and records how each ended.
   */
  void awaitRunningNodes() {
    Workflow.newDetachedCancellationScope(() -> Workflow.await(this::allRunningCompleted)).run();
    settleStopped("cancelled with the run");
  }

  private List<NodeRun> settleReadiness() {
    List<NodeRun> ready = new ArrayList<>();
    Set<String> readyIds = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (NodeRun node : state.nodes()) {
        if (node.status != NodeStatus.PENDING || readyIds.contains(node.node.id())) {
          continue;
        }
        Readiness readiness = readiness(node);
        if (readiness == Readiness.RUN) {
          ready.add(node);
          readyIds.add(node.node.id());
        } else if (readiness == Readiness.SKIP) {
          skip(node);
          changed = true;
        }
      }
    }
    ready.sort(Comparator.comparingInt(node -> state.graph.indexOf(node.node.id())));
    return ready;
  }

  private Readiness readiness(NodeRun node) {
    List<Integer> incoming = state.graph.incoming(node.node.id());
    if (incoming.isEmpty()) {
      return Readiness.RUN;
    }
    int taken = 0;
    int decided = 0;
    for (int edge : incoming) {
      Boolean isTaken = edges.taken(edge);
      if (isTaken != null) {
        decided++;
        taken += isTaken ? 1 : 0;
      }
    }
    int needed = requiredTaken(node.node);
    if (needed > 0 && taken >= needed) {
      return Readiness.RUN;
    }
    if (decided < incoming.size()) {
      return Readiness.WAIT;
    }
    return taken > 0 && needed == 0 ? Readiness.RUN : Readiness.SKIP;
  }

  /** Taken edges that start the node before every predecessor settles; 0 for wait_all. */
  private static int requiredTaken(PipelineNode node) {
    JoinMode mode = node.joinMode() == null ? JoinMode.WAIT_ALL : node.joinMode();
    return switch (mode) {
      case WAIT_ALL -> 0;
      case WAIT_ANY -> 1;
      case WAIT_N -> Math.max(1, node.joinCount());
    };
  }

  private void skip(NodeRun node) {
    List<Integer> incoming = state.graph.incoming(node.node.id());
    node.status = NodeStatus.SKIPPED;
    node.finishedAtMillis = Workflow.currentTimeMillis();
    if (node.triggers.isEmpty()) {
      node.detail = edges.skipReason(incoming);
    } else {
      node.detail =
          "only "
              + node.triggers.size()
              + " of the "
              + requiredTaken(node.node)
              + " incoming edges its join needs were taken";
    }
    log.info("Node skipped. node={} reason={}", node.node.id(), node.detail);
    edges.decideOutgoing(node);
  }

  private void start(NodeRun node) {
    node.status = NodeStatus.RUNNING;
    node.startedAtMillis = Workflow.currentTimeMillis();
    node.detail = "starting";
    Handler handler = node.node.handler();
    if (handler == Handler.SHADOW_AB_TEST || handler == Handler.DEPLOY_SERVING) {
      state.trafficReached = true;
    }
    log.info("Node started. node={} handler={}", node.node.id(), handler.id());
    List<Promise<Map<String, Object>>> result = new ArrayList<>(1);
    CancellationScope scope =
        Workflow.newCancellationScope(() -> result.add(Async.function(executor::execute, node)));
    scope.run();
    running.put(node.node.id(), new RunningNode(node, scope, result.get(0)));
  }

  private boolean anyRunningCompleted() {
    for (RunningNode node : running.values()) {
      if (node.result.isCompleted()) {
        return true;
      }
    }
    return false;
  }

  private boolean allRunningCompleted() {
    for (RunningNode node : running.values()) {
      if (!node.result.isCompleted()) {
        return false;
      }
    }
    return true;
  }

  private void collectCompleted() {
    PipelineRunFailure unhandled = null;
    for (RunningNode completed : completedInFileOrder()) {
      running.remove(completed.node.node.id());
      NodeRun node = completed.node;
      try {
        node.outputs = completed.result.get();
        node.status = NodeStatus.SUCCEEDED;
      } catch (CanceledFailure cancelled) {
        running.put(node.node.id(), completed);
        throw cancelled;
      } catch (TemporalFailure failure) {
        fail(node, failure);
        node.attempts = executor.attemptsAfter(node, failure);
      }
      node.finishedAtMillis = Workflow.currentTimeMillis();
      node.attempts = Math.max(1, node.attempts);
      log.info("Node finished. node={} status={}", node.node.id(), node.status);
      boolean handled = edges.decideOutgoing(node);
      if (node.status == NodeStatus.FAILED && !handled && unhandled == null) {
        unhandled =
            new PipelineRunFailure(
                PipelineFailureTypes.NODE_FAILED,
                "Node "
                    + node.node.id()
                    + " failed after its retries and no fallback, error or timeout edge handled"
                    + " it: "
                    + node.detail);
      }
    }
    if (unhandled != null) {
      throw unhandled;
    }
  }

  private List<RunningNode> completedInFileOrder() {
    List<RunningNode> completed = new ArrayList<>();
    for (NodeRun node : state.nodes()) {
      RunningNode candidate = running.get(node.node.id());
      if (candidate != null && candidate.result.isCompleted()) {
        completed.add(candidate);
      }
    }
    return completed;
  }

  private void fail(NodeRun node, TemporalFailure failure) {
    node.status = NodeStatus.FAILED;
    node.error = FailureMessages.toNodeError(failure);
    node.detail = node.error.message() + " [" + node.error.type() + "]";
    state.errors.add("Node " + node.node.id() + " failed: " + node.detail);
    log.warn(
        "Node failed. node={} type={} message={}",
        node.node.id(),
        node.error.type(),
        node.error.message());
  }

  private void cancelRunningNodes(String why) {
    for (RunningNode node : running.values()) {
      node.scope.cancel();
    }
    Workflow.await(this::allRunningCompleted);
    settleStopped("cancelled because " + why);
  }

  private void settleStopped(String why) {
    for (RunningNode stopped : running.values()) {
      NodeRun node = stopped.node;
      if (stopped.result.getFailure() == null) {
        node.outputs = stopped.result.get();
        node.status = NodeStatus.SUCCEEDED;
      } else {
        node.status = NodeStatus.FAILED;
        node.detail = why;
      }
      node.finishedAtMillis = Workflow.currentTimeMillis();
    }
    running.clear();
  }

  private void failIfStuck() {
    List<String> stuck = new ArrayList<>();
    for (NodeRun node : state.nodes()) {
      if (node.status == NodeStatus.PENDING) {
        stuck.add(node.node.id());
      }
    }
    if (!stuck.isEmpty()) {
      throw new PipelineRunFailure(
          PipelineFailureTypes.GRAPH_STUCK,
          "Nodes "
              + String.join(", ", stuck)
              + " can never start: they wait on each other (a cycle in the graph)");
    }
  }

  private enum Readiness {
    RUN,
    SKIP,
    WAIT
  }

  private record RunningNode(
      NodeRun node, CancellationScope scope, Promise<Map<String, Object>> result) {}
}
