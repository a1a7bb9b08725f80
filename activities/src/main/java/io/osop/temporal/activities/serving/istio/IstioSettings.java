package io.osop.temporal.activities.serving.istio;

import io.osop.temporal.activities.serving.kserve.KServeSettings;

/**
 * How the Istio traffic mirror finds the route of an endpoint and where it mirrors to.
 *
 * @param namespace the namespace of the VirtualServices
 * @param virtualService the VirtualService carrying an endpoint's live traffic; {@code {service}}
 *     stands for the endpoint's InferenceService name (default {@code {service}-ingress})
 * @param mirrorHost the host mirrored requests go to; {@code {shadow}} stands for the shadow
 *     InferenceService and {@code {namespace}} for its namespace (default {@code
 *     {shadow}-predictor.{namespace}.svc.cluster.local})
 * @param mirrorPort the port of the mirror host, 0 to leave the port out
 * @param shadow how the candidate's shadow InferenceService is deployed (same shape as serving)
 */
public record IstioSettings(
    String namespace,
    String virtualService,
    String mirrorHost,
    int mirrorPort,
    KServeSettings shadow) {

  /** Fills defaults. */
  public IstioSettings {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("backends.traffic.namespace is required");
    }
    if (shadow == null) {
      throw new IllegalArgumentException(
          "backends.traffic (istio) needs the backends.serving (kserve) settings for shadows");
    }
    virtualService =
        virtualService == null || virtualService.isBlank() ? "{service}-ingress" : virtualService;
    mirrorHost =
        mirrorHost == null || mirrorHost.isBlank()
            ? "{shadow}-predictor.{namespace}.svc.cluster.local"
            : mirrorHost;
    mirrorPort = mirrorPort < 0 ? 0 : mirrorPort;
  }
}
