package io.osop.temporal.activities.serving.kserve;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class InferenceServicesTest {

  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void aWriterThatCameBetweenReadAndWriteIsKeptAndTheChangeIsRetriedOnTop() {
    MockServingApi.register(server);
    InferenceServices services = new InferenceServices(client, "serving");
    KServeSettings settings =
        new KServeSettings("serving", "onnx", null, null, Duration.ofSeconds(1), null, null, null);
    services.createIfAbsent(
        services.manifest("fraud", settings, "gs://m/v1.onnx", Map.of(), Map.of()));
    AtomicInteger attempts = new AtomicInteger();

    services.update(
        "fraud",
        current -> {
          if (attempts.incrementAndGet() == 1) {
            services.update("fraud", other -> annotate(other, "other-writer", "was here"));
          }
          return annotate(current, "osop.io/revision", "v2");
        });

    assertThat(attempts).hasValue(2);
    assertThat(services.get("fraud").getMetadata().getAnnotations())
        .containsEntry("other-writer", "was here")
        .containsEntry("osop.io/revision", "v2");
  }

  private static GenericKubernetesResource annotate(
      GenericKubernetesResource resource, String key, String value) {
    Map<String, String> annotations =
        new HashMap<>(
            resource.getMetadata().getAnnotations() == null
                ? Map.of()
                : resource.getMetadata().getAnnotations());
    annotations.put(key, value);
    resource.getMetadata().setAnnotations(annotations);
    return resource;
  }
}
