package io.osop.temporal.pipeline;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;

/** Turns Temporal failures into the type and one-line message users see for a node. */
final class FailureMessages {

  private FailureMessages() {}

  /** The node error a failure stands for: its innermost meaningful type and message. */
  static NodeRun.NodeError toNodeError(Throwable failure) {
    boolean timeout = false;
    String type = failure.getClass().getSimpleName();
    String message = failure.getMessage();
    String activity = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ActivityFailure activityFailure) {
        activity = activityFailure.getActivityType();
        type = "ActivityFailure";
        message = activity + " failed (" + activityFailure.getRetryState() + ")";
      } else if (cause instanceof TimeoutFailure timeoutFailure) {
        timeout = true;
        type = "Timeout";
        message = prefix(activity) + "timed out (" + timeoutFailure.getTimeoutType() + ")";
      } else if (cause instanceof ApplicationFailure application) {
        type = application.getType();
        message = prefix(activity) + application.getOriginalMessage();
      } else if (cause instanceof CanceledFailure) {
        type = "Canceled";
        message = prefix(activity) + "cancelled";
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return new NodeRun.NodeError(type, message, timeout);
  }

  /** One line for a failure: type and message. */
  static String describe(Throwable failure) {
    NodeRun.NodeError error = toNodeError(failure);
    return error.message() + " [" + error.type() + "]";
  }

  private static String prefix(String activity) {
    return activity == null ? "" : activity + ": ";
  }
}
