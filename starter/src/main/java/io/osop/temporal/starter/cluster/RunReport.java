package io.osop.temporal.starter.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.osop.temporal.pipeline.AbWindowStatus;
import io.osop.temporal.pipeline.CompensationRecord;
import io.osop.temporal.pipeline.NodeState;
import io.osop.temporal.pipeline.Outcome;
import io.osop.temporal.pipeline.PipelineResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Prints a run's result or live status as a short table, or as JSON. */
final class RunReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReport() {}

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The exit status a finished run maps to: 0 unless it failed or was cancelled. */
  static int exitStatus(PipelineResult result) {
    return result.outcome() == Outcome.FAILED || result.outcome() == Outcome.CANCELLED ? 1 : 0;
  }

  static void print(PrintWriter out, PipelineResult result) {
    out.printf("run       %s (pipeline %s)%n", result.workflowId(), result.pipelineId());
    out.printf(
        "outcome   %s%s%n",
        result.outcome(), result.reason() == null ? "" : ": " + result.reason());
    for (NodeState node : result.nodes()) {
      out.printf(
          "  %-18s %-15s %-11s %s%s%n",
          node.nodeId(),
          node.handler(),
          node.status(),
          attempts(node),
          node.detail() == null || node.detail().isBlank() ? "" : "  " + node.detail());
    }
    AbWindowStatus window = result.abWindow();
    if (window != null) {
      out.printf(
          "A/B       %s: %.3g of %.3g h, %d checks%s%n",
          window.nodeId(),
          window.elapsedHours(),
          window.totalHours(),
          window.checks(),
          window.decision() == null ? "" : ", decided by " + window.decision());
    }
    for (CompensationRecord compensation : result.compensations()) {
      out.printf(
          "undo      %s: %s %s%s%n",
          compensation.nodeId(),
          compensation.description(),
          compensation.status().toLowerCase(Locale.ROOT),
          compensation.error() == null ? "" : " (" + compensation.error() + ")");
    }
    for (String error : result.errors()) {
      out.printf("error     %s%n", error);
    }
    out.flush();
  }

  private static String attempts(NodeState node) {
    if (node.attempts() == 0) {
      return "";
    }
    String text = node.attempts() + (node.attempts() == 1 ? " attempt" : " attempts");
    if (node.finishedAtMillis() > 0 && node.startedAtMillis() > 0) {
      text += String.format(" %.1fs", (node.finishedAtMillis() - node.startedAtMillis()) / 1000.0);
    }
    return text;
  }
}
