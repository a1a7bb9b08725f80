package io.osop.temporal.pipeline;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Creates activity stubs with a node's timeouts and retries: the handler's defaults, overridden by
 * the node's OSOP {@code retry_policy} and {@code timeout_sec}. Each call carries a summary for the
 * Web UI.
 */
final class ActivityStubs {

  private final ActivityDefaults defaults;

  ActivityStubs(ActivityDefaults defaults) {
    this.defaults = defaults;
  }

  /** A stub for one of the node's calls; {@code timeout_sec} applies to each call of the node. */
  <T> T forNode(Class<T> type, PipelineNode node, String summary) {
    ActivityDefaults.Settings settings = defaults.forHandler(node.handler());
    Duration startToClose =
        node.timeoutSeconds() > 0
            ? Duration.ofSeconds(node.timeoutSeconds())
            : settings.startToClose();
    RetryOptions.Builder retry = retryOptions(settings);
    RetrySettings policy = node.retry();
    if (policy != null) {
      if (policy.maximumAttempts() > 0) {
        retry.setMaximumAttempts(policy.maximumAttempts());
      }
      if (policy.initialIntervalSeconds() > 0) {
        retry.setInitialInterval(Duration.ofSeconds(policy.initialIntervalSeconds()));
      }
      if (policy.backoffCoefficient() >= 1.0) {
        retry.setBackoffCoefficient(policy.backoffCoefficient());
      }
    }
    return stub(type, startToClose, settings.heartbeat(), retry.build(), summary);
  }

  /** The attempts a call of the node gets, or 0 when unlimited. */
  int maximumAttempts(PipelineNode node) {
    RetrySettings policy = node.retry();
    if (policy != null && policy.maximumAttempts() > 0) {
      return policy.maximumAttempts();
    }
    return defaults.forHandler(node.handler()).maximumAttempts();
  }

  /** A stub for a saga compensation, with the compensation settings. */
  <T> T forCompensation(Class<T> type, String summary) {
    ActivityDefaults.Settings settings = defaults.compensation();
    return stub(
        type,
        settings.startToClose(),
        settings.heartbeat(),
        retryOptions(settings).build(),
        summary);
  }

  private static RetryOptions.Builder retryOptions(ActivityDefaults.Settings settings) {
    return RetryOptions.newBuilder()
        .setMaximumAttempts(settings.maximumAttempts())
        .setInitialInterval(settings.initialInterval())
        .setBackoffCoefficient(settings.backoffCoefficient())
        .setMaximumInterval(settings.maximumInterval())
        .setDoNotRetry(
            PipelineFailureTypes.BAD_NODE_CONFIG,
            PipelineFailureTypes.MISSING_ARTIFACT,
            PipelineFailureTypes.COMMAND_FAILED);
  }

  private static <T> T stub(
      Class<T> type,
      Duration startToClose,
      Duration heartbeat,
      RetryOptions retry,
      String summary) {
    ActivityOptions.Builder options =
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(startToClose)
            .setRetryOptions(retry)
            .setSummary(summary);
    if (heartbeat != null) {
      options.setHeartbeatTimeout(heartbeat);
    }
    return Workflow.newActivityStub(type, options.build());
  }
}
