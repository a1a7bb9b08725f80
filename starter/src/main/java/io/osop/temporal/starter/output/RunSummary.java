package io.osop.temporal.starter.output;

import io.osop.temporal.pipeline.CompensationRecord;
import io.osop.temporal.pipeline.NodeState;
import io.osop.temporal.pipeline.NodeStatus;
import io.osop.temporal.pipeline.Outcome;
import io.osop.temporal.pipeline.PipelineResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Prints the end of a run for a person: the outcome and why, candidate against baseline per metric,
 * the A/B evidence, what was undone, where every artifact lies, and the workflow id.
 */
public final class RunSummary {

  private static final java.util.Set<String> LOWER_IS_BETTER =
      java.util.Set.of("p99_latency", "demographic_parity");

  private final PrintWriter out;

  /** A summary printing to {@code out}. */
  public RunSummary(PrintWriter out) {
    this.out = out;
  }

  /** Prints the summary of a finished run. */
  public void print(PipelineResult result) {
    out.println();
    out.printf("Outcome: %s%s%n", result.outcome(), reasonOf(result));
    for (NodeState node : result.nodes()) {
      printEvaluation(node);
      printAbTest(node);
    }
    if (result.outcome() != Outcome.PROMOTED && result.outcome() != Outcome.COMPLETED) {
      printCompensations(result.compensations());
    }
    printProduction(result);
    printArtifacts(result.nodes());
    if (result.errors() != null && !result.errors().isEmpty()) {
      out.println("Errors:");
      result.errors().forEach(e -> out.println("  " + e));
    }
    out.printf("Workflow id: %s%n", result.workflowId());
    out.flush();
  }

  private static String reasonOf(PipelineResult result) {
    return result.reason() == null || result.reason().isBlank() ? "" : " (" + result.reason() + ")";
  }

  private void printEvaluation(NodeState node) {
    if (node.status() != NodeStatus.SUCCEEDED
        || !(node.outputs().get("metrics") instanceof Map<?, ?> metrics)) {
      return;
    }
    Map<?, ?> baseline = node.outputs().get("baseline") instanceof Map<?, ?> b ? b : Map.of();
    String against =
        "production".equals(node.outputs().get("baseline_kind"))
            ? "production model " + node.outputs().get("baseline_model")
            : "the majority-class predictor (no production model yet)";
    out.printf("Evaluation (%s): candidate against %s%n", node.nodeId(), against);
    out.printf("  %-20s %12s %12s%n", "metric", "candidate", "baseline");
    TreeSet<String> names = new TreeSet<>();
    metrics.keySet().forEach(k -> names.add(String.valueOf(k)));
    for (String name : names) {
      out.printf(
          "  %-20s %12s %12s%s%n",
          name,
          number(metrics.get(name)),
          number(baseline.get(name)),
          LOWER_IS_BETTER.contains(name) ? "  (lower is better)" : "");
    }
  }

  private void printAbTest(NodeState node) {
    Object result = node.outputs().get("ab_result");
    if (result == null) {
      return;
    }
    out.printf("A/B test (%s): %s, %s%n", node.nodeId(), result, node.outputs().get("ab_reason"));
    if (node.outputs().get("ab_evidence") instanceof Map<?, ?> evidence) {
      List<String> parts = new ArrayList<>();
      new TreeSet<>(evidence.keySet().stream().map(String::valueOf).toList())
          .forEach(k -> parts.add(k + "=" + number(evidence.get(k))));
      out.println("  " + String.join(" ", parts));
    }
  }

  private void printCompensations(List<CompensationRecord> compensations) {
    List<CompensationRecord> ran =
        compensations == null
            ? List.of()
            : compensations.stream().filter(c -> !"REGISTERED".equals(c.status())).toList();
    if (ran.isEmpty()) {
      return;
    }
    out.println("Undone:");
    for (CompensationRecord c : ran) {
      out.printf(
          "  %-16s %-7s %s%s%n",
          c.nodeId(), c.status(), c.description(), c.error() == null ? "" : ": " + c.error());
    }
  }

  /** Says what production serves after the run, the question every run ends with. */
  private void printProduction(PipelineResult result) {
    Object before = null;
    Object promoted = null;
    for (NodeState node : result.nodes()) {
      if ("production".equals(node.outputs().get("baseline_kind"))) {
        before = node.outputs().get("baseline_model");
      }
      if (node.status() == NodeStatus.SUCCEEDED && node.outputs().get("model_version") != null) {
        promoted = node.outputs().get("model_version");
      }
    }
    String previous = before == null ? "none" : before.toString();
    if (promoted != null) {
      out.printf("Production model: %s (promoted by this run; was %s)%n", promoted, previous);
    } else if (result.outcome() != Outcome.REJECTED
        && result.compensations() != null
        && result.compensations().stream().anyMatch(c -> "DONE".equals(c.status()))) {
      out.printf("Production model: %s (this run's changes were undone)%n", previous);
    } else {
      out.printf("Production model: %s (unchanged)%n", previous);
    }
  }

  private void printArtifacts(List<NodeState> nodes) {
    List<String> lines = new ArrayList<>();
    for (NodeState node : nodes) {
      new TreeSet<>(node.outputs().keySet())
          .stream()
              .filter(k -> k.endsWith("_uri") && node.outputs().get(k) != null)
              .forEach(
                  k ->
                      lines.add(
                          String.format(
                              "  %-16s %-13s %s", node.nodeId(), k, node.outputs().get(k))));
      Object version = node.outputs().get("model_version");
      if (version != null) {
        lines.add(String.format("  %-16s %-13s %s", node.nodeId(), "model_version", version));
      }
    }
    if (!lines.isEmpty()) {
      out.println("Artifacts:");
      lines.forEach(out::println);
    }
  }

  private static String number(Object value) {
    if (value instanceof Double d) {
      return Double.isNaN(d) ? "n/a" : String.format("%.4f", d);
    }
    if (value instanceof Float f) {
      return String.format("%.4f", f);
    }
    return value == null ? "-" : String.valueOf(value);
  }
}
