package io.osop.temporal.worker.routing;

import io.osop.temporal.pipeline.Handler;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import java.util.Optional;

/**
 * Sends each activity the workflow schedules to its handler's task queue. The queue is a pure
 * function of the workflow's task queue and the activity type, so every worker routes alike and
 * replay is unaffected; the workflow code itself never names a queue.
 */
public final class ActivityRoutingInterceptor extends WorkerInterceptorBase {

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public void init(WorkflowOutboundCallsInterceptor outbound) {
        super.init(new Routing(outbound));
      }
    };
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return next;
  }

  private static final class Routing extends WorkflowOutboundCallsInterceptorBase {
    Routing(WorkflowOutboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
      Optional<Handler> handler = HandlerActivities.handlerOf(input.getActivityName());
      String workflowQueue = Workflow.getInfo().getTaskQueue();
      String requested = input.getOptions().getTaskQueue();
      if (handler.isEmpty() || (requested != null && !requested.equals(workflowQueue))) {
        return super.executeActivity(input);
      }
      ActivityOptions routed =
          ActivityOptions.newBuilder(input.getOptions())
              .setTaskQueue(HandlerActivities.taskQueue(workflowQueue, handler.get()))
              .build();
      return super.executeActivity(
          new ActivityInput<>(
              input.getActivityName(),
              input.getResultClass(),
              input.getResultType(),
              input.getArgs(),
              routed,
              input.getHeader()));
    }
  }
}
