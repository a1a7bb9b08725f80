package io.osop.temporal.activities.serving.kserve;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads and changes KServe InferenceServices ({@code serving.kserve.io/v1beta1}) as generic
 * resources, with optimistic concurrency: a change is applied to the latest version and retried
 * when another writer came between the read and the write.
 */
public final class InferenceServices {

  /** The resource as the API knows it. */
  public static final ResourceDefinitionContext CONTEXT =
      new ResourceDefinitionContext.Builder()
          .withGroup("serving.kserve.io")
          .withVersion("v1beta1")
          .withKind("InferenceService")
          .withPlural("inferenceservices")
          .withNamespaced(true)
          .build();

  private static final int CONFLICT = 409;
  private static final int ATTEMPTS = 5;

  private final KubernetesClient client;
  private final String namespace;

  /** Access to the InferenceServices of one namespace. */
  public InferenceServices(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** The InferenceService, or null when there is none. */
  public GenericKubernetesResource get(String name) {
    return client.genericKubernetesResources(CONTEXT).inNamespace(namespace).withName(name).get();
  }

  /** Creates an InferenceService; returns false when one of that name exists already. */
  public boolean createIfAbsent(GenericKubernetesResource service) {
    try {
      client.genericKubernetesResources(CONTEXT).inNamespace(namespace).resource(service).create();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == CONFLICT) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Applies a change to the latest version of a resource, retrying on conflicts. The change returns
   * null to leave the resource as it is.
   */
  public static GenericKubernetesResource update(
      KubernetesClient client,
      ResourceDefinitionContext context,
      String namespace,
      String name,
      UnaryOperator<GenericKubernetesResource> change) {
    KubernetesClientException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      GenericKubernetesResource current =
          client.genericKubernetesResources(context).inNamespace(namespace).withName(name).get();
      if (current == null) {
        return null;
      }
      GenericKubernetesResource changed = change.apply(current);
      if (changed == null) {
        return current;
      }
      try {
        return client
            .genericKubernetesResources(context)
            .inNamespace(namespace)
            .resource(changed)
            .update();
      } catch (KubernetesClientException e) {
        if (e.getCode() != CONFLICT) {
          throw e;
        }
        last = e;
      }
    }
    throw new KubernetesClientException(
        "Gave up changing "
            + context.getKind()
            + " after "
            + ATTEMPTS
            + " conflicts: namespace="
            + namespace
            + " name="
            + name,
        last);
  }

  /** Changes an InferenceService of this namespace; see {@link #update}. */
  public GenericKubernetesResource update(
      String name, UnaryOperator<GenericKubernetesResource> change) {
    return update(client, CONTEXT, namespace, name, change);
  }

  /** Deletes an InferenceService; does nothing when it is gone. */
  public void delete(String name) {
    client.genericKubernetesResources(CONTEXT).inNamespace(namespace).withName(name).delete();
  }

  /** A new InferenceService serving one model. */
  public GenericKubernetesResource manifest(
      String name,
      KServeSettings settings,
      String storageUri,
      Map<String, String> labels,
      Map<String, String> annotations) {
    GenericKubernetesResource service =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("serving.kserve.io/v1beta1")
            .withKind("InferenceService")
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels)
            .withAnnotations(annotations)
            .endMetadata()
            .build();
    Map<String, Object> predictor = new LinkedHashMap<>();
    if (settings.serviceAccountName() != null) {
      predictor.put("serviceAccountName", settings.serviceAccountName());
    }
    predictor.put("model", model(settings, storageUri));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("predictor", predictor);
    service.setAdditionalProperty("spec", spec);
    return service;
  }

  /** The predictor's model section for a storage URI. */
  static Map<String, Object> model(KServeSettings settings, String storageUri) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("modelFormat", new LinkedHashMap<>(Map.of("name", settings.modelFormat())));
    if (settings.runtime() != null) {
      model.put("runtime", settings.runtime());
    }
    model.put("storageUri", storageUri);
    return model;
  }

  /** The nested map at a path of keys, created when missing. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> section(GenericKubernetesResource resource, String... path) {
    Map<String, Object> current = resource.getAdditionalProperties();
    for (String key : path) {
      Object next = current.get(key);
      if (!(next instanceof Map)) {
        next = new LinkedHashMap<String, Object>();
        current.put(key, next);
      }
      current = (Map<String, Object>) next;
    }
    return current;
  }

  /** The value at a path of keys, or null when any part is missing. */
  @SuppressWarnings("unchecked")
  public static Object value(GenericKubernetesResource resource, String... path) {
    Object current = resource.getAdditionalProperties();
    for (String key : path) {
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<String, Object>) current).get(key);
    }
    return current;
  }
}
