package io.osop.temporal.worker;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.osop.temporal.activities.storage.gcs.GcsBucket;
import io.osop.temporal.activities.storage.gcs.GcsSettings;

/**
 * The clients through which the production backends reach outside services; the worker uses the
 * real ones, and tests pass a fake bucket and a mock Kubernetes API instead.
 */
public interface ExternalClients {

  /**
   * The bucket the settings name.
   *
   * @param project the Google Cloud project, or null for the environment's default
   * @param settings the bucket and upload chunk size
   */
  GcsBucket gcsBucket(String project, GcsSettings settings);

  /** The Kubernetes client; asked for at most once, and only when a backend runs on Kubernetes. */
  KubernetesClient kubernetes();

  /** The real clients: Google Cloud Storage and fabric8 configured from the environment. */
  static ExternalClients real() {
    return new CloudClients();
  }
}
