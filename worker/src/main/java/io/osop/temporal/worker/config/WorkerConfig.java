package io.osop.temporal.worker.config;

import io.osop.temporal.pipeline.ActivityDefaults;
import io.osop.temporal.pipeline.Handler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The worker's validated configuration: how it reaches Temporal, which backend serves each
 * interface, how many activities of each handler it runs at once, and its HTTP and shutdown
 * settings.
 *
 * @param source where the configuration came from, for messages
 * @param temporal the Temporal connection
 * @param backends the backend behind each interface
 * @param limits the most activities of each handler this worker runs at once
 * @param activityDefaults timeouts and retries per handler (and for compensations) when a node sets
 *     none
 * @param httpHost the address /metrics, /healthz and /readyz listen on (0.0.0.0: all)
 * @param httpPort their port (0: any free port)
 * @param shutdownGrace how long running activities may take to finish on SIGTERM
 */
public record WorkerConfig(
    String source,
    TemporalSettings temporal,
    BackendSettings backends,
    Map<Handler, Integer> limits,
    ActivityDefaults activityDefaults,
    String httpHost,
    int httpPort,
    Duration shutdownGrace) {

  /**
   * How the worker reaches a Temporal cluster.
   *
   * @param address host:port of the frontend
   * @param namespace the namespace
   * @param taskQueue the workflow task queue; each handler's activities use a queue derived from it
   * @param tls client certificate, key and CA, or null for plain text
   * @param apiKey a Temporal Cloud API key, or null
   * @param stickyExecution whether workflow tasks go back to the worker that cached the run; off
   *     against the Java test server, which never moves a task off a lost worker's sticky queue
   */
  public record TemporalSettings(
      String address,
      String namespace,
      String taskQueue,
      TlsSettings tls,
      String apiKey,
      boolean stickyExecution) {}

  /**
   * TLS files for mutual TLS (client cert and key) and/or a private CA.
   *
   * @param clientCert PEM client certificate chain, or null
   * @param clientKey PEM PKCS#8 private key, or null
   * @param ca PEM CA bundle to trust, or null for the system trust store
   * @param serverName the name to verify on the server's certificate, or null for the host
   */
  public record TlsSettings(Path clientCert, Path clientKey, Path ca, String serverName) {}

  /**
   * One backend choice: its type and its own settings as written.
   *
   * @param type the backend's name, e.g. {@code local} or {@code gcs}
   * @param settings the remaining keys of its section
   */
  public record Backend(String type, Map<String, Object> settings) {

    /** A string setting, or the fallback when absent. */
    public String string(String key, String fallback) {
      Object value = settings.get(key);
      return value == null ? fallback : value.toString();
    }
  }

  /**
   * The backend behind each interface the activities use.
   *
   * @param objectStore {@code local} or {@code gcs}
   * @param featureStore {@code local} or {@code gcs}
   * @param training {@code local} or {@code kubernetes}
   * @param serving {@code local} or {@code kserve}
   * @param traffic {@code local} or {@code istio}
   * @param metrics {@code local} or {@code prometheus}
   */
  public record BackendSettings(
      Backend objectStore,
      Backend featureStore,
      Backend training,
      Backend serving,
      Backend traffic,
      Backend metrics) {}
}
