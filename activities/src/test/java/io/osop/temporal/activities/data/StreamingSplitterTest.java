package io.osop.temporal.activities.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.storage.ObjectStore.ObjectInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingSplitterTest {

  private static final Map<String, Double> FRACTIONS =
      Map.of("test", 0.1, "train", 0.8, "val", 0.1);

  @TempDir Path root;
  private LocalObjectStore store;
  private ObjectStoreFeatureStore features;

  @BeforeEach
  void setUp() throws IOException {
    store = new LocalObjectStore(root.resolve("store"));
    features = new ObjectStoreFeatureStore(store, "tables");
  }

  private SplitManifest split(String source, String prefix) throws IOException {
    try (FeatureTable table = features.open(source)) {
      return new StreamingSplitter(store, root.resolve("tmp"), rows -> {})
          .split(table, source, SplitPlan.of(FRACTIONS), prefix, 100);
    }
  }

  private List<String> lines(String key) throws IOException {
    return List.of(new String(store.read(key), UTF_8).split("\n"));
  }

  @Test
  void splittingTwiceWritesIdenticalFilesAndManifest() throws IOException {
    String source = GeneratedTables.write(store, "clicks", 3000, 1);

    SplitManifest first = split(source, "runs/a/data/");
    SplitManifest second = split(source, "runs/b/data/");

    for (String name : List.of("train.csv", "val.csv", "test.csv")) {
      assertThat(store.read("runs/b/data/" + name)).isEqualTo(store.read("runs/a/data/" + name));
    }
    assertThat(second.rowsBySplit()).isEqualTo(first.rowsBySplit());
    assertThat(second.features()).isEqualTo(first.features());
  }

  @Test
  void aRowLandsInTheSameSplitWhateverTheOrderOfTheTable() throws IOException {
    String source = GeneratedTables.write(store, "clicks", 2000, 2);
    List<String> rows = new ArrayList<>(lines("tables/clicks/v1/data.csv"));
    String header = rows.remove(0);
    Collections.shuffle(rows, new Random(7));
    store.write("tables/shuffled/v1/schema.yaml", store.read("tables/clicks/v1/schema.yaml"));
    store.write(
        "tables/shuffled/v1/data.csv", (header + "\n" + String.join("\n", rows)).getBytes(UTF_8));

    SplitManifest original = split(source, "runs/a/data/");
    SplitManifest shuffled = split("feature-store://shuffled/v1", "runs/b/data/");

    assertThat(shuffled.rowsBySplit()).isEqualTo(original.rowsBySplit());
    for (String name : List.of("train.csv", "val.csv", "test.csv")) {
      assertThat(lines("runs/b/data/" + name))
          .containsExactlyInAnyOrderElementsOf(lines("runs/a/data/" + name));
    }
    SplitPlan plan = SplitPlan.of(FRACTIONS);
    assertThat(plan.names()).containsExactly("train", "val", "test");
    assertThat(plan.assign("u17"))
        .isEqualTo(SplitPlan.of(Map.of("train", 0.8, "val", 0.1, "test", 0.1)).assign("u17"));
  }

  @Test
  void splitSizesFollowTheFractions() throws IOException {
    String source = GeneratedTables.write(store, "clicks", 20_000, 3);

    Map<String, Long> rows = split(source, "runs/a/data/").rowsBySplit();

    assertThat(rows.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20_000);
    assertThat(rows.get("train") / 20_000.0).isCloseTo(0.8, within(0.015));
    assertThat(rows.get("val") / 20_000.0).isCloseTo(0.1, within(0.01));
    assertThat(rows.get("test") / 20_000.0).isCloseTo(0.1, within(0.01));
  }

  @Test
  void categoriesAreOneHotOverTheTrainVocabularyOnly() throws IOException {
    String source = GeneratedTables.write(store, "clicks", 500, 4);
    SplitPlan plan = SplitPlan.of(FRACTIONS);
    String testUser = "x0";
    for (int i = 1; !plan.names().get(plan.assign(testUser)).equals("test"); i++) {
      testUser = "x" + i;
    }
    String rows = new String(store.read("tables/clicks/v1/data.csv"), UTF_8);
    store.delete("tables/clicks/v1/data.csv");
    store.write(
        "tables/clicks/v1/data.csv",
        (rows + testUser + ",30,0.5,atlantis,a,yes\n").getBytes(UTF_8));

    SplitManifest manifest = split(source, "runs/a/data/");

    assertThat(manifest.features())
        .containsExactly(
            "age", "score", "country=de", "country=fr", "country=jp", "country=tw", "country=us");
    assertThat(lines("runs/a/data/test.csv")).contains("30,0.5,0,0,0,0,0,1,a");
    assertThat(lines("runs/a/data/train.csv").get(0))
        .isEqualTo("age,score,country=de,country=fr,country=jp,country=tw,country=us,label,group");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> splits =
        (Map<String, Map<String, Object>>) manifest.body().get("splits");
    assertThat(splits.get("test").get("unseen_category_rows")).isEqualTo(1);
    assertThat(manifest.body().get("categorical"))
        .isEqualTo(Map.of("country", GeneratedTables.COUNTRIES));
  }

  @Test
  void manifestRecordsRowsBytesAndChecksumsOfTheStoredFiles() throws IOException {
    String source = GeneratedTables.write(store, "clicks", 1000, 5);

    SplitManifest manifest = split(source, "runs/a/data/");

    SplitManifest stored = SplitManifest.read(store, "runs/a/data/manifest.json");
    assertThat(stored.body()).isEqualTo(manifest.body());
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> splits =
        (Map<String, Map<String, Object>>) stored.body().get("splits");
    long total = 0;
    for (String name : List.of("train", "val", "test")) {
      ObjectInfo info = store.stat("runs/a/data/" + name + ".csv").orElseThrow();
      Map<String, Object> entry = splits.get(name);
      assertThat(entry.get("crc32c")).isEqualTo(info.crc32c());
      assertThat(((Number) entry.get("bytes")).longValue()).isEqualTo(info.size());
      assertThat(((Number) entry.get("rows")).longValue())
          .isEqualTo(lines("runs/a/data/" + name + ".csv").size() - 1);
      assertThat(entry.get("uri")).isEqualTo(store.uri("runs/a/data/" + name + ".csv"));
      total += info.size();
    }
    assertThat(stored.splitBytes()).isEqualTo(total);
    assertThat(stored.body())
        .containsEntry("source", source)
        .containsEntry("label", "clicked")
        .containsEntry("positive_label", "yes")
        .containsEntry("sensitive_attribute", "segment")
        .containsEntry("rows_read", 1000);
  }

  @Test
  void rowsWithoutALabelAreCountedAndSkippedAndMissingNumbersGetTheTrainMean() throws IOException {
    store.write("tables/gaps/v1/schema.yaml", GeneratedTables.SCHEMA.getBytes(UTF_8));
    StringBuilder csv = new StringBuilder("user_id,age,score,country,segment,clicked\n");
    for (int i = 0; i < 200; i++) {
      csv.append("u").append(i).append(",").append(i % 2 == 0 ? "10" : "30").append(",0.5,de,a,");
      csv.append(i < 3 ? "" : "yes").append("\n");
    }
    csv.append("nolabel,?,0.5,de,a,?\n");
    csv.append("gap,?,0.5,de,a,no\n");
    store.write("tables/gaps/v1/data.csv", csv.toString().getBytes(UTF_8));

    SplitManifest manifest = split("feature-store://gaps/v1", "runs/a/data/");

    assertThat(manifest.body())
        .containsEntry("rows_read", 202)
        .containsEntry("rows_skipped_missing_label", 4);
    assertThat(manifest.rowsBySplit().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(198);
    assertThat(manifest.body()).containsEntry("missing_values", Map.of("age", 1));
    double mean = (Double) ((Map<?, ?>) manifest.body().get("imputed_train_means")).get("age");
    assertThat(mean).isBetween(15.0, 25.0);
    String all =
        String.join("\n", lines("runs/a/data/train.csv"))
            + String.join("\n", lines("runs/a/data/val.csv"))
            + String.join("\n", lines("runs/a/data/test.csv"));
    assertThat(all).contains(mean + ",0.5,1,0,a");
  }

  @Test
  void aNonNumericValueInANumericColumnNamesFileLineAndColumn() throws IOException {
    store.write("tables/bad/v1/schema.yaml", GeneratedTables.SCHEMA.getBytes(UTF_8));
    store.write(
        "tables/bad/v1/data.csv",
        "user_id,age,score,country,segment,clicked\nu1,20,0.1,de,a,yes\nu2,old,0.1,de,a,no\n"
            .getBytes(UTF_8));

    assertThatThrownBy(() -> split("feature-store://bad/v1", "runs/a/data/"))
        .isInstanceOf(TableFormatException.class)
        .hasMessageContaining("bad/v1/data.csv:3")
        .hasMessageContaining("'age'")
        .hasMessageContaining("'old'");
    assertThat(store.list("runs/")).isEmpty();
    try (var left = Files.list(root.resolve("tmp"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void badFractionsAreRefused() {
    assertThatThrownBy(() -> SplitPlan.of(Map.of("train", 0.8, "test", 0.1)))
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(() -> SplitPlan.of(Map.of("val", 0.5, "test", 0.5)))
        .hasMessageContaining("train");
    assertThatThrownBy(() -> SplitPlan.of(Map.of("train", 1.5, "test", -0.5)))
        .hasMessageContaining("between 0 and 1");
  }
}
