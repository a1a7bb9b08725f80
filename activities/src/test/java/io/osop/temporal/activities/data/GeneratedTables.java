package io.osop.temporal.activities.data;

import io.osop.temporal.activities.storage.ObjectStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Writes small synthetic feature tables into a store for splitter tests. */
final class GeneratedTables {

  static final String SCHEMA =
      """
      entity_key: user_id
      label: clicked
      positive_label: "yes"
      features: [age, score, country]
      categorical: [country]
      sensitive_attribute: segment
      """;

  static final List<String> COUNTRIES = List.of("de", "fr", "jp", "tw", "us");

  private GeneratedTables() {}

  /** Writes {@code tables/<name>/v1/} with {@code rows} rows; returns the table location. */
  static String write(ObjectStore store, String name, int rows, long seed) throws IOException {
    store.write("tables/" + name + "/v1/schema.yaml", SCHEMA.getBytes(StandardCharsets.UTF_8));
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                store.create("tables/" + name + "/v1/data.csv"), StandardCharsets.UTF_8))) {
      out.write("user_id,age,score,country,segment,clicked\n");
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = 0; i < rows; i++) {
        out.write(row(i, random));
      }
    }
    return "feature-store://" + name + "/v1";
  }

  static String row(int i, SplittableRandom random) {
    int age = 18 + random.nextInt(60);
    double score = Math.round(random.nextDouble() * 1000) / 1000.0;
    String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
    String segment = random.nextBoolean() ? "a" : "b";
    String clicked = score + age / 100.0 > 0.9 ? "yes" : "no";
    return "u" + i + "," + age + "," + score + "," + country + "," + segment + "," + clicked + "\n";
  }
}
