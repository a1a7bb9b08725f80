package io.osop.temporal.activities.kubernetes;

import java.util.List;

/**
 * Every Kubernetes API call the production backends make, as RBAC rules: the worker's Role must
 * grant exactly these (a test compares them with the deploy manifests).
 */
public final class KubernetesAccess {

  /**
   * One RBAC rule.
   *
   * @param apiGroup the API group, empty for the core group
   * @param resource the resource, with a subresource after a slash ({@code pods/log})
   * @param verbs the verbs used, sorted
   */
  public record ApiRule(String apiGroup, String resource, List<String> verbs) {}

  /** The training executor's Jobs and their pods. */
  public static final List<ApiRule> TRAINING =
      List.of(
          new ApiRule("batch", "jobs", List.of("create", "delete", "get", "watch")),
          new ApiRule("", "pods", List.of("delete", "list", "watch")),
          new ApiRule("", "pods/log", List.of("get")));

  /** The KServe serving backend and the shadow deployments of the Istio mirror. */
  public static final List<ApiRule> SERVING =
      List.of(
          new ApiRule(
              "serving.kserve.io",
              "inferenceservices",
              List.of("create", "delete", "get", "update")));

  /** The Istio traffic mirror. */
  public static final List<ApiRule> TRAFFIC =
      List.of(new ApiRule("networking.istio.io", "virtualservices", List.of("get", "update")));

  /** All rules of the production backends together, one per resource. */
  public static final List<ApiRule> ALL =
      List.of(TRAINING.get(0), TRAINING.get(1), TRAINING.get(2), SERVING.get(0), TRAFFIC.get(0));

  private KubernetesAccess() {}
}
