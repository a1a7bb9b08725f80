package io.osop.temporal.activities.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.pipeline.activity.RegistryActivities.ModelVersion;
import io.osop.temporal.pipeline.activity.RegistryActivities.MovePointerRequest;
import io.osop.temporal.pipeline.activity.RegistryActivities.PointerMove;
import io.osop.temporal.pipeline.activity.RegistryActivities.RegisterModelRequest;
import io.osop.temporal.pipeline.activity.RunRef;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryActivitiesImplTest {

  private static final String POINTER = "models/production/latest";
  private static final RunRef RUN_A = new RunRef("argo-ml-training/run a", "argo", "/tmp");
  private static final RunRef RUN_B = new RunRef("argo-ml-training/run b", "argo", "/tmp");

  @TempDir Path root;
  private LocalObjectStore store;
  private ObjectStoreModelRegistry registry;
  private RegistryActivitiesImpl activities;

  @BeforeEach
  void setUp() throws IOException {
    store = new LocalObjectStore(root);
    registry = new ObjectStoreModelRegistry(store);
    activities = new RegistryActivitiesImpl(registry);
  }

  private ModelVersion register(RunRef run, byte content) throws IOException {
    String key = "runs/" + run.workflowId().hashCode() + "/model-" + content + ".onnx";
    store.write(key, new byte[] {content});
    return activities.register(new RegisterModelRequest(run, "deploy", store.uri(key), Map.of()));
  }

  @Test
  void versionIdIsDerivedFromTheRunSoRetriesRegisterTheSameVersion() throws IOException {
    ModelVersion first = register(RUN_A, (byte) 1);
    ModelVersion retry = register(RUN_A, (byte) 1);

    assertThat(retry).isEqualTo(first);
    assertThat(first.version())
        .isEqualTo(RegistryActivitiesImpl.versionFor(RUN_A, "deploy"))
        .startsWith("argo-ml-training-run-a-")
        .doesNotContain("/", " ");
    assertThat(RegistryActivitiesImpl.versionFor(RUN_B, "deploy")).isNotEqualTo(first.version());
  }

  @Test
  void aDifferentModelUnderTheSameRunVersionIsANonRetryableConflict() throws IOException {
    register(RUN_A, (byte) 1);

    assertThatThrownBy(() -> register(RUN_A, (byte) 2))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(RegistryActivitiesImpl.VERSION_CONFLICT);
              assertThat(f.isNonRetryable()).isTrue();
            });
  }

  @Test
  void moveRemembersThePreviousVersionAndARetryReportsTheSameMove() throws IOException {
    String a = register(RUN_A, (byte) 1).version();
    String b = register(RUN_B, (byte) 2).version();
    activities.movePointer(new MovePointerRequest(RUN_A, POINTER, a));

    PointerMove move = activities.movePointer(new MovePointerRequest(RUN_B, POINTER, b));
    PointerMove retried = activities.movePointer(new MovePointerRequest(RUN_B, POINTER, b));

    assertThat(move).isEqualTo(new PointerMove(POINTER, a, b));
    assertThat(retried).isEqualTo(move);
    assertThat(registry.resolve(POINTER)).contains(b);
  }

  @Test
  void restoreMovesBackWhatThisRunSetAndIsIdempotent() throws IOException {
    String a = register(RUN_A, (byte) 1).version();
    String b = register(RUN_B, (byte) 2).version();
    activities.movePointer(new MovePointerRequest(RUN_A, POINTER, a));
    activities.movePointer(new MovePointerRequest(RUN_B, POINTER, b));

    activities.restorePointer(new MovePointerRequest(RUN_B, POINTER, b));
    activities.restorePointer(new MovePointerRequest(RUN_B, POINTER, b));

    assertThat(registry.resolve(POINTER)).contains(a);
  }

  @Test
  void restoreLeavesAPointerAnotherRunMovedSince() throws IOException {
    String a = register(RUN_A, (byte) 1).version();
    String b = register(RUN_B, (byte) 2).version();
    activities.movePointer(new MovePointerRequest(RUN_A, POINTER, a));
    activities.movePointer(new MovePointerRequest(RUN_B, POINTER, b));

    activities.restorePointer(new MovePointerRequest(RUN_A, POINTER, a));

    assertThat(registry.resolve(POINTER)).contains(b);
  }

  @Test
  void restoringTheFirstEverMoveUnsetsThePointer() throws IOException {
    String a = register(RUN_A, (byte) 1).version();
    activities.movePointer(new MovePointerRequest(RUN_A, POINTER, a));

    activities.restorePointer(new MovePointerRequest(RUN_A, POINTER, a));

    assertThat(registry.resolve(POINTER)).isEmpty();
  }

  @Test
  void restoreWithoutAnyMoveIsHarmless() {
    activities.restorePointer(new MovePointerRequest(RUN_A, POINTER, "never-set"));
  }
}
