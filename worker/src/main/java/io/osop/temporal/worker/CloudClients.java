package io.osop.temporal.worker;

import com.google.cloud.storage.StorageOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.osop.temporal.activities.storage.gcs.GcsBucket;
import io.osop.temporal.activities.storage.gcs.GcsSettings;
import io.osop.temporal.activities.storage.gcs.StorageGcsBucket;

/**
 * The real external clients: a Google Cloud Storage client per bucket and a fabric8 client, both
 * configured from the environment (application default credentials, kubeconfig or in-cluster).
 */
final class CloudClients implements ExternalClients {

  @Override
  public GcsBucket gcsBucket(String project, GcsSettings settings) {
    StorageOptions.Builder options = StorageOptions.newBuilder();
    if (project != null) {
      options.setProjectId(project);
    }
    return new StorageGcsBucket(
        options.build().getService(), settings.bucket(), settings.uploadChunkBytes());
  }

  @Override
  public KubernetesClient kubernetes() {
    return new KubernetesClientBuilder().build();
  }
}
