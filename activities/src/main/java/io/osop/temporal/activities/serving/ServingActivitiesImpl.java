package io.osop.temporal.activities.serving;

import io.osop.temporal.activities.storage.RunKeys;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.ServingActivities;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Canary deployment through a {@link ServingBackend}: every change is keyed by the run and node
 * that make it, so retries repeat nothing and restoring needs only the run.
 */
public final class ServingActivitiesImpl implements ServingActivities {

  /** The failure type of a request the backend refuses (bad endpoint, unknown revision). */
  public static final String INVALID_SERVING_REQUEST = "InvalidServingRequest";

  /** The failure type of a fault injected by the serving settings; never retried. */
  public static final String INJECTED_FAULT = "InjectedFault";

  private static final Logger log = LoggerFactory.getLogger(ServingActivitiesImpl.class);

  private final ServingBackend backend;
  private final CanaryHealthPolicy policy;

  /** Creates the activities over a backend with a health policy. */
  public ServingActivitiesImpl(ServingBackend backend, CanaryHealthPolicy policy) {
    this.backend = backend;
    this.policy = policy;
  }

  /** The key under which a run's deploy node records what it changed: {@code <workflow>/<node>}. */
  public static String runKey(RunRef run, String nodeId) {
    return RunKeys.segment(run.workflowId()) + "/" + RunKeys.segment(nodeId);
  }

  @Override
  public CanaryRollout deployCanary(DeployCanaryRequest request) {
    String revision =
        request.modelVersion() != null && !request.modelVersion().isBlank()
            ? request.modelVersion()
            : request.run().workflowId() + "-" + request.nodeId();
    try {
      String previous = backend.liveRevision(request.endpoint()).orElse(null);
      backend.deployCanary(
          request.endpoint(),
          revision,
          request.candidateModelUri(),
          request.canaryPercent(),
          runKey(request.run(), request.nodeId()),
          request.datasetUri());
      return new CanaryRollout(request.endpoint(), previous, revision, request.canaryPercent());
    } catch (IOException e) {
      throw wrap(e, "deploying the canary of node '" + request.nodeId() + "'");
    } catch (IllegalArgumentException e) {
      throw refused(e, "deploying the canary of node '" + request.nodeId() + "'");
    }
  }

  @Override
  public ServingHealth checkHealth(CanaryRollout rollout) {
    ServingBackend.Health health;
    try {
      health = backend.health(rollout.endpoint(), rollout.canaryRevision());
    } catch (IOException e) {
      throw wrap(e, "checking the health of revision " + rollout.canaryRevision());
    }
    String problem = problem(health);
    String detail =
        String.format(
            Locale.ROOT,
            "%s: %d probe requests, %d errors, p99 %.3f ms (limits: error rate %.3f, p99 %.1f ms)",
            problem == null ? "healthy" : problem,
            health.requests(),
            health.errors(),
            health.p99Millis(),
            policy.maxErrorRate(),
            policy.maxP99Millis());
    log.info(
        "Checked canary health. endpoint={} revision={} detail={}",
        rollout.endpoint(),
        rollout.canaryRevision(),
        detail);
    return new ServingHealth(
        problem == null, health.requests(), health.errors(), health.p99Millis(), detail);
  }

  private String problem(ServingBackend.Health health) {
    if (!health.ready()) {
      return "not ready";
    }
    if (health.requests() == 0) {
      return "no probe requests answered";
    }
    if ((double) health.errors() / health.requests() > policy.maxErrorRate()) {
      return "error rate above the limit";
    }
    if (!(health.p99Millis() <= policy.maxP99Millis())) {
      return "p99 latency above the limit";
    }
    return null;
  }

  @Override
  public void promote(CanaryRollout rollout) {
    try {
      backend.promote(rollout.endpoint(), rollout.canaryRevision());
    } catch (IOException e) {
      throw wrap(e, "promoting revision " + rollout.canaryRevision());
    } catch (IllegalArgumentException e) {
      throw refused(e, "promoting revision " + rollout.canaryRevision());
    }
  }

  @Override
  public void restore(RestoreRevisionRequest request) {
    try {
      backend.restore(request.endpoint(), runKey(request.run(), request.nodeId()));
    } catch (IOException e) {
      throw wrap(e, "restoring endpoint " + request.endpoint());
    } catch (IllegalArgumentException e) {
      throw refused(e, "restoring endpoint " + request.endpoint());
    }
  }

  private static RuntimeException refused(IllegalArgumentException e, String doing) {
    return ApplicationFailure.newNonRetryableFailureWithCause(
        doing + ": " + e.getMessage(), INVALID_SERVING_REQUEST, e);
  }

  private static RuntimeException wrap(IOException e, String doing) {
    if (e instanceof InjectedFaultException) {
      return ApplicationFailure.newNonRetryableFailureWithCause(
          doing + ": " + e.getMessage(), INJECTED_FAULT, e);
    }
    return new UncheckedIOException(doing + " failed", e);
  }
}
