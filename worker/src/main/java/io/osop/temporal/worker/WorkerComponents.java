package io.osop.temporal.worker;

import io.osop.temporal.pipeline.Handler;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;

/** What a worker serves: the pipeline workflow and the activity implementations per handler. */
public interface WorkerComponents {

  /** Registers the pipeline workflow implementation on the workflow task queue's worker. */
  void registerWorkflow(Worker worker);

  /** Activity implementations of each handler with activities of its own. */
  Map<Handler, List<Object>> activities();

  /** One line naming the backend behind each interface, for the start-up log. */
  String describe();
}
