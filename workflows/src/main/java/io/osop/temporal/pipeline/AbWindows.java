package io.osop.temporal.pipeline;

import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The A/B windows of a run, for the signals: approve, reject and extend reach every window running
 * when they arrive. A signal that arrives while no window runs changes nothing and is logged.
 */
final class AbWindows {

  private static final Logger log = Workflow.getLogger(AbWindows.class);

  private final List<AbWindow> open = new ArrayList<>();
  private AbWindow latest;

  void open(AbWindow window) {
    open.add(window);
    latest = window;
  }

  void close(AbWindow window) {
    open.remove(window);
  }

  /** The status of the window started last, or null when none has started. */
  AbWindowStatus latestStatus() {
    return latest == null ? null : latest.status();
  }

  void decide(String decision, String reason) {
    int reached = 0;
    for (AbWindow window : open) {
      if (!window.isDecided()) {
        window.decide(decision, reason);
        reached++;
      }
    }
    logReach(decision, reached);
  }

  void extend(double hours) {
    if (!(hours > 0)) {
      log.warn("Extend signal ignored: hours must be positive. hours={}", hours);
      return;
    }
    int reached = 0;
    for (AbWindow window : open) {
      if (!window.isDecided()) {
        window.totalHours += hours;
        reached++;
      }
    }
    logReach("extend by " + hours + " h", reached);
  }

  private static void logReach(String signal, int reached) {
    if (reached == 0) {
      log.warn("Signal ignored: no A/B window is running. signal={}", signal);
    } else {
      log.info("Signal applied to the running A/B window. signal={} windows={}", signal, reached);
    }
  }
}
