package io.osop.temporal.starter.cluster;

import io.osop.temporal.worker.config.WorkerConfig.TemporalSettings;
import io.osop.temporal.worker.config.WorkerConfig.TlsSettings;
import io.osop.temporal.worker.config.WorkerConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Connection flags shared by every cluster command; each defaults to the environment variable the
 * Temporal CLI reads, so one environment serves both tools.
 */
public final class ClusterOptions {

  @Option(
      names = "--address",
      defaultValue = "${env:TEMPORAL_ADDRESS:-localhost:7233}",
      description = "Temporal frontend host:port (env TEMPORAL_ADDRESS; default ${DEFAULT-VALUE}).")
  String address;

  @Option(
      names = "--namespace",
      defaultValue = "${env:TEMPORAL_NAMESPACE:-default}",
      description = "Temporal namespace (env TEMPORAL_NAMESPACE; default ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--task-queue",
      defaultValue = "${env:TEMPORAL_TASK_QUEUE:-" + WorkerConfigLoader.DEFAULT_TASK_QUEUE + "}",
      description = "Workflow task queue the workers poll (default ${DEFAULT-VALUE}).")
  String taskQueue;

  @Option(
      names = "--api-key",
      defaultValue = "${env:TEMPORAL_API_KEY}",
      description = "Temporal Cloud API key (env TEMPORAL_API_KEY).")
  String apiKey;

  @Option(
      names = "--tls-cert-path",
      defaultValue = "${env:TEMPORAL_TLS_CERT}",
      description = "Client certificate for mutual TLS (env TEMPORAL_TLS_CERT).")
  Path tlsCert;

  @Option(
      names = "--tls-key-path",
      defaultValue = "${env:TEMPORAL_TLS_KEY}",
      description = "Client private key, PKCS#8 PEM (env TEMPORAL_TLS_KEY).")
  Path tlsKey;

  @Option(
      names = "--tls-ca-path",
      defaultValue = "${env:TEMPORAL_TLS_CA}",
      description = "CA bundle that signed the server certificate (env TEMPORAL_TLS_CA).")
  Path tlsCa;

  @Option(
      names = "--tls-server-name",
      defaultValue = "${env:TEMPORAL_TLS_SERVER_NAME}",
      description = "Server name to verify (env TEMPORAL_TLS_SERVER_NAME).")
  String tlsServerName;

  @Option(
      names = "--ui",
      defaultValue = "${env:TEMPORAL_UI_ADDRESS:-http://localhost:8080}",
      description = "Base URL of the Temporal Web UI, for links (env TEMPORAL_UI_ADDRESS).")
  String ui;

  /** The connection settings these flags describe. */
  TemporalSettings settings() {
    boolean tls = tlsCert != null || tlsKey != null || tlsCa != null || tlsServerName != null;
    return new TemporalSettings(
        address,
        namespace,
        taskQueue,
        tls ? new TlsSettings(tlsCert, tlsKey, tlsCa, tlsServerName) : null,
        apiKey == null || apiKey.isBlank() ? null : apiKey,
        true);
  }

  /** The Web UI page of a run. */
  String uiLink(String workflowId) {
    String base = ui.endsWith("/") ? ui.substring(0, ui.length() - 1) : ui;
    return base + "/namespaces/" + encode(namespace) + "/workflows/" + encode(workflowId);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
