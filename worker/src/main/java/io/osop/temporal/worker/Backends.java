package io.osop.temporal.worker;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.osop.temporal.activities.data.DataActivitiesImpl;
import io.osop.temporal.activities.data.ObjectStoreFeatureStore;
import io.osop.temporal.activities.evaluation.EvaluationActivitiesImpl;
import io.osop.temporal.activities.evaluation.EvaluationSettings;
import io.osop.temporal.activities.serving.CanaryHealthPolicy;
import io.osop.temporal.activities.serving.LocalOnlineMetrics;
import io.osop.temporal.activities.serving.LocalServingBackend;
import io.osop.temporal.activities.serving.LocalServingSettings;
import io.osop.temporal.activities.serving.LocalTrafficMirror;
import io.osop.temporal.activities.serving.ModelRegistry;
import io.osop.temporal.activities.serving.ObjectStoreModelRegistry;
import io.osop.temporal.activities.serving.OnlineMetrics;
import io.osop.temporal.activities.serving.RegistryActivitiesImpl;
import io.osop.temporal.activities.serving.ReplaySessions;
import io.osop.temporal.activities.serving.ServingActivitiesImpl;
import io.osop.temporal.activities.serving.ServingBackend;
import io.osop.temporal.activities.serving.ShadowTrafficActivitiesImpl;
import io.osop.temporal.activities.serving.TrafficMirror;
import io.osop.temporal.activities.serving.istio.IstioTrafficMirror;
import io.osop.temporal.activities.serving.kserve.KServeServingBackend;
import io.osop.temporal.activities.serving.prometheus.PrometheusOnlineMetrics;
import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.storage.ObjectStore;
import io.osop.temporal.activities.storage.gcs.GcsObjectStore;
import io.osop.temporal.activities.storage.gcs.GcsSettings;
import io.osop.temporal.activities.training.LocalProcessExecutor;
import io.osop.temporal.activities.training.TrainingActivitiesImpl;
import io.osop.temporal.activities.training.TrainingExecutor;
import io.osop.temporal.activities.training.kubernetes.KubernetesTrainingExecutor;
import io.osop.temporal.pipeline.ActivityDefaults;
import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.pipeline.PipelineWorkflow;
import io.osop.temporal.pipeline.PipelineWorkflowImpl;
import io.osop.temporal.worker.config.InvalidConfigException;
import io.osop.temporal.worker.config.WorkerConfig;
import io.osop.temporal.worker.config.WorkerConfig.Backend;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds every backend the configuration names and the activity implementations on top of them, and
 * registers the interpreter with the configured activity defaults. Backends are chosen here only,
 * never by the pipeline file, so one file runs on local and production backends unchanged.
 */
public final class Backends implements WorkerComponents {
  private final WorkerConfig config;
  private final ExternalClients clients;
  private final Map<Handler, List<Object>> activities;
  private KubernetesClient kubernetes;

  private Backends(WorkerConfig config, ExternalClients clients) {
    this.config = config;
    this.clients = clients;
    this.activities = new EnumMap<>(Handler.class);
  }

  /**
   * Creates every backend on the real external clients; see {@link #create(WorkerConfig,
   * ExternalClients)}.
   */
  public static Backends create(WorkerConfig config) throws InvalidConfigException {
    return create(config, ExternalClients.real());
  }

  /**
   * Creates every backend, reaching GCS and Kubernetes through the given clients; a setting a
   * backend refuses is reported like any config problem.
   */
  public static Backends create(WorkerConfig config, ExternalClients clients)
      throws InvalidConfigException {
    Backends backends = new Backends(config, clients);
    try {
      backends.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidConfigException(List.of(config.source() + ": backends: " + e.getMessage()));
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidConfigException(
          List.of(config.source() + ": backends: cannot open storage: " + e.getMessage()));
    }
    return backends;
  }

