package io.osop.temporal.activities.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.pipeline.activity.DataActivities;
import io.osop.temporal.pipeline.activity.DataActivities.PrepareDataRequest;
import io.osop.temporal.pipeline.activity.DataActivities.PreparedData;
import io.osop.temporal.pipeline.activity.RunRef;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataActivitiesImplTest {

  private static final RunRef RUN = new RunRef("argo-ml-training/42", "argo-ml-training", "/tmp");

  @TempDir Path root;
  private LocalObjectStore store;
  private TestActivityEnvironment environment;
  private DataActivities activities;

  @BeforeEach
  void setUp() throws IOException {
    store = new LocalObjectStore(root.resolve("store"));
    environment = TestActivityEnvironment.newInstance();
    environment.registerActivitiesImplementations(
        new DataActivitiesImpl(
            new ObjectStoreFeatureStore(store, "tables"), store, root.resolve("tmp")));
    activities =
        environment.newActivityStub(
            DataActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void tearDown() {
    environment.close();
  }

  private PrepareDataRequest request(String source, Map<String, Double> splits) {
    return new PrepareDataRequest(RUN, "prepare_data", source, splits, Map.of());
  }

  @Test
  void writesSplitsUnderTheRunAndNodeAndReportsThem() throws IOException {
    String source = GeneratedTables.write(store, "clicks", 1000, 9);

    PreparedData data =
        activities.prepareData(request(source, Map.of("train", 0.8, "val", 0.1, "test", 0.1)));

    assertThat(data.datasetUri()).isEqualTo(store.uri("runs/argo-ml-training-42/prepare_data/"));
    assertThat(data.manifestUri()).isEqualTo(data.datasetUri() + "manifest.json");
    assertThat(data.rows()).containsOnlyKeys("train", "val", "test");
    assertThat(data.rows().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
    assertThat(data.features()).startsWith("age", "score", "country=de");
    assertThat(data.label()).isEqualTo("clicked");
    assertThat(data.sensitiveAttribute()).isEqualTo("segment");
    long stored =
        store.list("runs/argo-ml-training-42/prepare_data/").stream()
            .mapToLong(info -> info.size())
            .sum();
    assertThat(data.bytes()).isEqualTo(stored);
  }

  @Test
  void aRetryAfterSuccessReturnsTheSameResultFromTheManifest() throws IOException {
    String source = GeneratedTables.write(store, "clicks", 500, 9);
    Map<String, Double> splits = Map.of("train", 0.8, "val", 0.1, "test", 0.1);

    PreparedData first = activities.prepareData(request(source, splits));
    store.delete("tables/clicks/v1/data.csv");
    PreparedData again = activities.prepareData(request(source, splits));

    assertThat(again).isEqualTo(first);
  }

  @Test
  void aRetryAfterAPartialWriteRewritesTheSameFiles() throws IOException {
    String source = GeneratedTables.write(store, "clicks", 500, 9);
    Map<String, Double> splits = Map.of("train", 0.8, "val", 0.1, "test", 0.1);
    PreparedData first = activities.prepareData(request(source, splits));
    store.delete("runs/argo-ml-training-42/prepare_data/manifest.json");
    store.delete("runs/argo-ml-training-42/prepare_data/test.csv");

    PreparedData again = activities.prepareData(request(source, splits));

    assertThat(again).isEqualTo(first);
  }

  @Test
  void badInputFailsWithoutRetryNamingTheProblem() throws IOException {
    GeneratedTables.write(store, "clicks", 10, 9);

    assertThatThrownBy(
            () ->
                activities.prepareData(
                    request("feature-store://clicks/v1", Map.of("train", 0.5, "test", 0.1))))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(DataActivitiesImpl.INVALID_DATA);
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage()).contains("prepare_data").contains("sum to 1");
            });
    assertThatThrownBy(
            () ->
                activities.prepareData(request("feature-store://missing/v1", Map.of("train", 1.0))))
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(DataActivitiesImpl.TABLE_NOT_FOUND));
  }
}
