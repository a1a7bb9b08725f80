package io.osop.temporal.activities.training.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a Job and its pods only to wake the executor: the executor re-lists on every wake-up and
 * decides from what it lists, so an event lost with a dropped or expired watch (410 Gone) costs
 * nothing. A closed watch wakes the executor too, which re-lists and then opens a new one.
 */
final class JobEvents implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String jobName;
  private final BlockingQueue<String> wakeups = new LinkedBlockingQueue<>();
  private volatile Watch jobWatch;
  private volatile Watch podWatch;
  private volatile boolean closing;

  JobEvents(KubernetesClient client, String namespace, String jobName) {
    this.client = client;
    this.namespace = namespace;
    this.jobName = jobName;
  }

  /** Opens whichever watch is not open; a watch that cannot open now is retried next time. */
  void ensureWatching() {
    try {
      if (jobWatch == null) {
        jobWatch =
            client
                .batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withName(jobName)
                .watch(new Wake<Job>("job"));
      }
      if (podWatch == null) {
        podWatch =
            client
                .pods()
                .inNamespace(namespace)
                .withLabels(TrainingJobManifest.selector(jobName))
                .watch(new Wake<Pod>("pods"));
      }
    } catch (KubernetesClientException e) {
      log.warn(
          "Could not open a watch; polling until it opens. job={} namespace={}",
          jobName,
          namespace,
          e);
    }
  }

  /** Waits for an event, a closed watch, a new log line or the timeout; true when woken early. */
  boolean await(Duration timeout) throws InterruptedException {
    String reason = wakeups.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    wakeups.clear();
    return reason != null;
  }

  /** Wakes the waiting executor. */
  void wake(String reason) {
    wakeups.offer(reason);
  }

  @Override
  public void close() {
    closing = true;
    Watch job = jobWatch;
    Watch pods = podWatch;
    if (job != null) {
      job.close();
    }
    if (pods != null) {
      pods.close();
    }
  }

  /** Turns every event and every close into a wake-up. */
  private final class Wake<T> implements Watcher<T> {
    private final String what;

    Wake(String what) {
      this.what = what;
    }

    @Override
    public void eventReceived(Action action, T resource) {
      wake(what + " " + action);
    }

    @Override
    public void onClose(WatcherException cause) {
      if (!closing) {
        log.info(
            "Watch closed; re-listing before watching again. job={} watch={} gone={} reason={}",
            jobName,
            what,
            cause.isHttpGone(),
            cause.getMessage());
      }
      reopen();
    }

    @Override
    public void onClose() {
      reopen();
    }

    private void reopen() {
      if ("job".equals(what)) {
        jobWatch = null;
      } else {
        podWatch = null;
      }
      wake(what + " watch closed");
    }
  }
}
