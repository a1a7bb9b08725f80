package io.osop.temporal.activities.training.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.osop.temporal.activities.training.TrainingProgress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a training pod's log while it runs and reads the whole log once it has finished, so a pod
 * that ends before its stream opens (in under a second) still has every line kept.
 */
final class PodLogFollower implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PodLogFollower.class);

  private final KubernetesClient client;
  private final String namespace;
  private final Runnable onLine;
  private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
  private final List<String> emitted = new ArrayList<>();
  private String followedPod;
  private LogWatch stream;
  private Thread reader;

  PodLogFollower(KubernetesClient client, String namespace, Runnable onLine) {
    this.client = client;
    this.namespace = namespace;
    this.onLine = onLine;
  }

  /** Starts following a started pod's log, once per pod. */
  void follow(String pod) {
    if (pod.equals(followedPod)) {
      return;
    }
    stopStreaming();
    followedPod = pod;
    try {
      stream =
          client
              .pods()
              .inNamespace(namespace)
              .withName(pod)
              .inContainer(TrainingJobManifest.CONTAINER)
              .watchLog();
    } catch (KubernetesClientException e) {
      log.debug("Could not stream the pod log; it is read in full at the end. pod={}", pod, e);
      return;
    }
    LogWatch opened = stream;
    reader = new Thread(() -> readLines(opened), "pod-log-" + pod);
    reader.setDaemon(true);
    reader.start();
  }

  /** How many lines have been passed on so far. */
  int lines() {
    return emitted.size();
  }

  /** Passes the lines read since the last call to the activity's log. */
  void drainTo(TrainingProgress progress) {
    for (String line; (line = pending.poll()) != null; ) {
      emitted.add(line);
      progress.log(line);
    }
  }

  /**
   * Reads the finished pod's whole log, passes on the lines the stream had not delivered, and
   * returns it. Falls back to the streamed lines when the log cannot be read.
   */
  String finish(String pod, TrainingProgress progress) {
    stopStreaming();
    drainTo(progress);
    if (pod == null) {
      return String.join("\n", emitted);
    }
    String whole;
    try {
      whole =
          client
              .pods()
              .inNamespace(namespace)
              .withName(pod)
              .inContainer(TrainingJobManifest.CONTAINER)
              .getLog();
    } catch (KubernetesClientException e) {
      log.warn("Could not read the finished pod's log; keeping the streamed lines. pod={}", pod, e);
      return String.join("\n", emitted);
    }
    if (whole == null) {
      return String.join("\n", emitted);
    }
    List<String> lines = whole.lines().toList();
    boolean streamedPrefix =
        pod.equals(followedPod)
            && lines.size() >= emitted.size()
            && lines.subList(0, emitted.size()).equals(emitted);
    if (!streamedPrefix) {
      // The stream showed something other than the start of this log (another pod, a restart):
      // pass the whole log on rather than lose lines.
      emitted.clear();
    }
    for (int i = emitted.size(); i < lines.size(); i++) {
      progress.log(lines.get(i));
    }
    return whole;
  }

  @Override
  public void close() {
    stopStreaming();
  }

  private void readLines(LogWatch watch) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        pending.add(line);
        onLine.run();
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Pod log stream ended. namespace={}", namespace, e);
    }
  }

  private void stopStreaming() {
    if (stream != null) {
      stream.close();
      stream = null;
    }
    if (reader != null) {
      try {
        reader.join(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reader = null;
    }
  }
}
