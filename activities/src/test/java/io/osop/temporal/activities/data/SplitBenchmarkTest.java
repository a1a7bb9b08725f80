package io.osop.temporal.activities.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.activities.examples.ExampleTables;
import io.osop.temporal.activities.storage.LocalObjectStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the splitter on a generated 1,000,000-row user-embeddings table beside a plain read of
 * the same file. Run with {@code -Dgroups=benchmark -DexcludedGroups=none}; it reports, never
 * asserts, timings.
 */
@Tag("benchmark")
class SplitBenchmarkTest {

  private static final Logger log = LoggerFactory.getLogger(SplitBenchmarkTest.class);
  private static final int ROWS = 1_000_000;

  @TempDir Path root;

  @Test
  void splitsAMillionRows() throws Exception {
    Path repository = Path.of("").toAbsolutePath().getParent();
    Path featureStore = root.resolve("example/feature-store");
    Path table = Files.createDirectories(featureStore.resolve("user-embeddings/v3"));
    Files.copy(
        repository.resolve("examples/argo-ml-training/generate.py"),
        root.resolve("example/generate.py"));
    Files.copy(
        repository.resolve(
            "examples/argo-ml-training/feature-store/user-embeddings/v3/schema.yaml"),
        table.resolve("schema.yaml"));
    Process generate =
        new ProcessBuilder(
                "python3",
                root.resolve("example/generate.py").toString(),
                table.toString(),
                "--rows",
                Integer.toString(ROWS))
            .inheritIO()
            .start();
    assertThat(generate.waitFor()).isZero();
    assertThat(ExampleTables.ensureGenerated(featureStore)).isEmpty();
    Path data = table.resolve("data.csv");
    long fileBytes = Files.size(data);

    long readNanos = timePlainRead(data);
    long parseNanos = timeParse(featureStore);
    resetPeaks();
    long start = System.nanoTime();
    SplitManifest manifest;
    ObjectStoreFeatureStore features =
        new ObjectStoreFeatureStore(new LocalObjectStore(featureStore), "");
    try (FeatureTable source = features.open("feature-store://user-embeddings/v3")) {
      manifest =
          new StreamingSplitter(
                  new LocalObjectStore(root.resolve("store")), root.resolve("tmp"), r -> {})
              .split(
                  source,
                  "feature-store://user-embeddings/v3",
                  SplitPlan.of(Map.of("train", 0.8, "val", 0.1, "test", 0.1)),
                  "runs/bench/data/",
                  1000);
    }
    long splitNanos = System.nanoTime() - start;
    long peakHeap = peakHeap();

    assertThat(manifest.rowsBySplit().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(ROWS);
    String report =
        String.format(
            "rows=%d fileMiB=%.1f plainReadS=%.2f parseS=%.2f splitS=%.2f splitRowsPerS=%.0f"
                + " parseRowsPerS=%.0f peakHeapMiB=%.1f maxHeapMiB=%.0f",
            ROWS,
            fileBytes / 1048576.0,
            readNanos / 1e9,
            parseNanos / 1e9,
            splitNanos / 1e9,
            ROWS / (splitNanos / 1e9),
            ROWS / (parseNanos / 1e9),
            peakHeap / 1048576.0,
            Runtime.getRuntime().maxMemory() / 1048576.0);
    log.info("Split benchmark. {}", report);
    Files.writeString(Path.of("target/split-benchmark.txt"), report + "\n", StandardCharsets.UTF_8);
  }

  private static long timePlainRead(Path data) throws IOException {
    long start = System.nanoTime();
    long lines = 0;
    try (BufferedReader reader = Files.newBufferedReader(data)) {
      while (reader.readLine() != null) {
        lines++;
      }
    }
    assertThat(lines).isEqualTo(ROWS + 1);
    return System.nanoTime() - start;
  }

  private static long timeParse(Path featureStore) throws IOException {
    long start = System.nanoTime();
    long rows = 0;
    try (FeatureTable table =
        new ObjectStoreFeatureStore(new LocalObjectStore(featureStore), "")
            .open("feature-store://user-embeddings/v3")) {
      for (List<String> row = table.next(); row != null; row = table.next()) {
        rows++;
      }
    }
    assertThat(rows).isEqualTo(ROWS);
    return System.nanoTime() - start;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
