package io.osop.temporal.activities.training.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.osop.temporal.activities.kubernetes.KubernetesNames;
import io.osop.temporal.activities.training.TrainingExecutor.TrainingJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds the Kubernetes Job that runs one attempt of a node's command. */
final class TrainingJobManifest {

  /** The container that runs the command. */
  static final String CONTAINER = "train";

  /** The label on the Job and its pods that names the Job (pods are selected by it). */
  static final String JOB_LABEL = "osop.io/job";

  /** The annotation holding the attempt's name as the activity gave it. */
  static final String NAME_ANNOTATION = "osop.io/attempt-name";

  private TrainingJobManifest() {}

  /** The Job's object name for an attempt name. */
  static String jobName(TrainingJob job) {
    return KubernetesNames.dnsLabel(job.name(), KubernetesNames.MAX_NAME);
  }

  static Job build(TrainingJob job, JobResources resources, KubernetesTrainingSettings settings) {
    String name = jobName(job);
    Map<String, String> labels = labels(job, name);
    Container container =
        new ContainerBuilder()
            .withName(CONTAINER)
            .withImage(settings.image())
            .withCommand("/bin/sh", "-c", job.command())
            .withWorkingDir(settings.workingDir())
            .withEnv(env(job.env()))
            .withNewResources()
            .withLimits(resources.limits())
            .withRequests(resources.requests())
            .endResources()
            .build();
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(settings.namespace())
        .withLabels(labels)
        .addToAnnotations(NAME_ANNOTATION, job.name())
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(0)
        .withActiveDeadlineSeconds(
            settings.activeDeadlineSeconds() > 0 ? settings.activeDeadlineSeconds() : null)
        .withTtlSecondsAfterFinished(
            settings.ttlSecondsAfterFinished() > 0 ? settings.ttlSecondsAfterFinished() : null)
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withServiceAccountName(settings.serviceAccountName())
        .withNodeSelector(settings.nodeSelector().isEmpty() ? null : settings.nodeSelector())
        .withTolerations(tolerations(settings.tolerations()))
        .withContainers(container)
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Map<String, String> labels(TrainingJob job, String name) {
    Map<String, String> labels = new TreeMap<>();
    if (job.labels() != null) {
      job.labels().forEach((key, value) -> labels.put(key, KubernetesNames.labelValue(value)));
    }
    labels.put("app.kubernetes.io/managed-by", "osop-temporal");
    labels.put(JOB_LABEL, name);
    return labels;
  }

  /**
   * Variables that name files on the worker's own disk; a pod cannot see them, so they are left out
   * and the command uses the {@code gs://} URIs ({@code OSOP_DATA_URI}, {@code OSOP_MODEL_URI}).
   */
  static final Set<String> WORKER_LOCAL_VARIABLES =
      Set.of(
          "OSOP_DATA_DIR",
          "OSOP_TRAIN",
          "OSOP_VAL",
          "OSOP_TEST",
          "OSOP_MANIFEST",
          "OSOP_MODEL_PATH",
          "OSOP_METRICS_PATH");

  private static List<EnvVar> env(Map<String, String> env) {
    Map<String, String> sorted = new TreeMap<>(env == null ? Map.of() : env);
    sorted.keySet().removeAll(WORKER_LOCAL_VARIABLES);
    return sorted.entrySet().stream().map(e -> new EnvVar(e.getKey(), e.getValue(), null)).toList();
  }

  private static List<Toleration> tolerations(
      List<KubernetesTrainingSettings.TolerationSetting> settings) {
    return settings.stream()
        .map(t -> new Toleration(t.effect(), t.key(), t.operator(), null, t.value()))
        .toList();
  }

  /** Labels as a map a selector can use. */
  static Map<String, String> selector(String jobName) {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put(JOB_LABEL, jobName);
    return selector;
  }
}
