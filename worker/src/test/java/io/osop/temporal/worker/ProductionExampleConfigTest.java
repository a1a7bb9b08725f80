package io.osop.temporal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.osop.temporal.activities.serving.istio.IstioSettings;
import io.osop.temporal.activities.serving.kserve.KServeSettings;
import io.osop.temporal.activities.serving.prometheus.PrometheusSettings;
import io.osop.temporal.activities.training.kubernetes.KubernetesTrainingSettings;
import io.osop.temporal.worker.config.WorkerConfig;
import io.osop.temporal.worker.config.WorkerConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production example configuration builds every production backend's settings as written. */
class ProductionExampleConfigTest {

  private static WorkerConfig example() throws Exception {
    Path file = Path.of("..", "deploy", "examples", "worker-production.yaml");
    assumeTrue(Files.isRegularFile(file), "the example is missing: " + file.toAbsolutePath());
    return WorkerConfigLoader.load(file, Map.of());
  }

  @Test
  void everyProductionBackendIsSelectedAndItsSettingsArrive() throws Exception {
    WorkerConfig.BackendSettings backends = example().backends();

    assertThat(backends.objectStore().type()).isEqualTo("gcs");
    assertThat(backends.featureStore().type()).isEqualTo("gcs");
    KubernetesTrainingSettings training = KubernetesSettings.training(backends.training());
    KServeSettings serving = KubernetesSettings.kserve(backends.serving());
    IstioSettings traffic = KubernetesSettings.istio(backends.traffic(), backends.serving());
    PrometheusSettings metrics = KubernetesSettings.prometheus(backends.metrics());

    assertThat(training.namespace()).isEqualTo("ml-pipelines");
    assertThat(training.nodeSelector()).containsKey("cloud.google.com/gke-accelerator");
    assertThat(training.tolerations())
        .singleElement()
        .satisfies(t -> assertThat(t.key()).isEqualTo("nvidia.com/gpu"));
    assertThat(training.pollInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(training.activeDeadlineSeconds()).isEqualTo(43_200);
    assertThat(serving.serviceName("models/recommendation/v3")).isEqualTo("recommendation");
    assertThat(serving.health().requests()).contains("{revision}");
    assertThat(traffic.virtualService()).isEqualTo("{service}-ingress");
    assertThat(traffic.mirrorPort()).isEqualTo(80);
    assertThat(metrics.queries()).containsKeys(PrometheusSettings.REQUIRED.toArray(String[]::new));
    assertThat(metrics.timeout()).isEqualTo(Duration.ofSeconds(30));
  }
}
