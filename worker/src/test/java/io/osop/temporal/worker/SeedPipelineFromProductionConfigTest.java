package io.osop.temporal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.osop.temporal.activities.serving.ModelRegistry;
import io.osop.temporal.activities.serving.ObjectStoreModelRegistry;
import io.osop.temporal.activities.serving.istio.IstioTrafficMirror;
import io.osop.temporal.activities.serving.kserve.InferenceServices;
import io.osop.temporal.activities.serving.kserve.KServeServingBackend;
import io.osop.temporal.activities.serving.kserve.KServeSettings;
import io.osop.temporal.activities.serving.kserve.MockServingApi;
import io.osop.temporal.activities.serving.prometheus.FakePrometheus;
import io.osop.temporal.activities.storage.gcs.FakeGcsBucket;
import io.osop.temporal.activities.storage.gcs.GcsBucket;
import io.osop.temporal.activities.storage.gcs.GcsObjectStore;
import io.osop.temporal.activities.storage.gcs.GcsSettings;
import io.osop.temporal.osop.Compilation;
import io.osop.temporal.osop.PipelineCompiler;
import io.osop.temporal.pipeline.NodeState;
import io.osop.temporal.pipeline.Outcome;
import io.osop.temporal.pipeline.PipelineDefinition;
import io.osop.temporal.pipeline.PipelineInput;
import io.osop.temporal.pipeline.PipelineResult;
import io.osop.temporal.pipeline.PipelineWorkflow;
import io.osop.temporal.worker.config.WorkerConfig;
import io.osop.temporal.worker.config.WorkerConfigLoader;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed pipeline from file to promoted model on the backends a worker configuration selects
 * (GCS, Kubernetes Jobs, KServe, Istio, Prometheus), built by {@link Backends} as the worker builds
 * them, with a fake bucket, fabric8's mock API (a simulated cluster behind it runs train.py) and a
 * fake Prometheus in place of the cloud, under the embedded Temporal test server.
 */
@EnableKubernetesMockClient(crud = true)
class SeedPipelineFromProductionConfigTest {

  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final String NS = "ml";

  @TempDir Path temp;

  private final Map<String, FakeGcsBucket> buckets = new ConcurrentHashMap<>();

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theSeedPipelineRunsFromFileToPromotedModel() throws Exception {
    Path example = example();
    GcsObjectStore artifacts = store("acme-ml-artifacts", "runs");
    uploadFeatureTable(example, store("acme-ml-features", "feature-store"));
    ModelRegistry registry = new ObjectStoreModelRegistry(artifacts);
    MockServingApi.register(server);
    createLiveEndpoint();

    try (FakePrometheus prometheus = new FakePrometheus();
        FakePlatform platform =
            new FakePlatform(
                client,
                server,
                NS,
                artifacts,
                example,
                Files.createDirectories(temp.resolve("pods")));
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      answerMetrics(prometheus);
      WorkerConfig config = config(prometheus);
      Backends backends = Backends.create(config, new MockClouds());
      assertThat(backends.describe())
          .isEqualTo(
              "object_store:gcs,feature_store:gcs,training:kubernetes,serving:kserve,"
                  + "traffic:istio,metrics:prometheus");
      Worker worker = env.newWorker(config.temporal().taskQueue());
      backends.registerWorkflow(worker);
      worker.registerActivitiesImplementations(
          backends.activities().values().stream().flatMap(List::stream).toArray());
      env.start();

      PipelineResult result = run(env, config.temporal().taskQueue(), compile(example));

      assertThat(platform.failure()).isNull();
      assertThat(result.outcome())
          .as(result.reason() + " " + result.errors())
          .isEqualTo(Outcome.PROMOTED);
      String version = (String) node(result, "deploy_serving").outputs().get("model_version");
      assertThat(registry.resolve("models/production/latest")).contains(version);

      GenericKubernetesResource live = new InferenceServices(client, NS).get("recommendation");
      assertThat(InferenceServices.value(live, "spec", "predictor", "canaryTrafficPercent"))
          .as("the canary was promoted to all traffic")
          .isNull();
      assertThat(InferenceServices.value(live, "spec", "predictor", "model", "storageUri"))
          .isEqualTo(registry.modelUri(version));
      assertThat(live.getMetadata().getAnnotations())
          .containsEntry(KServeServingBackend.STABLE_REVISION, version);

      assertThat(platform.jobsRun).hasSize(1);
      assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(1);
      assertThat(mirroredRoutes()).as("mirror removed at the end of the test").isZero();
      FakeGcsBucket artifactBucket = buckets.get("acme-ml-artifacts");
      assertThat(artifactBucket.names())
          .noneMatch(name -> name.contains(GcsObjectStore.TEMPORARY_FOLDER));
      assertThat(artifactBucket.names()).anyMatch(name -> name.endsWith("/log.txt"));
    }
  }

  /** The fixture configuration, with what is only known now laid over it as the worker would. */
  private WorkerConfig config(FakePrometheus prometheus) throws Exception {
    Path file = Path.of(getClass().getResource("/production/worker-on-mock-cluster.yaml").toURI());
    return WorkerConfigLoader.load(
        file,
        Map.of(
            "OSOP_WORKER__BACKENDS__METRICS__URL", prometheus.url().toString(),
            "OSOP_WORKER__BACKENDS__SERVING__HEALTH__PROMETHEUS_URL", prometheus.url().toString(),
            "OSOP_WORKER__BACKENDS__TRAINING__SCRATCH", temp.resolve("scratch").toString()));
  }

