package io.osop.temporal.activities.testing;

import io.osop.temporal.activities.storage.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes a seeded two-feature dataset in the prepare-data layout: x1 and x2 uniform in [0, 1), the
 * label 1 when x1 - x2 plus a little noise is at least 0, and a group A or B.
 */
public final class SyntheticDataset {

  private SyntheticDataset() {}

  /** Writes the splits with these row counts under {@code key}; returns the dataset URI. */
  public static String write(
      ObjectStore store, String key, int trainRows, int valRows, int testRows, long seed)
      throws IOException {
    Random random = new Random(seed);
    store.write(key + "/train.csv", split(random, trainRows));
    store.write(key + "/val.csv", split(random, valRows));
    store.write(key + "/test.csv", split(random, testRows));
    String manifest =
        "{\"source\":\"feature-store://synthetic/v1\",\"features\":[\"x1\",\"x2\"],"
            + "\"label\":\"label\",\"positive_label\":\"1\",\"sensitive_attribute\":\"group\","
            + "\"categorical\":{},\"splits\":{\"train\":{\"rows\":"
            + trainRows
            + "},\"val\":{\"rows\":"
            + valRows
            + "},\"test\":{\"rows\":"
            + testRows
            + "}}}";
    store.write(key + "/manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    return store.uri(key);
  }

  private static byte[] split(Random random, int rows) {
    StringBuilder csv = new StringBuilder("x1,x2,label,group\n");
    for (int i = 0; i < rows; i++) {
      float x1 = random.nextFloat();
      float x2 = random.nextFloat();
      double noise = random.nextGaussian() * 0.1;
      int label = x1 - x2 + noise >= 0 ? 1 : 0;
      csv.append(x1)
          .append(',')
          .append(x2)
          .append(',')
          .append(label)
          .append(',')
          .append(random.nextBoolean() ? "A" : "B")
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
