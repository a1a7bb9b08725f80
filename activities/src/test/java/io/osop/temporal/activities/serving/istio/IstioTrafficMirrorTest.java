package io.osop.temporal.activities.serving.istio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.osop.temporal.activities.serving.kserve.InferenceServices;
import io.osop.temporal.activities.serving.kserve.KServeSettings;
import io.osop.temporal.activities.serving.kserve.MockServingApi;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class IstioTrafficMirrorTest {

  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final String NS = "serving";
  private static final String ENDPOINT = "models/recommendation/v3";
  private static final String SESSION = "wf-1/ab_test";

  private IstioTrafficMirror mirror;
  private InferenceServices services;

  @BeforeEach
  void setUp() {
    MockServingApi.register(server);
    KServeSettings kserve =
        new KServeSettings(
            NS,
            "onnx",
            null,
            null,
            Duration.ofSeconds(1),
            Duration.ofMillis(50),
            null,
            Map.of(ENDPOINT, "recommendation"));
    mirror = new IstioTrafficMirror(new IstioSettings(NS, null, null, 80, kserve), client);
    services = new InferenceServices(client, NS);
    client.genericKubernetesResources(IstioTrafficMirror.VIRTUAL_SERVICE).inNamespace(NS).delete();
    services.delete(ShadowNames.shadowService(SESSION));
    client
        .genericKubernetesResources(IstioTrafficMirror.VIRTUAL_SERVICE)
        .inNamespace(NS)
        .resource(virtualService())
        .create();
  }

  private static GenericKubernetesResource virtualService() {
    GenericKubernetesResource service =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("networking.istio.io/v1beta1")
            .withKind("VirtualService")
            .withNewMetadata()
            .withName("recommendation-ingress")
            .withNamespace(NS)
            .endMetadata()
            .build();
    List<Object> routes = new ArrayList<>();
    for (String prefix : List.of("/v1/models", "/v2/models")) {
      Map<String, Object> route = new LinkedHashMap<>();
      route.put("match", List.of(Map.of("uri", Map.of("prefix", prefix))));
      route.put(
          "route",
          List.of(
              Map.of(
                  "destination",
                  Map.of("host", "recommendation-predictor.serving.svc.cluster.local"))));
      routes.add(route);
    }
    service.setAdditionalProperty(
        "spec",
        new LinkedHashMap<>(
            Map.of("hosts", List.of("recommendation.example.com"), "http", routes)));
    return service;
  }

  private GenericKubernetesResource current() {
    return client
        .genericKubernetesResources(IstioTrafficMirror.VIRTUAL_SERVICE)
        .inNamespace(NS)
        .withName("recommendation-ingress")
        .get();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> routes() {
    return (List<Map<String, Object>>) InferenceServices.value(current(), "spec", "http");
  }

  @Test
  void startingMirrorsTheShareOfEveryRouteToTheCandidatesShadow() throws IOException {
    mirror.start(SESSION, ENDPOINT, "gs://models/candidate/model.onnx", 0.1);

    String shadow = ShadowNames.shadowService(SESSION);
    assertThat(routes())
        .hasSize(2)
        .allSatisfy(
            route -> {
              assertThat(route.get("mirror"))
                  .isEqualTo(
                      Map.of(
                          "host",
                          shadow + "-predictor.serving.svc.cluster.local",
                          "port",
                          Map.of("number", 80)));
              assertThat(((Map<String, Object>) route.get("mirrorPercentage")).get("value"))
                  .isEqualTo(10.0);
            });
    assertThat(
            InferenceServices.value(
                services.get(shadow), "spec", "predictor", "model", "storageUri"))
        .isEqualTo("gs://models/candidate/model.onnx");
  }

  @Test
  void aRetriedStartChangesNothing() throws IOException {
    mirror.start(SESSION, ENDPOINT, "gs://models/candidate/model.onnx", 0.1);
    String version = current().getMetadata().getResourceVersion();

    mirror.start(SESSION, ENDPOINT, "gs://models/candidate/model.onnx", 0.1);

    assertThat(current().getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void stoppingRemovesTheMirrorAndTheShadowAndMayBeRepeated() throws IOException {
    mirror.start(SESSION, ENDPOINT, "gs://models/candidate/model.onnx", 0.1);

    mirror.stop(SESSION);
    mirror.stop(SESSION);

    assertThat(routes())
        .hasSize(2)
        .allSatisfy(route -> assertThat(route).doesNotContainKeys("mirror", "mirrorPercentage"));
    assertThat(routes().get(0)).containsKeys("match", "route");
    assertThat(services.get(ShadowNames.shadowService(SESSION))).isNull();
  }

  @Test
  void aMissingVirtualServiceIsAClearError() {
    assertThatThrownBy(() -> mirror.start("wf-9/ab", "models/other", "gs://m/x.onnx", 0.1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("VirtualService")
        .hasMessageContaining("models/other");
  }

  @Test
  void aSecondSessionOnTheSameEndpointIsRefused() throws IOException {
    mirror.start(SESSION, ENDPOINT, "gs://models/candidate/model.onnx", 0.1);

    assertThatThrownBy(
            () -> mirror.start("wf-2/ab_test", ENDPOINT, "gs://models/c2/model.onnx", 0.2))
        .hasMessageContaining("already mirrors");
  }
}
