package io.osop.temporal.starter.output;

import io.osop.temporal.pipeline.AbWindowStatus;
import io.osop.temporal.pipeline.NodeState;
import io.osop.temporal.pipeline.NodeStatus;
import io.osop.temporal.pipeline.Outcome;
import io.osop.temporal.pipeline.PipelineResult;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prints a run's progress as it happens: one line per node state change, the running node's
 * progress when it changes, and the A/B window's hours and checks.
 */
public final class RunFollower {

  private static final double AB_REPORT_STEP_HOURS = 4.0;

  private final PrintWriter out;
  private final Map<String, NodeStatus> seenStatus = new HashMap<>();
  private final Map<String, String> seenDetail = new HashMap<>();
  private double lastAbHoursReported = -1;
  private int lastAbChecksReported = -1;
  private final long followingSinceMillis = System.currentTimeMillis();

  /** A follower printing to {@code out}. */
  public RunFollower(PrintWriter out) {
    this.out = out;
  }

  /** Polls {@code status} until the run's result is ready, printing what changed each time. */
  public PipelineResult follow(
      Supplier<PipelineResult> status, Supplier<PipelineResult> finalResult)
      throws InterruptedException {
    while (true) {
      PipelineResult current = status.get();
      if (current != null) {
        show(current);
        if (current.outcome() != Outcome.RUNNING) {
          break;
        }
      }
      PipelineResult done = finalResult.get();
      if (done != null) {
        show(done);
        return done;
      }
      Thread.sleep(250);
    }
    PipelineResult done;
    while ((done = finalResult.get()) == null) {
      Thread.sleep(100);
    }
    show(done);
    return done;
  }

  /** Prints whatever changed since the last call. */
  public void show(PipelineResult state) {
    AbWindowStatus ab = state.abWindow();
    boolean abShown = false;
    for (NodeState node : state.nodes()) {
      boolean isAbNode = ab != null && ab.nodeId().equals(node.nodeId());
      if (isAbNode && node.status() != NodeStatus.RUNNING) {
        // The window's last progress belongs before the line that ends its node.
        showAbWindow(ab);
        abShown = true;
      }
      showNode(node, isAbNode);
      if (isAbNode && !abShown) {
        showAbWindow(ab);
        abShown = true;
      }
    }
    if (!abShown) {
      showAbWindow(ab);
    }
    out.flush();
  }

  private void showNode(NodeState node, boolean isAbNode) {
    NodeStatus before = seenStatus.put(node.nodeId(), node.status());
    if (before != node.status()) {
      printNode(node);
      seenDetail.put(node.nodeId(), node.detail());
    } else if (node.status() == NodeStatus.RUNNING
        && node.detail() != null
        && !node.detail().equals(seenDetail.get(node.nodeId()))) {
      seenDetail.put(node.nodeId(), node.detail());
      if (!isAbNode) {
        out.printf("  %-16s %s%n", node.nodeId(), node.detail());
      }
    }
  }

  private void printNode(NodeState node) {
    long took =
        node.finishedAtMillis() > 0 && node.startedAtMillis() > 0
            ? node.finishedAtMillis() - node.startedAtMillis()
            : -1;
    String duration = took < 0 ? "" : Durations.format(took);
    if (took > System.currentTimeMillis() - followingSinceMillis) {
      // Longer than this command has been running: the test server skipped the node's timers.
      duration += " (timers skipped)";
    }
    String attempts = node.attempts() > 1 ? node.attempts() + " attempts" : "";
    String detail = node.detail() == null ? "" : node.detail();
    out.printf(
        "  %-16s %-15s %-11s %-8s %s%n",
        node.nodeId(),
        node.handler(),
        node.status(),
        duration,
        String.join("  ", nonEmpty(attempts, detail)));
  }

  private void showAbWindow(AbWindowStatus ab) {
    if (ab == null) {
      return;
    }
    boolean stepped = ab.elapsedHours() - lastAbHoursReported >= AB_REPORT_STEP_HOURS;
    boolean decided = ab.decision() != null && ab.checks() != lastAbChecksReported;
    if (!stepped && !decided && lastAbHoursReported >= 0) {
      return;
    }
    lastAbHoursReported = ab.elapsedHours();
    lastAbChecksReported = ab.checks();
    out.printf(
        "  %-16s A/B window %.1f/%.1f h, %d checks%s%s%n",
        ab.nodeId(),
        ab.elapsedHours(),
        ab.totalHours(),
        ab.checks(),
        ab.lastCheck() == null ? "" : "; last: " + ab.lastCheck(),
        ab.decision() == null ? "" : "; ended by " + ab.decision());
  }

  private static String[] nonEmpty(String... parts) {
    return java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).toArray(String[]::new);
  }
}
