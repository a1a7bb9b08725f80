package io.osop.temporal.activities.serving.kserve;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/** Teaches the CRUD mock server the KServe and Istio resources the serving backends use. */
public final class MockServingApi {

  private MockServingApi() {}

  public static void register(KubernetesMockServer server) {
    server.expectCustomResource(
        new CustomResourceDefinitionContext.Builder()
            .withName("inferenceservices.serving.kserve.io")
            .withGroup("serving.kserve.io")
            .withVersion("v1beta1")
            .withKind("InferenceService")
            .withPlural("inferenceservices")
            .withScope("Namespaced")
            .build());
    server.expectCustomResource(
        new CustomResourceDefinitionContext.Builder()
            .withName("virtualservices.networking.istio.io")
            .withGroup("networking.istio.io")
            .withVersion("v1beta1")
            .withKind("VirtualService")
            .withPlural("virtualservices")
            .withScope("Namespaced")
            .build());
  }
}
