package io.osop.temporal.starter.cluster;

import io.osop.temporal.worker.TemporalConnection;
import io.osop.temporal.worker.config.WorkerConfig.TemporalSettings;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A checked connection to a Temporal cluster for one CLI command; closing it ends the channel. */
final class ClusterClient implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;

  private ClusterClient(WorkflowServiceStubs stubs, String namespace) {
    this.stubs = stubs;
    this.client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }

  /** Connects and checks that the frontend answers, failing fast with the address named. */
  static ClusterClient connect(ClusterOptions options) throws CommandFailure {
    TemporalSettings settings = options.settings();
    if (settings.tls() != null) {
      requireFile("--tls-cert-path", settings.tls().clientCert());
      requireFile("--tls-key-path", settings.tls().clientKey());
      requireFile("--tls-ca-path", settings.tls().ca());
      if ((settings.tls().clientCert() == null) != (settings.tls().clientKey() == null)) {
        throw new CommandFailure("--tls-cert-path and --tls-key-path must be given together");
      }
    }
    WorkflowServiceStubs stubs = null;
    try {
      stubs = TemporalConnection.open(settings, null);
      TemporalConnection.check(stubs, settings.address(), CONNECT_TIMEOUT);
      return new ClusterClient(stubs, settings.namespace());
    } catch (TemporalConnection.UnreachableException e) {
      if (stubs != null) {
        stubs.shutdownNow();
      }
      throw new CommandFailure(e.getMessage());
    }
  }

  private static void requireFile(String flag, Path path) throws CommandFailure {
    if (path != null && !Files.isRegularFile(path)) {
      throw new CommandFailure(flag + ": file does not exist: " + path);
    }
  }

  WorkflowClient client() {
    return client;
  }

  WorkflowServiceStubs stubs() {
    return stubs;
  }

  @Override
  public void close() {
    stubs.shutdownNow();
  }
}
