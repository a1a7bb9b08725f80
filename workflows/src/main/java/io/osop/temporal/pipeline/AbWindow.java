package io.osop.temporal.pipeline;

import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowCheck;
import java.util.Locale;

/** The mutable state of one running A/B window: its length, its checks and any decision. */
final class AbWindow {

  /** Decision value when an {@code approve} signal ended the window. */
  static final String APPROVE = "approve";

  /** Decision value when a {@code reject} signal ended the window. */
  static final String REJECT = "reject";

  /** Decision value when a breached guardrail ended the window. */
  static final String GUARDRAIL = "guardrail";

  final String nodeId;
  double totalHours;
  double elapsedHours;
  int checks;
  String lastCheck;
  String decision;
  String decisionReason;

  AbWindow(String nodeId, double totalHours) {
    this.nodeId = nodeId;
    this.totalHours = totalHours;
  }

  boolean isDecided() {
    return decision != null;
  }

  /** Ends the window with a decision; the first decision wins. */
  void decide(String decision, String reason) {
    if (this.decision == null) {
      this.decision = decision;
      this.decisionReason = reason;
    }
  }

  void recordCheck(ShadowCheck check) {
    checks++;
    lastCheck =
        String.format(
            Locale.ROOT,
            "check %d: %d requests, %d labelled, candidate accuracy %.4f vs production %.4f,"
                + " agreement %.4f, p99 %.1f ms vs %.1f ms, %d errors%s",
            check.checkIndex(),
            check.requests(),
            check.labelled(),
            check.candidateAccuracy(),
            check.productionAccuracy(),
            check.agreement(),
            check.candidateP99Millis(),
            check.productionP99Millis(),
            check.candidateErrors(),
            check.guardrailBreach() == null
                ? ""
                : "; guardrail breached: " + check.guardrailBreach());
  }

  String progress() {
    return String.format(
        Locale.ROOT,
        "A/B window %.1f of %.1f h, %d checks%s",
        elapsedHours,
        totalHours,
        checks,
        decision == null ? "" : ", ended by " + decision);
  }

  AbWindowStatus status() {
    String ended =
        decision == null ? null : decision + (decisionReason == null ? "" : ": " + decisionReason);
    return new AbWindowStatus(nodeId, elapsedHours, totalHours, checks, lastCheck, ended);
  }
}
