package io.osop.temporal.activities.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osop.temporal.activities.serving.EndpointState.Revision;
import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.testing.LogisticOnnxModel;
import io.osop.temporal.activities.testing.SyntheticDataset;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.ServingActivities;
import io.osop.temporal.pipeline.activity.ServingActivities.CanaryRollout;
import io.osop.temporal.pipeline.activity.ServingActivities.DeployCanaryRequest;
import io.osop.temporal.pipeline.activity.ServingActivities.RestoreRevisionRequest;
import io.osop.temporal.pipeline.activity.ServingActivities.ServingHealth;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanaryDeploymentTest {

  private static final String ENDPOINT = "models/recommendation/v3";
  private static final RunRef FIRST_RUN = new RunRef("wf-1", "argo-ml-training", "/tmp");
  private static final RunRef SECOND_RUN = new RunRef("wf-2", "argo-ml-training", "/tmp");

  @TempDir Path root;
  private LocalObjectStore store;
  private ObjectStoreModelRegistry registry;
  private TestActivityEnvironment environment;
  private LocalServingBackend backend;
  private ServingActivities activities;
  private String datasetUri;
  private String firstModel;
  private String secondModel;

  @BeforeEach
  void setUp() throws Exception {
    store = new LocalObjectStore(root);
    registry = new ObjectStoreModelRegistry(store);
    datasetUri = SyntheticDataset.write(store, "runs/wf/prepare_data/dataset", 50, 20, 100, 3);
    firstModel = store.uri("runs/wf-1/train_model/model.onnx");
    store.write("runs/wf-1/train_model/model.onnx", LogisticOnnxModel.of(new float[] {1, 0}, 0));
    secondModel = store.uri("runs/wf-2/train_model/model.onnx");
    store.write("runs/wf-2/train_model/model.onnx", LogisticOnnxModel.of(new float[] {1, -1}, 0));
  }

  private void startEnvironment(LocalServingSettings settings) {
    backend = new LocalServingBackend(store, registry, settings);
    environment = TestActivityEnvironment.newInstance();
    environment.registerActivitiesImplementations(
        new ServingActivitiesImpl(backend, CanaryHealthPolicy.defaults()));
    activities =
        environment.newActivityStub(
            ServingActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void tearDown() {
    if (environment != null) {
      environment.close();
    }
  }

  private CanaryRollout deploy(RunRef run, String model, String version) {
    return activities.deployCanary(
        new DeployCanaryRequest(run, "deploy_serving", ENDPOINT, model, version, 5, datasetUri));
  }

  /** Puts v1 live through a first, completed run. */
  private void firstRunLive() {
    CanaryRollout rollout = deploy(FIRST_RUN, firstModel, "v1");
    activities.promote(rollout);
  }

  @Test
  void aCanaryRecordsThePreviousRevisionAndRepeatingItChangesNothing() throws Exception {
    startEnvironment(LocalServingSettings.defaults());
    firstRunLive();

    CanaryRollout rollout = deploy(SECOND_RUN, secondModel, "v2");
    EndpointState afterFirst = backend.state(ENDPOINT);
    CanaryRollout repeated = deploy(SECOND_RUN, secondModel, "v2");

    assertThat(rollout).isEqualTo(new CanaryRollout(ENDPOINT, "v1", "v2", 5));
    assertThat(repeated).isEqualTo(rollout);
    assertThat(backend.state(ENDPOINT)).isEqualTo(afterFirst);
    assertThat(afterFirst.liveName()).isEqualTo("v1");
    assertThat(afterFirst.canary()).isEqualTo(new Revision("v2", secondModel, datasetUri));
    assertThat(afterFirst.canaryPercent()).isEqualTo(5);
  }

  @Test
  void aHealthyCanaryIsProbedOnHeldOutRowsThenPromotedOnce() throws Exception {
    startEnvironment(LocalServingSettings.defaults());
    firstRunLive();
    CanaryRollout rollout = deploy(SECOND_RUN, secondModel, "v2");

    ServingHealth health = activities.checkHealth(rollout);
    activities.promote(rollout);
    activities.promote(rollout);

    assertThat(health.healthy()).isTrue();
    assertThat(health.requests()).isEqualTo(50);
    assertThat(health.errors()).isZero();
    assertThat(health.detail()).startsWith("healthy: 50 probe requests, 0 errors");
    assertThat(backend.state(ENDPOINT))
        .isEqualTo(new EndpointState(new Revision("v2", secondModel, datasetUri), null, 0));
  }

  @Test
  void aCanaryWithInjectedErrorsIsUnhealthyAndRestoringPutsThePreviousBack() throws Exception {
    startEnvironment(new LocalServingSettings(1, 50, 0, 0, 0, 0.3, false));
    firstRunLive();
    CanaryRollout rollout = deploy(SECOND_RUN, secondModel, "v2");

    ServingHealth health = activities.checkHealth(rollout);
    RestoreRevisionRequest restore =
        new RestoreRevisionRequest(SECOND_RUN, "deploy_serving", ENDPOINT);
    activities.restore(restore);
    activities.restore(restore);

    assertThat(health.healthy()).isFalse();
    assertThat(health.errors()).isPositive();
    assertThat(health.detail()).startsWith("error rate above the limit");
    assertThat(backend.state(ENDPOINT).liveName()).isEqualTo("v1");
    assertThat(backend.state(ENDPOINT).canary()).isNull();
  }

  @Test
  void aPromotionThatFailsHalfWayIsUndoneByRestore() throws Exception {
    startEnvironment(LocalServingSettings.defaults());
    firstRunLive();
    environment.close();
    startEnvironment(new LocalServingSettings(1, 50, 0, 0, 0, 0, true));
    CanaryRollout rollout = deploy(SECOND_RUN, secondModel, "v2");

    assertThatThrownBy(() -> activities.promote(rollout))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ServingActivitiesImpl.INJECTED_FAULT);
              assertThat(failure.isNonRetryable()).isTrue();
            });
    assertThat(backend.state(ENDPOINT).liveName()).isEqualTo("v2");

    activities.restore(new RestoreRevisionRequest(SECOND_RUN, "deploy_serving", ENDPOINT));

    assertThat(backend.state(ENDPOINT))
        .isEqualTo(new EndpointState(new Revision("v1", firstModel, datasetUri), null, 0));
  }

  @Test
  void restoringTheFirstDeploymentOfAnEndpointLeavesNothingLive() throws Exception {
    startEnvironment(LocalServingSettings.defaults());
    CanaryRollout rollout = deploy(FIRST_RUN, firstModel, "v1");
    activities.promote(rollout);

    activities.restore(new RestoreRevisionRequest(FIRST_RUN, "deploy_serving", ENDPOINT));

    assertThat(rollout.previousRevision()).isNull();
    assertThat(backend.liveRevision(ENDPOINT)).isEmpty();
  }

  @Test
  void restoringARunThatDeployedNothingOrWasOvertakenChangesNothing() throws Exception {
    startEnvironment(LocalServingSettings.defaults());
    firstRunLive();
    activities.promote(deploy(SECOND_RUN, secondModel, "v2"));
    EndpointState before = backend.state(ENDPOINT);

    activities.restore(
        new RestoreRevisionRequest(new RunRef("wf-9", "p", "/tmp"), "deploy_serving", ENDPOINT));
    // The first run's revision is no longer live: undoing it must not clobber the second run.
    activities.restore(new RestoreRevisionRequest(FIRST_RUN, "deploy_serving", ENDPOINT));

    assertThat(backend.state(ENDPOINT)).isEqualTo(before);
  }

  @Test
  void aCanaryWithoutAProbeDatasetIsProbedWithCannedRows() throws Exception {
    startEnvironment(LocalServingSettings.defaults());
    CanaryRollout rollout =
        activities.deployCanary(
            new DeployCanaryRequest(FIRST_RUN, "deploy_serving", ENDPOINT, firstModel, "v1", 10));

    ServingHealth health = activities.checkHealth(rollout);

    assertThat(health.healthy()).isTrue();
    assertThat(health.requests()).isEqualTo(50);
  }
}
