package io.osop.temporal.starter.process;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.osop.temporal.activities.examples.ExampleTables;
import io.osop.temporal.starter.StarterCli;
import io.osop.temporal.worker.WorkerMain;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A cluster of separate processes on loopback for tests: {@code starter server} on an ephemeral
 * port, workers started from a configuration file, and {@code starter} commands; the seed example
 * is copied into a scratch folder with its feature table generated. Closing it kills every process
 * it started.
 */
final class LocalCluster implements AutoCloseable {
  private static final Pattern HTTP_PORT = Pattern.compile("http_port=(\\d+)");

  final Path dir;
  final Path pipeline;
  final int temporalPort;
  final String taskQueue;
  private final List<JavaProcess> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalCluster(Path dir, Path pipeline, int temporalPort, String taskQueue) {
    this.dir = dir;
    this.pipeline = pipeline;
    this.temporalPort = temporalPort;
    this.taskQueue = taskQueue;
  }

  /**
   * Copies the seed example into {@code target/process-tests/NAME} (kept after the test, with every
   * process's output) and starts {@code starter server}; NAME is also the task queue.
   */
  static LocalCluster start(String name) throws Exception {
    Path dir = Path.of("target", "process-tests", name).toAbsolutePath();
    deleteTree(dir);
    Files.createDirectories(dir);
    String taskQueue = name;
    Path example = Path.of("").toAbsolutePath().getParent().resolve("examples/argo-ml-training");
    assumeTrue(Files.isDirectory(example), "the seed example is missing at " + example);
    Path copy = dir.resolve("argo-ml-training");
    copyTree(example, copy);
    ExampleTables.ensureGenerated(copy.resolve("feature-store"));

    LocalCluster cluster =
        new LocalCluster(dir, copy.resolve("argo-ml-training.osop.yaml"), freePort(), taskQueue);
    JavaProcess server =
        cluster.java(
            StarterCli.class.getName(), "server", "--port", String.valueOf(cluster.temporalPort));
    Awaitility.await("starter server listening")
        .atMost(Duration.ofSeconds(60))
        .until(() -> server.output().contains("listening on 127.0.0.1 port"));
    return cluster;
  }

  /** Writes a worker configuration with local backends under the scratch folder. */
  Path workerConfig(String name, String extra) throws IOException {
    String yaml =
        """
        temporal:
          address: 127.0.0.1:%d
          task_queue: %s
          sticky_execution: false
        backends:
          object_store: { type: local, root: %s }
          feature_store: { type: local, root: %s }
          training: { type: local, scratch: %s }
          serving: { type: local, labelDelayHours: 0 }
        http:
          host: 127.0.0.1
          port: 0
        """
                .formatted(
                    temporalPort,
                    taskQueue,
                    dir.resolve("store"),
                    pipeline.getParent().resolve("feature-store"),
                    dir.resolve("scratch-" + name))
            + extra;
    return Files.writeString(dir.resolve(name + ".yaml"), yaml);
  }

  /** Starts a worker and waits until it serves; returns it with its HTTP port. */
  Worker worker(Path config) {
    JavaProcess process = java(WorkerMain.class.getName(), "--config", config.toString());
    Matcher[] port = new Matcher[1];
    Awaitility.await("worker serving")
        .atMost(Duration.ofSeconds(90))
        .failFast(
            "worker exited",
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError("worker exited:\n" + process.output());
              }
            })
        .until(() -> (port[0] = HTTP_PORT.matcher(process.output())).find());
    return new Worker(process, Integer.parseInt(port[0].group(1)));
  }

  /** Runs a starter command to its end and returns it (exit status and output). */
  JavaProcess starter(String... args) throws Exception {
    List<String> line = new ArrayList<>(List.of(args));
    line.add("--address=127.0.0.1:" + temporalPort);
    line.add("--task-queue=" + taskQueue);
    JavaProcess process = java(StarterCli.class.getName(), line.toArray(String[]::new));
    process.waitFor(300);
    return process;
  }

  /** Starts a starter command in the background. */
  JavaProcess starterInBackground(String... args) {
    List<String> line = new ArrayList<>(List.of(args));
    line.add("--address=127.0.0.1:" + temporalPort);
    line.add("--task-queue=" + taskQueue);
    return java(StarterCli.class.getName(), line.toArray(String[]::new));
  }

  String get(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + "\n" + response.body();
  }

  private JavaProcess java(String mainClass, String... args) {
    try {
      JavaProcess process = JavaProcess.start(dir, Map.of(), mainClass, args);
      processes.add(process);
      return process;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + mainClass, e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (JavaProcess process : processes) {
      process.close();
    }
  }

  /** A started worker and the port of its /metrics, /healthz and /readyz. */
  record Worker(JavaProcess process, int httpPort) {}

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().endsWith(".csv")) {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