  /** One fake bucket per name, and the mock server's client, in place of the cloud's clients. */
  private final class MockClouds implements ExternalClients {
    @Override
    public GcsBucket gcsBucket(String project, GcsSettings settings) {
      return buckets.computeIfAbsent(settings.bucket(), name -> new FakeGcsBucket());
    }

    @Override
    public KubernetesClient kubernetes() {
      return client;
    }
  }

  private GcsObjectStore store(String bucket, String prefix) {
    return new GcsObjectStore(
        GcsSettings.of(bucket, prefix),
        buckets.computeIfAbsent(bucket, name -> new FakeGcsBucket()));
  }

  private static Path example() {
    Path folder = Path.of("..", "examples", "argo-ml-training").toAbsolutePath().normalize();
    assumeTrue(
        Files.isRegularFile(folder.resolve("argo-ml-training.osop.yaml")),
        "the seed example is missing: " + folder);
    return folder;
  }

  private static PipelineDefinition compile(Path example) {
    Compilation compilation =
        PipelineCompiler.compile(example.resolve("argo-ml-training.osop.yaml"), Map.of());
    assertThat(compilation.errors()).isEmpty();
    return compilation.definition();
  }

  private static PipelineResult run(
      TestWorkflowEnvironment env, String taskQueue, PipelineDefinition definition) {
    PipelineWorkflow run =
        env.getWorkflowClient()
            .newWorkflowStub(
                PipelineWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("seed-from-production-config")
                    .setTaskQueue(taskQueue)
                    .build());
    return run.run(new PipelineInput(definition, Map.of()));
  }

  private static NodeState node(PipelineResult result, String id) {
    return result.nodes().stream().filter(n -> n.nodeId().equals(id)).findFirst().orElseThrow();
  }

  private void uploadFeatureTable(Path example, GcsObjectStore features) throws Exception {
    Path table = Files.createDirectories(temp.resolve("table"));
    Process generate =
        new ProcessBuilder(
                "python3",
                example.resolve("generate.py").toString(),
                table.toString(),
                "--rows",
                "3000")
            .redirectErrorStream(true)
            .start();
    String output = new String(generate.getInputStream().readAllBytes());
    assumeTrue(generate.waitFor() == 0, "python3 could not generate the table: " + output);
    features.write("user-embeddings/v3/data.csv", Files.readAllBytes(table.resolve("data.csv")));
    features.write(
        "user-embeddings/v3/schema.yaml",
        Files.readAllBytes(example.resolve("feature-store/user-embeddings/v3/schema.yaml")));
  }

  /** Healthy shadow numbers with a better candidate, and a healthy canary. */
  private static void answerMetrics(FakePrometheus prometheus) {
    prometheus.valueFor("shadow_requests", 5000);
    prometheus.valueFor("shadow_labelled", 2000);
    prometheus.valueFor("shadow_error_rate", 0.001);
    prometheus.valueFor("shadow_candidate_p99_ms", 21);
    prometheus.valueFor("shadow_production_p99_ms", 20);
    prometheus.valueFor("shadow_candidate_accuracy", 0.86);
    prometheus.valueFor("shadow_production_accuracy", 0.84);
    prometheus.valueFor("canary_requests", 500);
    prometheus.valueFor("canary_errors", 1);
    prometheus.valueFor("canary_p99_ms", 30);
  }

  /** The endpoint already serves an older model, with a VirtualService routing its traffic. */
  private static void createLiveEndpoint() {
    InferenceServices services = new InferenceServices(client, NS);
    KServeSettings plain = new KServeSettings(NS, "onnx", null, null, null, null, null, Map.of());
    services.createIfAbsent(
        services.manifest(
            "recommendation",
            plain,
            "gs://acme-ml-artifacts/legacy/model.onnx",
            Map.of(),
            Map.of()));
    GenericKubernetesResource virtualService =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("networking.istio.io/v1beta1")
            .withKind("VirtualService")
            .withNewMetadata()
            .withName("recommendation-ingress")
            .withNamespace(NS)
            .endMetadata()
            .build();
    virtualService.setAdditionalProperty(
        "spec",
        Map.of(
            "hosts",
            List.of("recommendation.example.com"),
            "http",
            List.of(
                Map.of(
                    "route",
                    List.of(
                        Map.of(
                            "destination",
                            Map.of("host", "recommendation-predictor.ml.svc.cluster.local")))))));
    client
        .genericKubernetesResources(IstioTrafficMirror.VIRTUAL_SERVICE)
        .inNamespace(NS)
        .resource(virtualService)
        .create();
  }

  @SuppressWarnings("unchecked")
  private static long mirroredRoutes() {
    GenericKubernetesResource virtualService =
        client
            .genericKubernetesResources(IstioTrafficMirror.VIRTUAL_SERVICE)
            .inNamespace(NS)
            .withName("recommendation-ingress")
            .get();
    List<Map<String, Object>> routes =
        (List<Map<String, Object>>) InferenceServices.value(virtualService, "spec", "http");
    return routes.stream().filter(route -> route.containsKey("mirror")).count();
  }
}
