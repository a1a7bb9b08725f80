package io.osop.temporal.activities.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.activities.data.FeatureTable;
import io.osop.temporal.activities.data.ObjectStoreFeatureStore;
import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.testing.RepositoryLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleTablesTest {

  @TempDir Path root;

  private Path copyOfTheExample() throws IOException {
    Path example = RepositoryLayout.root().resolve("examples/argo-ml-training");
    Path copy = Files.createDirectories(root.resolve("example/feature-store/user-embeddings/v3"));
    Files.copy(example.resolve("generate.py"), root.resolve("example/generate.py"));
    Files.copy(
        example.resolve("feature-store/user-embeddings/v3/schema.yaml"),
        copy.resolve("schema.yaml"));
    return root.resolve("example/feature-store");
  }

  @Test
  void generatesTheMissingTableOnceAndIdentically() throws IOException {
    Path featureStore = copyOfTheExample();
    Path data = featureStore.resolve("user-embeddings/v3/data.csv");

    assertThat(ExampleTables.ensureGenerated(featureStore)).containsExactly("user-embeddings/v3");
    byte[] first = Files.readAllBytes(data);
    assertThat(ExampleTables.ensureGenerated(featureStore)).isEmpty();
    Files.delete(data);
    ExampleTables.ensureGenerated(featureStore);

    assertThat(Files.readAllBytes(data)).isEqualTo(first);
    try (FeatureTable table =
        new ObjectStoreFeatureStore(new LocalObjectStore(featureStore), "")
            .open("feature-store://user-embeddings/v3")) {
      assertThat(table.schema().entityKey()).isEqualTo("user_id");
      assertThat(table.schema().sensitiveAttribute()).isEqualTo("group");
      long rows = 0;
      for (List<String> row = table.next(); row != null; row = table.next()) {
        rows++;
      }
      assertThat(rows).isEqualTo(30_000);
    }
  }
}
