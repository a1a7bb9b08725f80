package io.osop.temporal.activities.serving.kserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.osop.temporal.activities.serving.ServingBackend.Health;
import io.osop.temporal.activities.serving.prometheus.FakePrometheus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KServeServingBackendTest {

  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final String NS = "serving";
  private static final String ENDPOINT = "models/recommendation/v3";
  private final KServeSettings settings =
      new KServeSettings(
          NS,
          "onnx",
          null,
          "model-reader",
          Duration.ofMillis(300),
          Duration.ofMillis(50),
          null,
          Map.of(ENDPOINT, "recommendation"));
  private KServeServingBackend backend;
  private InferenceServices services;

  @BeforeEach
  void setUp() {
    MockServingApi.register(server);
    backend = new KServeServingBackend(settings, client);
    services = new InferenceServices(client, NS);
    services.delete("recommendation");
  }

  private GenericKubernetesResource isvc() {
    return services.get("recommendation");
  }

  private static Object at(GenericKubernetesResource service, String... path) {
    return InferenceServices.value(service, path);
  }

  private void deployStable() {
    backend.deployCanary(ENDPOINT, "v1", "gs://models/v1/model.onnx", 5, "first-run/deploy");
    backend.promote(ENDPOINT, "v1");
  }

  @Test
  void aCanaryGetsItsPercentOfTrafficBesideTheLiveRevision() {
    deployStable();

    backend.deployCanary(ENDPOINT, "v2", "gs://models/v2/model.onnx", 5, "wf-2/deploy");

    GenericKubernetesResource service = isvc();
    assertThat(at(service, "spec", "predictor", "canaryTrafficPercent")).isEqualTo(5);
    assertThat(at(service, "spec", "predictor", "model", "storageUri"))
        .isEqualTo("gs://models/v2/model.onnx");
    assertThat(at(service, "spec", "predictor", "model", "modelFormat", "name")).isEqualTo("onnx");
    assertThat(backend.liveRevision(ENDPOINT)).contains("v1");
  }

  @Test
  void aRetriedDeployWritesNothing() {
    deployStable();
    backend.deployCanary(ENDPOINT, "v2", "gs://models/v2/model.onnx", 5, "wf-2/deploy");
    String version = isvc().getMetadata().getResourceVersion();

    backend.deployCanary(ENDPOINT, "v2", "gs://models/v2/model.onnx", 5, "wf-2/deploy");

    assertThat(isvc().getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void promotionSendsAllTrafficToTheCanary() {
    deployStable();
    backend.deployCanary(ENDPOINT, "v2", "gs://models/v2/model.onnx", 5, "wf-2/deploy");

    backend.promote(ENDPOINT, "v2");
    backend.promote(ENDPOINT, "v2");

    GenericKubernetesResource service = isvc();
    assertThat(at(service, "spec", "predictor", "canaryTrafficPercent")).isNull();
    assertThat(at(service, "spec", "predictor", "model", "storageUri"))
        .isEqualTo("gs://models/v2/model.onnx");
    assertThat(backend.liveRevision(ENDPOINT)).contains("v2");
    assertThatThrownBy(() -> backend.promote(ENDPOINT, "v7")).hasMessageContaining("v7");
  }

  @Test
  void compensationRestoresThePreviousRevisionEvenAfterPromotion() {
    deployStable();
    backend.deployCanary(ENDPOINT, "v2", "gs://models/v2/model.onnx", 5, "wf-2/deploy");
    backend.promote(ENDPOINT, "v2");

    backend.restore(ENDPOINT, "wf-2/deploy");
    String version = isvc().getMetadata().getResourceVersion();
    backend.restore(ENDPOINT, "wf-2/deploy");

    GenericKubernetesResource service = isvc();
    assertThat(at(service, "spec", "predictor", "model", "storageUri"))
        .isEqualTo("gs://models/v1/model.onnx");
    assertThat(at(service, "spec", "predictor", "canaryTrafficPercent")).isNull();
    assertThat(backend.liveRevision(ENDPOINT)).contains("v1");
    assertThat(service.getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void restoringARunThatDeployedNothingChangesNothing() {
    deployStable();
    String version = isvc().getMetadata().getResourceVersion();

    backend.restore(ENDPOINT, "never-deployed/deploy");
    backend.restore("models/unknown", "never-deployed/deploy");

    assertThat(isvc().getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void restoringTheRunThatCreatedTheEndpointRemovesIt() {
    backend.deployCanary(ENDPOINT, "v1", "gs://models/v1/model.onnx", 5, "first-run/deploy");

    backend.restore(ENDPOINT, "first-run/deploy");

    assertThat(isvc()).isNull();
    assertThat(backend.liveRevision(ENDPOINT)).isEmpty();
  }

  @Test
  void aCanaryIsNotReadyUntilKServeReportsItsRevisionReady() throws Exception {
    deployStable();
    backend.deployCanary(ENDPOINT, "v2", "gs://models/v2/model.onnx", 5, "wf-2/deploy");

    assertThat(backend.health(ENDPOINT, "v2").ready()).isFalse();

    markReady("recommendation-predictor-00002");
    Health health = backend.health(ENDPOINT, "v2");
    assertThat(health.ready()).isTrue();
    assertThat(health.requests()).as("no metrics configured: no evidence").isZero();
  }

  @Test
  void canaryTrafficIsMeasuredWithThePromQlOfTheSettings() throws Exception {
    try (FakePrometheus prometheus = new FakePrometheus()) {
      KServeSettings measured =
          new KServeSettings(
              NS,
              "onnx",
              null,
              null,
              Duration.ofMillis(300),
              Duration.ofMillis(50),
              new KServeSettings.CanaryQueries(
                  prometheus.url(),
                  "5m",
                  "requests{revision=\"{revision}\"}[{window}]",
                  "errors{revision=\"{revision}\"}",
                  "p99{isvc=\"{endpoint}\",ns=\"{namespace}\"}"),
              Map.of(ENDPOINT, "recommendation"));
      prometheus.value("requests{revision=\"recommendation-predictor-00002\"}[5m]", 250);
      prometheus.value("errors{revision=\"recommendation-predictor-00002\"}", 1);
      prometheus.value("p99{isvc=\"recommendation\",ns=\"serving\"}", 42);
      KServeServingBackend withMetrics = new KServeServingBackend(measured, client);
      deployStable();
      withMetrics.deployCanary(ENDPOINT, "v2", "gs://models/v2/model.onnx", 5, "wf-3/deploy");
      markReady("recommendation-predictor-00002");

      assertThat(withMetrics.health(ENDPOINT, "v2")).isEqualTo(new Health(true, 250, 1, 42.0));
    }
  }

  private void markReady(String revision) {
    services.update(
        "recommendation",
        current -> {
          Map<String, Object> status = InferenceServices.section(current, "status");
          status.put("conditions", List.of(Map.of("type", "Ready", "status", "True")));
          status.put(
              "components",
              Map.of(
                  "predictor",
                  Map.of("latestCreatedRevision", revision, "latestReadyRevision", revision)));
          return current;
        });
  }
}