  private void build() throws IOException {
    WorkerConfig.BackendSettings b = config.backends();
    ObjectStore store = objectStore(b.objectStore(), "workspace/store");
    ModelRegistry registry = new ObjectStoreModelRegistry(store);
    ObjectStore featureRoot = objectStore(b.featureStore(), "workspace/feature-store");
    Path scratch =
        Files.createDirectories(Path.of(b.training().string("scratch", "workspace/scratch")));

    activities.put(
        Handler.PREPARE_DATA,
        List.of(
            new DataActivitiesImpl(new ObjectStoreFeatureStore(featureRoot, ""), store, scratch)));
    activities.put(
        Handler.RUN_COMMAND,
        List.of(new TrainingActivitiesImpl(trainingExecutor(b.training()), store, scratch)));
    activities.put(
        Handler.EVALUATE,
        List.of(new EvaluationActivitiesImpl(store, registry, EvaluationSettings.defaults())));

    LocalServingSettings local =
        b.serving().type().equals("local")
            ? LocalServingSettings.fromMap(b.serving().settings())
            : LocalServingSettings.defaults();
    ReplaySessions replay = new ReplaySessions(store, registry, local);
    ServingBackend serving =
        b.serving().type().equals("kserve")
            ? new KServeServingBackend(KubernetesSettings.kserve(b.serving()), kubernetes())
            : new LocalServingBackend(store, registry, local);
    TrafficMirror mirror =
        b.traffic().type().equals("istio")
            ? new IstioTrafficMirror(
                KubernetesSettings.istio(b.traffic(), b.serving()), kubernetes())
            : new LocalTrafficMirror(replay);
    OnlineMetrics metrics =
        b.metrics().type().equals("prometheus")
            ? new PrometheusOnlineMetrics(
                KubernetesSettings.prometheus(b.metrics()), HttpClient.newHttpClient())
            : new LocalOnlineMetrics(replay);
    activities.put(
        Handler.SHADOW_AB_TEST,
        List.of(new ShadowTrafficActivitiesImpl(mirror, metrics, registry)));
    activities.put(
        Handler.DEPLOY_SERVING,
        List.of(
            new ServingActivitiesImpl(serving, CanaryHealthPolicy.defaults()),
            new RegistryActivitiesImpl(registry)));
  }

  private ObjectStore objectStore(Backend backend, String defaultRoot) throws IOException {
    if (backend.type().equals("gcs")) {
      GcsSettings settings =
          GcsSettings.of(backend.string("bucket", null), backend.string("prefix", ""));
      return new GcsObjectStore(
          settings, clients.gcsBucket(backend.string("project", null), settings));
    }
    return new LocalObjectStore(Path.of(backend.string("root", defaultRoot)));
  }

  private TrainingExecutor trainingExecutor(Backend backend) {
    if (backend.type().equals("kubernetes")) {
      return new KubernetesTrainingExecutor(KubernetesSettings.training(backend), kubernetes());
    }
    return new LocalProcessExecutor(localHeartbeatInterval(), Duration.ofSeconds(10));
  }

  /**
   * A local command heartbeats every 5 s, or more often when the configured heartbeat timeout is
   * short, so that a live attempt is never taken for a lost one.
   */
  private Duration localHeartbeatInterval() {
    Duration timeout = config.activityDefaults().forHandler(Handler.RUN_COMMAND).heartbeat();
    Duration fiveSeconds = Duration.ofSeconds(5);
    return timeout == null || timeout.dividedBy(3).compareTo(fiveSeconds) >= 0
        ? fiveSeconds
        : timeout.dividedBy(3);
  }

  private KubernetesClient kubernetes() {
    if (kubernetes == null) {
      kubernetes = clients.kubernetes();
    }
    return kubernetes;
  }

  /** The interpreter's activity defaults from the configuration. */
  public ActivityDefaults activityDefaults() {
    return config.activityDefaults();
  }

  @Override
  public void registerWorkflow(Worker worker) {
    ActivityDefaults defaults = config.activityDefaults();
    worker.registerWorkflowImplementationFactory(
        PipelineWorkflow.class, () -> new PipelineWorkflowImpl(defaults));
  }

  @Override
  public Map<Handler, List<Object>> activities() {
    return activities;
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
