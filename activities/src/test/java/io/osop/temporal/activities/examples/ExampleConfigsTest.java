package io.osop.temporal.activities.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.pipeline.activity.DataActivities.PreparedData;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's table and configs: prod learns the table well, weak clearly loses to it. */
class ExampleConfigsTest {

  @TempDir Path root;
  private final TestActivityEnvironment environment = TestActivityEnvironment.newInstance();

  @AfterEach
  void tearDown() {
    environment.close();
  }

  @Test
  void prodConfigLearnsTheTableAndWeakConfigLosesToIt() throws IOException {
    Path example = ExampleSteps.EXAMPLE;
    Path featureStore = root.resolve("example/feature-store");
    Files.createDirectories(featureStore.resolve("user-embeddings/v3"));
    Files.copy(example.resolve("generate.py"), root.resolve("example/generate.py"));
    Files.copy(
        example.resolve("feature-store/user-embeddings/v3/schema.yaml"),
        featureStore.resolve("user-embeddings/v3/schema.yaml"));
    ExampleTables.ensureGenerated(featureStore);
    ExampleSteps steps = new ExampleSteps(environment, root, featureStore, "example-configs");
    steps.register();
    PreparedData data = steps.prepare("feature-store://user-embeddings/v3");

    double prod = valAccuracy(steps, data, "prod");
    double weak = valAccuracy(steps, data, "weak");

    assertThat(prod).isBetween(0.8, 0.9);
    assertThat(weak).isLessThan(prod - 0.1);
  }

  private static double valAccuracy(ExampleSteps steps, PreparedData data, String config) {
    return ((Number)
            steps
                .train("train_" + config, "config/" + config + ".yaml", data)
                .metrics()
                .get("val_accuracy"))
        .doubleValue();
  }
}
