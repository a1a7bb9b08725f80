package io.osop.temporal.activities.serving.kserve;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.osop.temporal.activities.kubernetes.KubernetesNames;
import io.osop.temporal.activities.serving.ServingBackend;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serving on KServe: one InferenceService per endpoint, a candidate deployed as its canary with
 * {@code canaryTrafficPercent}, promoted by removing the percentage. What served before a run's
 * canary is recorded in an annotation keyed by the run, in the same write that starts the canary,
 * so a retried deploy changes nothing and a restore needs only the run.
 */
public final class KServeServingBackend implements ServingBackend {

  /** The annotation holding the endpoint as the pipeline names it. */
  public static final String ENDPOINT = "osop.io/endpoint";

  /** The annotation naming the revision the spec deploys now. */
  public static final String REVISION = "osop.io/revision";

  /** The annotation naming the revision that serves all traffic when no canary runs. */
  public static final String STABLE_REVISION = "osop.io/stable-revision";

  /** The annotation holding the stable revision's model URI. */
  public static final String STABLE_MODEL_URI = "osop.io/stable-model-uri";

  /** The prefix of the annotations recording, per run, what served before its canary. */
  public static final String RESTORE_PREFIX = "osop.io/restore-";

  private static final String NOTHING_BEFORE = "-";
  private static final Logger log = LoggerFactory.getLogger(KServeServingBackend.class);

  private final KServeSettings settings;
  private final InferenceServices services;
  private final CanaryReadiness readiness;

  /** A backend on the InferenceServices of the settings' namespace, through the client. */
  public KServeServingBackend(KServeSettings settings, KubernetesClient client) {
    this.settings = settings;
    this.services = new InferenceServices(client, settings.namespace());
    this.readiness = new CanaryReadiness(settings, services, HttpClient.newHttpClient());
  }

  @Override
  public Optional<String> liveRevision(String endpoint) {
    GenericKubernetesResource service = services.get(checkName(endpoint));
    if (service == null) {
      return Optional.empty();
    }
    Map<String, String> annotations = annotations(service);
    return Optional.ofNullable(
        annotations.getOrDefault(STABLE_REVISION, annotations.get(REVISION)));
  }

  @Override
  public void deployCanary(
      String endpoint, String revision, String modelUri, double canaryPercent, String runKey) {
    String name = checkName(endpoint);
    if (revision.contains("|")) {
      throw new IllegalArgumentException("revision names must not contain '|': " + revision);
    }
    int percent = (int) Math.max(1, Math.min(100, Math.round(canaryPercent)));
    String restoreKey = restoreKey(runKey);
    if (services.get(name) == null) {
      Map<String, String> annotations =
          Map.of(
              ENDPOINT, endpoint,
              REVISION, revision,
              STABLE_REVISION, revision,
              STABLE_MODEL_URI, modelUri,
              restoreKey, NOTHING_BEFORE);
      GenericKubernetesResource service =
          services.manifest(
              name,
              settings,
              modelUri,
              Map.of("app.kubernetes.io/managed-by", "osop-temporal"),
              annotations);
      if (services.createIfAbsent(service)) {
        log.info(
            "InferenceService created for a new endpoint. endpoint={} revision={}",
            endpoint,
            revision);
        return;
      }
    }
    services.update(name, current -> startCanary(current, revision, modelUri, percent, restoreKey));
    log.info(
        "Canary deployed. endpoint={} revision={} canaryTrafficPercent={} runKey={}",
        endpoint,
        revision,
        percent,
        runKey);
  }

