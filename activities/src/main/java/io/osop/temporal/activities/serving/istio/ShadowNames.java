package io.osop.temporal.activities.serving.istio;

import io.osop.temporal.activities.kubernetes.KubernetesNames;

/**
 * Names derived from a mirroring session: the shadow InferenceService that serves the candidate and
 * the label value that marks it, shared by the mirror and by the metrics queries.
 */
public final class ShadowNames {

  private ShadowNames() {}

  /** The shadow InferenceService of a session. */
  public static String shadowService(String sessionId) {
    String name = sessionId.startsWith("shadow-") ? sessionId : "shadow-" + sessionId;
    return KubernetesNames.dnsLabel(name, 40);
  }

  /** The session as a label value. */
  public static String sessionLabel(String sessionId) {
    return KubernetesNames.labelValue(sessionId);
  }
}
