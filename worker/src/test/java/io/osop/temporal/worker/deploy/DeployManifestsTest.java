package io.osop.temporal.worker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.osop.temporal.worker.config.WorkerConfig;
import io.osop.temporal.worker.config.WorkerConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DeployManifestsTest {
  private final Path root = RepositoryFiles.root();

  @Test
  void everyManifestUnderDeployParsesIntoTypedObjects() throws Exception {
    List<Path> manifests = yamlFiles().stream().filter(DeployManifestsTest::isManifest).toList();

    assertThat(manifests).hasSizeGreaterThanOrEqualTo(12);
    for (Path manifest : manifests) {
      List<HasMetadata> objects = RepositoryFiles.objects(Files.readString(manifest));
      assertThat(objects).as(manifest.toString()).isNotEmpty();
      for (HasMetadata object : objects) {
        assertThat(object.getMetadata().getName()).as(manifest.toString()).isNotBlank();
        if (object instanceof GenericKubernetesResource generic) {
          assertThat(generic.getKind()).as(manifest.toString()).isEqualTo("ServiceMonitor");
        }
      }
    }
  }

  @Test
  void everyWorkerConfigurationUnderDeployValidates() throws Exception {
    List<Path> configs = yamlFiles().stream().filter(file -> !isManifest(file)).toList();

    assertThat(configs).isNotEmpty();
    for (Path config : configs) {
      WorkerConfig loaded =
          WorkerConfigLoader.load(config, Map.of("TEMPORAL_ADDRESS", "temporal:7233"));
      assertThat(loaded.temporal().taskQueue()).as(config.toString()).isNotBlank();
    }
  }

  private List<Path> yamlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("deploy"))) {
      return files
          .filter(file -> file.toString().endsWith(".yaml"))
          .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    }
  }

  private static boolean isManifest(Path file) {
    try {
      return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("kind:"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void baseRendersTheWorkerWithProbesResourcesAndGracefulTermination() throws Exception {
    List<HasMetadata> objects =
        RepositoryFiles.objects(RepositoryFiles.run(root, "kubectl", "kustomize", "deploy/base"));

    assertThat(objects)
        .extracting(object -> object.getClass().getSimpleName())
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "Role",
            "RoleBinding",
            "ConfigMap",
            "Service",
            "Deployment",
            "PodDisruptionBudget",
            "GenericKubernetesResource");
    Deployment deployment = only(objects, Deployment.class);
    var pod = deployment.getSpec().getTemplate().getSpec();
    var container = pod.getContainers().get(0);
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKey("memory");
    assertThat(pod.getServiceAccountName()).isEqualTo("osop-worker");

    WorkerConfig config = workerConfig(only(objects, ConfigMap.class));
    assertThat(pod.getTerminationGracePeriodSeconds())
        .isGreaterThan(config.shutdownGrace().toSeconds());
    assertThat(only(objects, RoleBinding.class).getRoleRef().getName())
        .isEqualTo(only(objects, Role.class).getMetadata().getName());
    assertThat(only(objects, Service.class).getSpec().getSelector())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(only(objects, PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal())
        .isLessThan(deployment.getSpec().getReplicas());
  }

  @Test
  void gkeOverlaySendsTrainingToGpuNodesAndUsesWorkloadIdentity() throws Exception {
    List<HasMetadata> objects =
        RepositoryFiles.objects(
            RepositoryFiles.run(root, "kubectl", "kustomize", "deploy/overlays/gke-gpu"));

    WorkerConfig config = workerConfig(only(objects, ConfigMap.class));
    Map<String, Object> training = config.backends().training().settings();
    assertThat(config.backends().training().type()).isEqualTo("kubernetes");
    assertThat(training.get("node_selector").toString()).contains("gke-accelerator");
    assertThat(training.get("tolerations").toString()).contains("nvidia.com/gpu");
    assertThat(config.backends().objectStore().type()).isEqualTo("gcs");
    assertThat(objects)
        .filteredOn(object -> object instanceof ServiceAccount)
        .allSatisfy(
            account ->
                assertThat(account.getMetadata().getAnnotations())
                    .containsKey("iam.gke.io/gcp-service-account"));
    assertThat(objects)
        .filteredOn(object -> object instanceof ServiceAccount)
        .extracting(object -> object.getMetadata().getName())
        .containsExactlyInAnyOrder("osop-worker", "osop-training");
    assertThat(objects)
        .filteredOn(object -> !object.getKind().equals("Namespace"))
        .allSatisfy(
            object -> assertThat(object.getMetadata().getNamespace()).isEqualTo("ml-pipelines"));
  }

  @Test
  void dockerComposeAcceptsTheComposeFile() throws Exception {
    String rendered =
        RepositoryFiles.run(root, "docker-compose", "-f", "docker-compose.temporal.yml", "config");

    assertThat(rendered)
        .contains("postgresql:")
        .contains("temporalio/auto-setup")
        .contains("temporalio/admin-tools")
        .contains("temporalio/ui")
        .contains("condition: service_healthy");
  }

  private static WorkerConfig workerConfig(ConfigMap map) throws Exception {
    Path file = Files.createTempFile("worker", ".yaml");
    try {
      Files.writeString(file, map.getData().get("worker.yaml"));
      return WorkerConfigLoader.load(file, Map.of());
    } finally {
      Files.delete(file);
    }
  }

  private static <T> T only(List<HasMetadata> objects, Class<T> type) {
    List<T> matches = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(matches).as(type.getSimpleName()).hasSize(1);
    return matches.get(0);
  }
}
