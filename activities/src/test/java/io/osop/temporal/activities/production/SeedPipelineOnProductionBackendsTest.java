package io.osop.temporal.activities.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.osop.temporal.activities.data.DataActivitiesImpl;
import io.osop.temporal.activities.data.ObjectStoreFeatureStore;
import io.osop.temporal.activities.evaluation.EvaluationActivitiesImpl;
import io.osop.temporal.activities.evaluation.EvaluationSettings;
import io.osop.temporal.activities.serving.CanaryHealthPolicy;
import io.osop.temporal.activities.serving.ModelRegistry;
import io.osop.temporal.activities.serving.ObjectStoreModelRegistry;
import io.osop.temporal.activities.serving.RegistryActivitiesImpl;
import io.osop.temporal.activities.serving.ServingActivitiesImpl;
import io.osop.temporal.activities.serving.ShadowTrafficActivitiesImpl;
import io.osop.temporal.activities.serving.istio.IstioSettings;
import io.osop.temporal.activities.serving.istio.IstioTrafficMirror;
import io.osop.temporal.activities.serving.kserve.InferenceServices;
import io.osop.temporal.activities.serving.kserve.KServeServingBackend;
import io.osop.temporal.activities.serving.kserve.KServeSettings;
import io.osop.temporal.activities.serving.kserve.MockServingApi;
import io.osop.temporal.activities.serving.prometheus.FakePrometheus;
import io.osop.temporal.activities.serving.prometheus.PrometheusOnlineMetrics;
import io.osop.temporal.activities.serving.prometheus.PrometheusSettings;
import io.osop.temporal.activities.storage.gcs.FakeGcsBucket;
import io.osop.temporal.activities.storage.gcs.GcsObjectStore;
import io.osop.temporal.activities.storage.gcs.GcsSettings;
import io.osop.temporal.activities.training.TrainingActivitiesImpl;
import io.osop.temporal.activities.training.kubernetes.KubernetesTrainingExecutor;
import io.osop.temporal.activities.training.kubernetes.KubernetesTrainingSettings;
import io.osop.temporal.osop.Compilation;
import io.osop.temporal.osop.PipelineCompiler;
import io.osop.temporal.pipeline.ActivityDefaults;
import io.osop.temporal.pipeline.NodeState;
import io.osop.temporal.pipeline.Outcome;
import io.osop.temporal.pipeline.PipelineDefinition;
import io.osop.temporal.pipeline.PipelineInput;
import io.osop.temporal.pipeline.PipelineResult;
import io.osop.temporal.pipeline.PipelineWorkflow;
import io.osop.temporal.pipeline.PipelineWorkflowImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed pipeline from file to promoted model on the production backends: GCS (a fake bucket),
 * Kubernetes Jobs, KServe and Istio (fabric8's mock API with a simulated cluster behind it) and
 * Prometheus (a fake HTTP API), under the embedded Temporal test server with time skipping.
 */
@EnableKubernetesMockClient(crud = true)
class SeedPipelineOnProductionBackendsTest {

  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final String NS = "ml";
  private static final String TASK_QUEUE = "osop-pipelines";

  @TempDir Path temp;

  private static Path example() {
    Path folder = Path.of("..", "examples", "argo-ml-training").toAbsolutePath().normalize();
    assumeTrue(
        Files.isRegularFile(folder.resolve("argo-ml-training.osop.yaml")),
        "the seed example is missing: " + folder);
    return folder;
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theSeedPipelineRunsFromFileToPromotedModel() throws Exception {
    Path example = example();
    FakeGcsBucket artifacts = new FakeGcsBucket();
    GcsObjectStore store =
        new GcsObjectStore(GcsSettings.of("acme-ml-artifacts", "runs"), artifacts);
    GcsObjectStore features =
        new GcsObjectStore(
            GcsSettings.of("acme-ml-features", "feature-store"), new FakeGcsBucket());
    uploadFeatureTable(example, features);
    ModelRegistry registry = new ObjectStoreModelRegistry(store);

    MockServingApi.register(server);
    createLiveEndpoint();
    try (FakePrometheus prometheus = new FakePrometheus();
        FakePlatform platform =
            new FakePlatform(
                client, server, NS, store, example, Files.createDirectories(temp.resolve("pods")));
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      answerMetrics(prometheus);
      Worker worker = env.newWorker(TASK_QUEUE);
      worker.registerWorkflowImplementationFactory(
          PipelineWorkflow.class, () -> new PipelineWorkflowImpl(ActivityDefaults.builtIn()));
      worker.registerActivitiesImplementations(
          activities(store, features, registry, prometheus).toArray());
      env.start();

      PipelineWorkflow run =
          env.getWorkflowClient()
              .newWorkflowStub(
                  PipelineWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId("seed-on-gke")
                      .setTaskQueue(TASK_QUEUE)
                      .build());
      PipelineResult result = run.run(new PipelineInput(compile(example), Map.of()));

      assertThat(platform.failure()).isNull();
      assertThat(result.outcome())
          .as(result.reason() + " " + result.errors())
          .isEqualTo(Outcome.PROMOTED);
      String version = (String) node(result, "deploy_serving").outputs().get("model_version");
      assertThat(registry.resolve("models/production/latest")).contains(version);

      GenericKubernetesResource live = new InferenceServices(client, NS).get("recommendation");
      assertThat(InferenceServices.value(live, "spec", "predictor", "canaryTrafficPercent"))
          .isNull();
      assertThat(InferenceServices.value(live, "spec", "predictor", "model", "storageUri"))
          .isEqualTo(registry.modelUri(version));
      assertThat(live.getMetadata().getAnnotations())
          .containsEntry(KServeServingBackend.STABLE_REVISION, version);

      assertThat(platform.jobsRun).hasSize(1);
      assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(1);
      assertThat(mirroredRoutes()).as("mirror removed at the end of the test").isZero();
      assertThat(artifacts.names())
          .noneMatch(name -> name.contains(GcsObjectStore.TEMPORARY_FOLDER));
      assertThat(artifacts.names()).anyMatch(name -> name.endsWith("/log.txt"));
    }
  }

  private static PipelineDefinition compile(Path example) {
    Compilation compilation =
        PipelineCompiler.compile(example.resolve("argo-ml-training.osop.yaml"), Map.of());
    assertThat(compilation.errors()).isEmpty();
    return compilation.definition();
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

  private List<Object> activities(
      GcsObjectStore store,
      GcsObjectStore features,
      ModelRegistry registry,
      FakePrometheus prometheus)
      throws Exception {
    Map<String, String> services =
        Map.of("default", "recommendation", "models/recommendation/v3", "recommendation");
    KServeSettings kserve =
        new KServeSettings(
            NS,
            "onnx",
            null,
            null,
            Duration.ofSeconds(20),
            Duration.ofMillis(100),
            new KServeSettings.CanaryQueries(
                prometheus.url(),
                "5m",
                "canary_requests{revision=\"{revision}\"}",
                "canary_errors{revision=\"{revision}\"}",
                "canary_p99_ms{revision=\"{revision}\"}"),
            services);
    Map<String, String> queries = new LinkedHashMap<>();
    for (String name : PrometheusSettings.REQUIRED) {
      queries.put(name, "shadow_" + name + "{shadow=\"{shadow}\",window=\"{window}\"}");
    }
    Path scratch = Files.createDirectories(temp.resolve("scratch"));
    var mirror = new IstioTrafficMirror(new IstioSettings(NS, null, null, 80, kserve), client);
    var metrics =
        new PrometheusOnlineMetrics(
            new PrometheusSettings(prometheus.url(), NS, Duration.ofSeconds(5), queries),
            HttpClient.newHttpClient());
    var executor =
        new KubernetesTrainingExecutor(
            new KubernetesTrainingSettings(
                NS, "trainer:test", null, null, Map.of(), List.of(), 0, 0, Duration.ofMillis(200)),
            client);
    return List.of(
        new DataActivitiesImpl(new ObjectStoreFeatureStore(features, ""), store, scratch),
        new TrainingActivitiesImpl(executor, store, scratch),
        new EvaluationActivitiesImpl(store, registry, EvaluationSettings.defaults()),
        new ShadowTrafficActivitiesImpl(mirror, metrics, registry),
        new ServingActivitiesImpl(
            new KServeServingBackend(kserve, client), CanaryHealthPolicy.defaults()),
        new RegistryActivitiesImpl(registry));
  }

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
