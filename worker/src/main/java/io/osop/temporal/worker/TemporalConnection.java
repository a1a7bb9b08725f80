package io.osop.temporal.worker;

import com.uber.m3.tally.Scope;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.osop.temporal.worker.config.WorkerConfig.TemporalSettings;
import io.osop.temporal.worker.config.WorkerConfig.TlsSettings;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;

/**
 * Opens gRPC connections to a Temporal frontend with the configured TLS or API key, and checks that
 * the frontend answers.
 */
public final class TemporalConnection {

  private TemporalConnection() {}

  /** Thrown when the frontend does not answer or the TLS material cannot be used. */
  public static final class UnreachableException extends Exception {
    /** Creates the exception with a message naming the address. */
    public UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Creates service stubs (the connection itself is lazy).
   *
   * @param settings address, TLS and API key
   * @param metricsScope where the SDK reports its metrics, or null for none
   */
  public static WorkflowServiceStubs open(TemporalSettings settings, Scope metricsScope)
      throws UnreachableException {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setTarget(settings.address());
    if (metricsScope != null) {
      options.setMetricsScope(metricsScope);
    }
    if (settings.tls() != null) {
      options.setSslContext(sslContext(settings));
      String serverName = settings.tls().serverName();
      if (serverName != null) {
        options.setChannelInitializer(channel -> channel.overrideAuthority(serverName));
      }
    }
    if (settings.apiKey() != null) {
      String key = settings.apiKey();
      options.addApiKey(() -> key);
      if (settings.tls() == null) {
        options.setEnableHttps(true);
      }
    }
    return WorkflowServiceStubs.newServiceStubs(options.build());
  }

  /** Asks the frontend for its system info; fails with the address named when it cannot. */
  public static void check(WorkflowServiceStubs stubs, String address, Duration timeout)
      throws UnreachableException {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw new UnreachableException(
          "cannot reach Temporal at "
              + address
              + " within "
              + timeout.toSeconds()
              + "s: "
              + e.getStatus().getCode()
              + (e.getStatus().getDescription() == null
                  ? ""
                  : " (" + e.getStatus().getDescription() + ")"),
          e);
    }
  }

  private static SslContext sslContext(TemporalSettings settings) throws UnreachableException {
    TlsSettings tls = settings.tls();
    try {
      SimpleSslContextBuilder builder;
      if (tls.clientCert() != null) {
        try (InputStream cert = Files.newInputStream(tls.clientCert());
            InputStream key = Files.newInputStream(tls.clientKey())) {
          builder = SimpleSslContextBuilder.forPKCS8(cert, key);
        }
      } else {
        builder = SimpleSslContextBuilder.noKeyOrCertChain();
      }
      if (tls.ca() != null) {
        builder.setTrustManager(trustManagers(tls).getTrustManagers()[0]);
      }
      return builder.build();
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new UnreachableException(
          "cannot use the TLS files for " + settings.address() + ": " + e.getMessage(), e);
    }
  }

  private static TrustManagerFactory trustManagers(TlsSettings tls)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(tls.ca())) {
      int index = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + index++, certificate);
      }
      if (index == 0) {
        throw new GeneralSecurityException("no certificate in " + tls.ca());
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }
}
