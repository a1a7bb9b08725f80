package io.osop.temporal.worker;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.worker.config.WorkerConfig;
import io.osop.temporal.worker.metrics.PipelineMetrics;
import io.osop.temporal.worker.metrics.PipelineMetricsInterceptor;
import io.osop.temporal.worker.routing.ActivityRoutingInterceptor;
import io.osop.temporal.worker.routing.HandlerActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running worker: connects to Temporal, polls the workflow task queue and one activity
 * task queue per handler (each worker's activity slots are that handler's limit), serves /metrics,
 * /healthz and /readyz, and stops gracefully.
 */
public final class WorkerService {
  private static final Logger log = LoggerFactory.getLogger(WorkerService.class);
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
  private static final long READY_CACHE_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final WorkerConfig config;
  private final WorkerComponents components;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpEndpoints http;
  private final Scope sdkScope;
  private final WorkflowServiceStubs stubs;
  private volatile WorkerFactory factory;
  private volatile boolean stopping;
  private volatile long lastReachableNanos;

  private WorkerService(WorkerConfig config, WorkerComponents components)
      throws IOException, TemporalConnection.UnreachableException {
    this.config = config;
    this.components = components;
    this.http =
        HttpEndpoints.start(
            config.httpHost(), config.httpPort(), registry::scrape, () -> !stopping, this::ready);
    this.sdkScope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(1));
    this.stubs = TemporalConnection.open(config.temporal(), sdkScope);
  }

  /** Starts the HTTP endpoints (alive, not yet ready) and prepares the Temporal connection. */
  public static WorkerService create(WorkerConfig config, WorkerComponents components)
      throws IOException, TemporalConnection.UnreachableException {
    return new WorkerService(config, components);
  }

  /**
   * Waits until Temporal answers, then starts polling; while Temporal is unreachable the worker
   * stays alive but not ready, retrying. Returns at once if a stop was requested meanwhile.
   */
  public void run() throws InterruptedException {
    awaitTemporal();
    synchronized (this) {
      if (!stopping) {
        startPolling();
      }
    }
  }

  /** Marks the worker as stopping: not ready, and {@link #run} gives up waiting for Temporal. */
  public void requestStop() {
    stopping = true;
  }

  private void awaitTemporal() throws InterruptedException {
    long backoffMillis = 500;
    while (!stopping) {
      try {
        TemporalConnection.check(stubs, config.temporal().address(), CHECK_TIMEOUT);
        lastReachableNanos = System.nanoTime();
        return;
      } catch (TemporalConnection.UnreachableException e) {
        log.warn("Temporal is not reachable yet; retrying. reason={}", e.getMessage());
        Thread.sleep(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, 10_000);
      }
    }
  }

  private void startPolling() {
    String namespace = config.temporal().namespace();
    String taskQueue = config.temporal().taskQueue();
    WorkflowClient client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    PipelineMetrics metrics = new PipelineMetrics(registry);
    WorkerFactory workers =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(
                    new ActivityRoutingInterceptor(), new PipelineMetricsInterceptor(metrics))
                .build());

    WorkerOptions.Builder workflowOptions = WorkerOptions.newBuilder();
    if (!config.temporal().stickyExecution()) {
      // A zero sticky timeout makes the SDK ask for no sticky queue: every workflow task goes to
      // the shared queue, so any worker can take the next one.
      workflowOptions.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    Worker workflowWorker = workers.newWorker(taskQueue, workflowOptions.build());
    components.registerWorkflow(workflowWorker);

    List<String> served = new ArrayList<>();
    for (Map.Entry<Handler, List<Object>> entry : components.activities().entrySet()) {
      Handler handler = entry.getKey();
      int limit = config.limits().get(handler);
      Worker worker =
          workers.newWorker(
              HandlerActivities.taskQueue(taskQueue, handler),
              WorkerOptions.newBuilder()
                  .setMaxConcurrentActivityExecutionSize(limit)
                  .setAllowActivityHeartbeatDuringShutdown(true)
                  .build());
      worker.registerActivitiesImplementations(entry.getValue().toArray());
      served.add(handler.id() + "=" + limit);
    }
    workers.start();
    factory = workers;
    log.info(
        "Worker serving pipelines. address={} namespace={} task_queue={} workflow=PipelineWorkflow"
            + " activity_limits={} backends={} http_port={}",
        config.temporal().address(),
        namespace,
        taskQueue,
        String.join(",", served),
        components.describe(),
        http.port());
  }

  /** The port /metrics, /healthz and /readyz are served on. */
  public int httpPort() {
    return http.port();
  }

  /** The registry behind /metrics. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Ready when polling and Temporal answered within the last few seconds. */
  public boolean ready() {
    WorkerFactory current = factory;
    if (stopping || current == null || !current.isStarted() || current.isShutdown()) {
      return false;
    }
    if (System.nanoTime() - lastReachableNanos < READY_CACHE_NANOS) {
      return true;
    }
    try {
      TemporalConnection.check(stubs, config.temporal().address(), Duration.ofSeconds(2));
      lastReachableNanos = System.nanoTime();
      return true;
    } catch (TemporalConnection.UnreachableException e) {
      log.warn("Readiness check failed. reason={}", e.getMessage());
      return false;
    }
  }

  /**
   * Stops polling, lets running activities finish within the grace period, then interrupts the rest
   * so that Temporal retries them elsewhere, and closes the connection and HTTP endpoints.
   */
  public void stop() throws InterruptedException {
    stopping = true;
    WorkerFactory current;
    synchronized (this) {
      current = factory;
    }
    Duration grace = config.shutdownGrace();
    if (current != null) {
      log.info("Worker stopping: polling stopped, waiting for running activities. grace={}", grace);
      current.shutdown();
      current.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
      if (!current.isTerminated()) {
        log.warn(
            "Activities still running after the grace period; interrupting them. grace={}", grace);
        current.shutdownNow();
        current.awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    stubs.shutdown();
    stubs.awaitTermination(5, TimeUnit.SECONDS);
    try {
      sdkScope.close();
    } catch (ScopeCloseException e) {
      log.warn("Flushing the SDK metrics failed at shutdown. reason={}", e.getMessage());
    }
    http.close();
    log.info("Worker stopped.");
  }
}
