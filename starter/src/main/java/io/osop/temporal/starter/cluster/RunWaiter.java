package io.osop.temporal.starter.cluster;

import io.temporal.client.WorkflowFailedException;

/** Words for the ways a workflow can end without a result. */
final class RunWaiter {
  private RunWaiter() {}

  static String describe(WorkflowFailedException e) {
    Throwable cause = e.getCause();
    String kind = cause == null ? "failed" : cause.getClass().getSimpleName();
    String message = cause == null ? e.getMessage() : cause.getMessage();
    return kind + (message == null ? "" : ": " + message);
  }
}
