package io.osop.temporal.activities.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.activities.storage.LocalObjectStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitterMemoryTest {

  private static final int ROWS = 200_000;

  @TempDir Path root;

  /** A table made up as it is read, so the test itself holds no rows. */
  private static final class SyntheticTable implements FeatureTable {
    private final SplittableRandom random = new SplittableRandom(11);
    private int next;

    @Override
    public TableSchema schema() {
      return new TableSchema(
          "user_id",
          "clicked",
          "yes",
          List.of("age", "score", "country"),
          List.of("country"),
          "segment",
          ',');
    }

    @Override
    public List<String> columns() {
      return List.of("user_id", "age", "score", "country", "segment", "clicked");
    }

    @Override
    public List<String> next() {
      if (next == ROWS) {
        return null;
      }
      String line = GeneratedTables.row(next++, random).strip();
      return List.of(line.split(","));
    }

    @Override
    public void close() {}
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) {
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Test
  void heapHeldDuringASplitDoesNotGrowWithTheRowsRead() throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<Long> samples = new ArrayList<>();
    LocalObjectStore store = new LocalObjectStore(root.resolve("store"));
    StreamingSplitter splitter =
        new StreamingSplitter(
            store,
            root.resolve("tmp"),
            rows -> {
              if (rows % 50_000 == 0) {
                samples.add(usedHeapAfterGc(memory));
              }
            });

    SplitManifest manifest =
        splitter.split(
            new SyntheticTable(),
            "synthetic",
            SplitPlan.of(Map.of("train", 0.8, "val", 0.1, "test", 0.1)),
            "runs/mem/data/",
            100);

    assertThat(manifest.rowsBySplit().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(ROWS);
    assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
    // Holding the rows read between the first and the last sample (150,000 rows of six strings)
    // would take well over 50 MB of heap; a streaming pass holds a few buffers.
    long growth = samples.get(samples.size() - 1) - samples.get(0);
    assertThat(growth).as("heap growth over 150,000 rows, samples %s", samples).isLessThan(8 << 20);
  }
}
