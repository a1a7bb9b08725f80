package io.osop.temporal.activities.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osop.temporal.activities.serving.istio.IstioSettings;
import io.osop.temporal.activities.serving.kserve.KServeSettings;
import io.osop.temporal.activities.serving.prometheus.PrometheusSettings;
import io.osop.temporal.activities.storage.gcs.GcsSettings;
import io.osop.temporal.activities.training.kubernetes.KubernetesTrainingSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The production example in deploy/examples builds every production backend's settings. */
class ProductionExampleConfigTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> backends() throws IOException {
    Path file = Path.of("..", "deploy", "examples", "worker-production.yaml");
    try (Reader reader = Files.newBufferedReader(file)) {
      Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      return (Map<String, Object>) root.get("backends");
    }
  }

  @SuppressWarnings("unchecked")
  private static BackendConfig section(Map<String, Object> backends, String name) {
    return new BackendConfig("backends." + name, (Map<String, Object>) backends.get(name));
  }

  @Test
  void theExampleBuildsEveryProductionBackendsSettings() throws IOException {
    Map<String, Object> backends = backends();

    GcsSettings objects = GcsSettings.fromConfig(section(backends, "object_store"));
    KubernetesTrainingSettings training =
        KubernetesTrainingSettings.fromConfig(section(backends, "training"));
    KServeSettings serving = KServeSettings.fromConfig(section(backends, "serving"));
    IstioSettings traffic = IstioSettings.fromConfig(section(backends, "traffic"), serving);
    PrometheusSettings metrics = PrometheusSettings.fromConfig(section(backends, "metrics"));

    assertThat(objects.prefix()).isEqualTo("runs/");
    assertThat(training.tolerations()).hasSize(1);
    assertThat(training.nodeSelector()).containsKey("cloud.google.com/gke-accelerator");
    assertThat(training.pollInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(serving.serviceName("models/recommendation/v3")).isEqualTo("recommendation");
    assertThat(serving.health().requests()).contains("{revision}");
    assertThat(traffic.mirrorPort()).isEqualTo(80);
    assertThat(metrics.queries()).containsKeys(PrometheusSettings.REQUIRED.toArray(String[]::new));
  }

  @Test
  void badValuesAreNamedBySectionAndKey() {
    assertThatThrownBy(
            () ->
                KubernetesTrainingSettings.fromConfig(
                    new BackendConfig(
                        "backends.training", Map.of("image", "i", "poll_interval", "soon"))))
        .hasMessageContaining("backends.training.poll_interval");
    assertThatThrownBy(
            () ->
                PrometheusSettings.fromConfig(
                    new BackendConfig("backends.metrics", Map.of("url", "http://p:9090/"))))
        .hasMessageContaining("backends.metrics.queries.requests");
    assertThatThrownBy(
            () -> GcsSettings.fromConfig(new BackendConfig("backends.object_store", Map.of())))
        .hasMessageContaining("backends.object_store.bucket");
  }
}
