package io.osop.temporal.activities.production;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.osop.temporal.activities.kubernetes.KubernetesNames;
import io.osop.temporal.activities.serving.kserve.InferenceServices;
import io.osop.temporal.activities.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the cluster behind the mock API: the Job controller and kubelet run each new Job's command
 * on this machine the way a training image's entrypoint would (stage the splits from {@code
 * OSOP_DATA_URI}, run, upload the model to {@code OSOP_MODEL_URI}), and KServe marks every changed
 * InferenceService ready.
 */
final class FakePlatform implements AutoCloseable {

  private static final List<String> SPLITS =
      List.of("train.csv", "val.csv", "test.csv", "manifest.json");

  private final KubernetesClient client;
  private final KubernetesMockServer server;
  private final String namespace;
  private final ObjectStore store;
  private final Path pipelineFolder;
  private final Path scratch;
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  final List<String> jobsRun = new CopyOnWriteArrayList<>();
  private final Thread loop;
  private volatile boolean running = true;
  private volatile Throwable failure;

  FakePlatform(
      KubernetesClient client,
      KubernetesMockServer server,
      String namespace,
      ObjectStore store,
      Path pipelineFolder,
      Path scratch) {
    this.client = client;
    this.server = server;
    this.namespace = namespace;
    this.store = store;
    this.pipelineFolder = pipelineFolder;
    this.scratch = scratch;
    this.loop = new Thread(this::loop, "fake-platform");
    loop.setDaemon(true);
    loop.start();
  }

  /** The first error the platform met, so that a test fails with it rather than a timeout. */
  Throwable failure() {
    return failure;
  }

  private void loop() {
    while (running) {
      try {
        for (Job job : client.batch().v1().jobs().inNamespace(namespace).list().getItems()) {
          if (started.add(job.getMetadata().getName())) {
            Thread worker = new Thread(() -> runJob(job), "kubelet-" + job.getMetadata().getName());
            worker.setDaemon(true);
            worker.start();
          }
        }
        for (GenericKubernetesResource service :
            client
                .genericKubernetesResources(InferenceServices.CONTEXT)
                .inNamespace(namespace)
                .list()
                .getItems()) {
          markReady(service.getMetadata().getName());
        }
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running && failure == null) {
          failure = e;
        }
      }
    }
  }

  private void runJob(Job job) {
    try {
      var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
      Map<String, String> env = new LinkedHashMap<>();
      for (EnvVar variable : container.getEnv()) {
        env.put(variable.getName(), variable.getValue());
      }
      String name = job.getMetadata().getName();
      jobsRun.add(name);
      Path work = Files.createDirectories(scratch.resolve(name));
      Path data = Files.createDirectories(work.resolve("data"));
      String dataPrefix = store.key(env.get("OSOP_DATA_URI"));
      dataPrefix = dataPrefix.endsWith("/") ? dataPrefix : dataPrefix + "/";
      for (String split : SPLITS) {
        try (InputStream in = store.open(dataPrefix + split)) {
          Files.copy(in, data.resolve(split));
        }
      }
      ProcessBuilder process =
          new ProcessBuilder("/bin/sh", "-c", container.getCommand().get(2))
              .directory(pipelineFolder.toFile())
              .redirectErrorStream(true);
      process.environment().putAll(env);
      process.environment().put("OSOP_TRAIN", data.resolve("train.csv").toString());
      process.environment().put("OSOP_VAL", data.resolve("val.csv").toString());
      process.environment().put("OSOP_TEST", data.resolve("test.csv").toString());
      process.environment().put("OSOP_MANIFEST", data.resolve("manifest.json").toString());
      process.environment().put("OSOP_MODEL_PATH", work.resolve("model.onnx").toString());
      process.environment().put("OSOP_METRICS_PATH", work.resolve("metrics.json").toString());
      Process started = process.start();
      String log = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exitCode = started.waitFor();
      if (exitCode == 0 && Files.exists(work.resolve("model.onnx"))) {
        store.write(
            store.key(env.get("OSOP_MODEL_URI")), Files.readAllBytes(work.resolve("model.onnx")));
      }
      finishPod(name, exitCode, log);
    } catch (IOException | RuntimeException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void finishPod(String job, int exitCode, String log) {
    String pod = job + "-pod";
    String logPath =
        "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?pretty=false&container=train";
    server.expect().get().withPath(logPath).andReturn(200, log).always();
    server.expect().get().withPath(logPath + "&follow=true").andReturn(200, log).always();
    String now = Instant.now().toString();
    client
        .pods()
        .inNamespace(namespace)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(pod)
                .withNamespace(namespace)
                .addToLabels("osop.io/job", job)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("train")
                .withImage("trainer")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase(exitCode == 0 ? "Succeeded" : "Failed")
                .withContainerStatuses(
                    new ContainerStatusBuilder()
                        .withName("train")
                        .withNewState()
                        .withNewTerminated()
                        .withExitCode(exitCode)
                        .withStartedAt(now)
                        .withFinishedAt(now)
                        .endTerminated()
                        .endState()
                        .build())
                .endStatus()
                .build())
        .create();
  }

  /** Reports the current spec of an InferenceService as a ready revision, once per spec. */
  private void markReady(String name) {
    new InferenceServices(client, namespace)
        .update(
            name,
            current -> {
              Object spec = current.getAdditionalProperties().get("spec");
              String revision = name + "-predictor-" + KubernetesNames.hash(String.valueOf(spec));
              Object seen =
                  InferenceServices.value(
                      current, "status", "components", "predictor", "latestReadyRevision");
              if (revision.equals(seen)) {
                return null;
              }
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

  @Override
  public void close() throws InterruptedException {
    running = false;
    loop.interrupt();
    loop.join(2000);
  }
}