  private GenericKubernetesResource startCanary(
      GenericKubernetesResource current,
      String revision,
      String modelUri,
      int percent,
      String restoreKey) {
    Map<String, String> annotations = annotations(current);
    Map<String, Object> predictor = InferenceServices.section(current, "spec", "predictor");
    Object storageUri =
        InferenceServices.value(current, "spec", "predictor", "model", "storageUri");
    if (revision.equals(annotations.get(REVISION))
        && modelUri.equals(storageUri)
        && annotations.containsKey(restoreKey)) {
      return null;
    }
    if (!annotations.containsKey(restoreKey)) {
      String stable = annotations.getOrDefault(STABLE_REVISION, annotations.get(REVISION));
      String stableUri = annotations.getOrDefault(STABLE_MODEL_URI, (String) storageUri);
      annotations.put(
          restoreKey,
          stable == null || stableUri == null ? NOTHING_BEFORE : stable + "|" + stableUri);
      annotations.putIfAbsent(STABLE_REVISION, stable);
      annotations.putIfAbsent(STABLE_MODEL_URI, stableUri);
    }
    annotations.put(REVISION, revision);
    current.getMetadata().setAnnotations(annotations);
    predictor.put("model", InferenceServices.model(settings, modelUri));
    predictor.put("canaryTrafficPercent", percent);
    return current;
  }

  @Override
  public Health health(String endpoint, String revision) throws IOException {
    return readiness.check(checkName(endpoint), revision);
  }

  @Override
  public void promote(String endpoint, String revision) {
    GenericKubernetesResource updated =
        services.update(
            checkName(endpoint),
            current -> {
              Map<String, String> annotations = annotations(current);
              if (!revision.equals(annotations.get(REVISION))) {
                throw new IllegalArgumentException(
                    "endpoint "
                        + endpoint
                        + " deploys revision "
                        + annotations.get(REVISION)
                        + ", not "
                        + revision);
              }
              Map<String, Object> predictor =
                  InferenceServices.section(current, "spec", "predictor");
              Object storageUri =
                  InferenceServices.value(current, "spec", "predictor", "model", "storageUri");
              if (!predictor.containsKey("canaryTrafficPercent")
                  && revision.equals(annotations.get(STABLE_REVISION))) {
                return null;
              }
              predictor.remove("canaryTrafficPercent");
              annotations.put(STABLE_REVISION, revision);
              annotations.put(STABLE_MODEL_URI, String.valueOf(storageUri));
              current.getMetadata().setAnnotations(annotations);
              return current;
            });
    if (updated == null) {
      throw new IllegalArgumentException("no InferenceService for endpoint " + endpoint);
    }
    log.info("Canary promoted to all traffic. endpoint={} revision={}", endpoint, revision);
  }

  @Override
  public void restore(String endpoint, String runKey) {
    String restoreKey = restoreKey(runKey);
    String name = checkName(endpoint);
    GenericKubernetesResource service = services.get(name);
    if (service == null) {
      return;
    }
    String record = annotations(service).get(restoreKey);
    if (record == null) {
      log.info("Nothing to restore for this run. endpoint={} runKey={}", endpoint, runKey);
      return;
    }
    if (NOTHING_BEFORE.equals(record)) {
      services.delete(name);
      log.info("Endpoint created by this run deleted. endpoint={} runKey={}", endpoint, runKey);
      return;
    }
    int bar = record.indexOf('|');
    String revision = record.substring(0, bar);
    String modelUri = record.substring(bar + 1);
    services.update(
        name,
        current -> {
          Map<String, String> annotations = annotations(current);
          if (!annotations.containsKey(restoreKey)) {
            return null;
          }
          annotations.remove(restoreKey);
          annotations.put(REVISION, revision);
          annotations.put(STABLE_REVISION, revision);
          annotations.put(STABLE_MODEL_URI, modelUri);
          current.getMetadata().setAnnotations(annotations);
          Map<String, Object> predictor = InferenceServices.section(current, "spec", "predictor");
          predictor.remove("canaryTrafficPercent");
          predictor.put("model", InferenceServices.model(settings, modelUri));
          return current;
        });
    log.info(
        "Previous revision restored. endpoint={} revision={} runKey={}",
        endpoint,
        revision,
        runKey);
  }

  /** The annotation key recording what served before a run's canary. */
  public static String restoreKey(String runKey) {
    return RESTORE_PREFIX + KubernetesNames.hash(runKey);
  }

  static Map<String, String> annotations(GenericKubernetesResource resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return annotations == null ? new HashMap<>() : new HashMap<>(annotations);
  }

  private String checkName(String endpoint) {
    return settings.serviceName(endpoint);
  }
}
