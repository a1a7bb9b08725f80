package io.osop.temporal.activities.testing;

import io.osop.temporal.activities.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Puts dataset fixtures from src/test/resources into a store, as prepare-data would lay them out.
 */
public final class TestDatasets {

  private static final List<String> FILES =
      List.of("manifest.json", "train.csv", "val.csv", "test.csv");

  private TestDatasets() {}

  /**
   * Copies the fixture folder {@code datasets/<name>} under {@code key} and returns the dataset
   * URI.
   */
  public static String copy(ObjectStore store, String name, String key) {
    try {
      for (String file : FILES) {
        try (InputStream in =
            TestDatasets.class.getResourceAsStream("/datasets/" + name + "/" + file)) {
          if (in == null) {
            throw new IllegalStateException("missing fixture datasets/" + name + "/" + file);
          }
          store.write(key + "/" + file, in.readAllBytes());
        }
      }
      return store.uri(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
