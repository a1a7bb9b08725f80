package io.osop.temporal.worker.metrics;

import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.pipeline.PipelineResult;
import io.osop.temporal.worker.routing.HandlerActivities;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Records {@link PipelineMetrics}: activity attempts as they end, and a run's outcome, node
 * durations and A/B decisions when its workflow returns. Nothing is recorded while a workflow
 * replays, so a run is counted once however often its history is replayed.
 */
public final class PipelineMetricsInterceptor extends WorkerInterceptorBase {
  private final PipelineMetrics metrics;

  /** Records into the given metrics. */
  public PipelineMetricsInterceptor(PipelineMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public WorkflowOutput execute(WorkflowInput input) {
        WorkflowOutput output;
        try {
          output = super.execute(input);
        } catch (CanceledFailure e) {
          recordOutcome("cancelled");
          throw e;
        } catch (TemporalFailure e) {
          recordOutcome("failed");
          throw e;
        }
        if (!Workflow.isReplaying() && output.getResult() instanceof PipelineResult result) {
          metrics.recordRun(result);
        }
        return output;
      }
    };
  }

  private void recordOutcome(String outcome) {
    if (!Workflow.isReplaying()) {
      metrics.recordRunOutcome(outcome);
    }
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        String type = context.getInfo().getActivityType();
        String handler = HandlerActivities.handlerOf(type).map(Handler::id).orElse("other");
        long started = System.nanoTime();
        String outcome = "failed";
        try {
          ActivityOutput output = super.execute(input);
          outcome = "succeeded";
          return output;
        } finally {
          metrics.recordActivity(
              handler, type, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
      }
    };
  }
}
