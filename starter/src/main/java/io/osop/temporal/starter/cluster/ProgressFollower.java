package io.osop.temporal.starter.cluster;

import io.osop.temporal.pipeline.AbWindowStatus;
import io.osop.temporal.pipeline.NodeState;
import io.osop.temporal.pipeline.PipelineResult;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Prints what changed between successive live statuses of a run: one line per node change. */
final class ProgressFollower {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintWriter out;
  private final Map<String, String> lastSeen = new HashMap<>();
  private String lastWindow;

  ProgressFollower(PrintWriter out) {
    this.out = out;
  }

  void update(PipelineResult status) {
    for (NodeState node : status.nodes()) {
      String line =
          String.format(
              "%-18s %-15s %-11s%s%s",
              node.nodeId(),
              node.handler(),
              node.status(),
              node.attempts() > 1 ? " attempt " + node.attempts() : "",
              node.detail() == null || node.detail().isBlank() ? "" : "  " + node.detail());
      if (!Objects.equals(lastSeen.put(node.nodeId(), line), line)) {
        print(line);
      }
    }
    AbWindowStatus window = status.abWindow();
    if (window != null) {
      String line =
          String.format(
              "%-18s A/B window %.1f/%.1f h, %d checks%s",
              window.nodeId(),
              window.elapsedHours(),
              window.totalHours(),
              window.checks(),
              window.lastCheck() == null ? "" : ": " + window.lastCheck());
      if (!line.equals(lastWindow)) {
        lastWindow = line;
        print(line);
      }
    }
  }

  private void print(String line) {
    out.printf("%s  %s%n", LocalTime.now(ZoneOffset.UTC).format(CLOCK), line);
    out.flush();
  }
}
