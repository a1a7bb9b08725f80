package io.osop.temporal.activities.serving.istio;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.osop.temporal.activities.serving.TrafficMirror;
import io.osop.temporal.activities.serving.kserve.InferenceServices;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shadow traffic with Istio: the candidate runs as a shadow InferenceService named after the
 * session, and every HTTP route of the endpoint's VirtualService mirrors the configured share of
 * requests to it ({@code mirror} and {@code mirrorPercentage}). Starting writes absolute values, so
 * a retry cannot double the share; stopping removes the mirror first and the shadow last, so a
 * missing shadow means no mirror of this session is left.
 */
public final class IstioTrafficMirror implements TrafficMirror {

  /** The VirtualService as the API knows it. */
  public static final ResourceDefinitionContext VIRTUAL_SERVICE =
      new ResourceDefinitionContext.Builder()
          .withGroup("networking.istio.io")
          .withVersion("v1beta1")
          .withKind("VirtualService")
          .withPlural("virtualservices")
          .withNamespaced(true)
          .build();

  /** The annotation on a shadow naming the VirtualService that mirrors to it. */
  public static final String MIRRORED_BY = "osop.io/mirrored-by";

  /** The label marking a shadow with its session. */
  public static final String SESSION_LABEL = "osop.io/shadow-session";

  private static final Logger log = LoggerFactory.getLogger(IstioTrafficMirror.class);

  private final IstioSettings settings;
  private final KubernetesClient client;
  private final InferenceServices shadows;

  /** A mirror on the VirtualServices and shadow InferenceServices of the settings. */
  public IstioTrafficMirror(IstioSettings settings, KubernetesClient client) {
    this.settings = settings;
    this.client = client;
    this.shadows = new InferenceServices(client, settings.shadow().namespace());
  }

  @Override
  public void start(String sessionId, String endpoint, String candidateModelUri, double fraction)
      throws IOException {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("traffic_split must be in (0, 1], got " + fraction);
    }
    String shadow = ShadowNames.shadowService(sessionId);
    String virtualService =
        settings.virtualService().replace("{service}", settings.shadow().serviceName(endpoint));
    String host = mirrorHost(shadow);

    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(MIRRORED_BY, virtualService);
    annotations.put("osop.io/endpoint", endpoint);
    shadows.createIfAbsent(
        shadows.manifest(
            shadow,
            settings.shadow(),
            candidateModelUri,
            Map.of(
                SESSION_LABEL,
                ShadowNames.sessionLabel(sessionId),
                "app.kubernetes.io/managed-by",
                "osop-temporal"),
            annotations));

    GenericKubernetesResource updated =
        InferenceServices.update(
            client,
            VIRTUAL_SERVICE,
            settings.namespace(),
            virtualService,
            current -> addMirror(current, host, fraction * 100));
    if (updated == null) {
      throw new IOException(
          "VirtualService "
              + settings.namespace()
              + "/"
              + virtualService
              + " of endpoint "
              + endpoint
              + " does not exist; it must route the endpoint's live traffic");
    }
    log.info(
        "Shadow traffic mirrored. session={} virtualService={} mirror={} percent={}",
        sessionId,
        virtualService,
        host,
        fraction * 100);
  }

  @Override
  public void stop(String sessionId) {
    String shadow = ShadowNames.shadowService(sessionId);
    GenericKubernetesResource service = shadows.get(shadow);
    if (service == null) {
      return;
    }
    Map<String, String> annotations = service.getMetadata().getAnnotations();
    String virtualService = annotations == null ? null : annotations.get(MIRRORED_BY);
    if (virtualService != null) {
      String host = mirrorHost(shadow);
      InferenceServices.update(
          client,
          VIRTUAL_SERVICE,
          settings.namespace(),
          virtualService,
          current -> removeMirror(current, host));
    }
    shadows.delete(shadow);
    log.info("Shadow traffic stopped. session={} virtualService={}", sessionId, virtualService);
  }

  private String mirrorHost(String shadow) {
    return settings
        .mirrorHost()
        .replace("{shadow}", shadow)
        .replace("{namespace}", settings.shadow().namespace());
  }

  @SuppressWarnings("unchecked")
  private GenericKubernetesResource addMirror(
      GenericKubernetesResource current, String host, double percent) {
    List<Object> routes = httpRoutes(current);
    boolean changed = false;
    for (Object item : routes) {
      Map<String, Object> route = (Map<String, Object>) item;
      Object existing = route.get("mirror");
      if (existing instanceof Map<?, ?> mirror && !host.equals(mirror.get("host"))) {
        throw new IllegalStateException(
            "VirtualService "
                + current.getMetadata().getName()
                + " already mirrors to "
                + mirror.get("host")
                + "; one shadow test per endpoint at a time");
      }
      Map<String, Object> mirror = new LinkedHashMap<>();
      mirror.put("host", host);
      if (settings.mirrorPort() > 0) {
        mirror.put("port", new LinkedHashMap<>(Map.of("number", settings.mirrorPort())));
      }
      Map<String, Object> share = new LinkedHashMap<>(Map.of("value", percent));
      if (!mirror.equals(route.get("mirror")) || !share.equals(route.get("mirrorPercentage"))) {
        route.put("mirror", mirror);
        route.put("mirrorPercentage", share);
        changed = true;
      }
    }
    return changed ? current : null;
  }

  @SuppressWarnings("unchecked")
  private static GenericKubernetesResource removeMirror(
      GenericKubernetesResource current, String host) {
    boolean changed = false;
    Object http = InferenceServices.value(current, "spec", "http");
    for (Object item : http instanceof List<?> routes ? routes : List.of()) {
      Map<String, Object> route = (Map<String, Object>) item;
      if (route.get("mirror") instanceof Map<?, ?> mirror && host.equals(mirror.get("host"))) {
        route.remove("mirror");
        route.remove("mirrorPercentage");
        changed = true;
      }
    }
    return changed ? current : null;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> httpRoutes(GenericKubernetesResource service) {
    Object http = InferenceServices.value(service, "spec", "http");
    if (!(http instanceof List<?> routes) || routes.isEmpty()) {
      throw new IllegalStateException(
          "VirtualService " + service.getMetadata().getName() + " has no HTTP routes to mirror");
    }
    return (List<Object>) routes;
  }
}
