package io.osop.temporal.activities.data;

import io.osop.temporal.activities.storage.ObjectStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a feature table into train/val/test objects in two streaming passes, holding one row at a
 * time. Pass 1 reads the table once, assigns each row to a split by the stable hash of its entity
 * key (or of the whole row), writes the raw split rows to temporary files and learns the train
 * vocabulary and means. Pass 2 reads the temporary files and writes the encoded splits and the
 * manifest to the object store. Memory grows with the number of categories, not of rows.
 */
public final class StreamingSplitter {

  private static final Logger log = LoggerFactory.getLogger(StreamingSplitter.class);
  private static final int BUFFER = 64 * 1024;
  private static final long PROGRESS_EVERY_ROWS = 10_000;
  private static final String ROW_KEY_SEPARATOR = "\u001f";

  private final ObjectStore store;
  private final Path tempRoot;
  private final LongConsumer progress;

  /**
   * @param store where splits and manifest go
   * @param tempRoot where pass 1 keeps its temporary files (null: the system default)
   * @param progress receives the number of rows read so far, now and then (for heartbeats)
   */
  public StreamingSplitter(ObjectStore store, Path tempRoot, LongConsumer progress) {
    this.store = store;
    this.tempRoot = tempRoot;
    this.progress = progress;
  }

  /**
   * Splits a table into {@code <prefix><split>.csv} objects plus {@code <prefix>manifest.json}.
   *
   * @param table the opened table, positioned after its header
   * @param source the table's location, recorded in the manifest
   * @param plan the split fractions
   * @param prefix the output folder key, ending with a slash
   * @param maxCategories the most distinct values a categorical column may have in train
   */
  public SplitManifest split(
      FeatureTable table, String source, SplitPlan plan, String prefix, int maxCategories)
      throws IOException {
    TableSchema schema = table.schema();
    ColumnLayout layout = ColumnLayout.of(schema, table.columns());
    TrainStatistics statistics = new TrainStatistics(layout, maxCategories);
    Path temp =
        tempRoot == null
            ? Files.createTempDirectory("osop-split-")
            : Files.createTempDirectory(Files.createDirectories(tempRoot), "osop-split-");
    try {
      long started = System.nanoTime();
      FirstPass first = firstPass(table, plan, layout, statistics, temp);
      long firstPassDone = System.nanoTime();
      List<String> features = statistics.encodedFeatureNames();
      for (String reserved : List.of(SplitManifest.LABEL_COLUMN, SplitManifest.GROUP_COLUMN)) {
        if (features.contains(reserved)) {
          throw new TableFormatException(
              "feature column '" + reserved + "' clashes with the split files' own column");
        }
      }
      SplitEncoder encoder = new SplitEncoder(store, layout, statistics, features);
      Map<String, SplitManifest.SplitFile> files = new LinkedHashMap<>();
      for (int i = 0; i < plan.names().size(); i++) {
        String name = plan.names().get(i);
        files.put(
            name, encoder.encode(temp.resolve(i + ".bin"), first.rows[i], prefix + name + ".csv"));
      }
      SplitManifest manifest =
          new SplitManifest(
              source,
              schema,
              features,
              statistics,
              files,
              first.rowsRead,
              first.missingLabel,
              store.uri(prefix));
      manifest.write(store, prefix + SplitManifest.FILE_NAME);
      log.info(
          "Split table. source={} rowsRead={} skippedMissingLabel={} rows={} features={}"
              + " pass1Ms={} pass2Ms={}",
          source,
          first.rowsRead,
          first.missingLabel,
          manifest.rowsBySplit(),
          features.size(),
          (firstPassDone - started) / 1_000_000,
          (System.nanoTime() - firstPassDone) / 1_000_000);
      return manifest;
    } finally {
      deleteTree(temp);
    }
  }

  private record FirstPass(long[] rows, long rowsRead, long missingLabel) {}

  private FirstPass firstPass(
      FeatureTable table,
      SplitPlan plan,
      ColumnLayout layout,
      TrainStatistics statistics,
      Path temp)
      throws IOException {
    int splits = plan.names().size();
    int trainIndex = plan.names().indexOf("train");
    String positive = table.schema().positiveLabel();
    DataOutputStream[] outs = new DataOutputStream[splits];
    long[] rows = new long[splits];
    long rowsRead = 0;
    long missingLabel = 0;
    try {
      for (int i = 0; i < splits; i++) {
        outs[i] =
            new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(temp.resolve(i + ".bin")), BUFFER));
      }
      for (List<String> row = table.next(); row != null; row = table.next()) {
        rowsRead++;
        if (rowsRead % PROGRESS_EVERY_ROWS == 0) {
          progress.accept(rowsRead);
        }
        String label = row.get(layout.labelIndex());
        if (label.isEmpty() || label.equals("?")) {
          missingLabel++;
          continue;
        }
        String hashKey =
            layout.keyIndex() >= 0
                ? row.get(layout.keyIndex())
                : String.join(ROW_KEY_SEPARATOR, row);
        int split = plan.assign(hashKey);
        boolean train = split == trainIndex;
        DataOutputStream out = outs[split];
        try {
          writeRawRow(out, row, layout, statistics, train, label.equals(positive), table);
        } catch (UTFDataFormatException e) {
          throw new TableFormatException(table.position() + ": a field is longer than 64 KiB", e);
        }
        rows[split]++;
      }
      progress.accept(rowsRead);
    } finally {
      for (DataOutputStream out : outs) {
        if (out != null) {
          out.close();
        }
      }
    }
    return new FirstPass(rows, rowsRead, missingLabel);
  }

  private static void writeRawRow(
      DataOutputStream out,
      List<String> row,
      ColumnLayout layout,
      TrainStatistics statistics,
      boolean train,
      boolean positive,
      FeatureTable table)
      throws IOException {
    for (int f = 0; f < layout.featureCount(); f++) {
      String value = row.get(layout.featureIndex()[f]);
      if (layout.categorical()[f]) {
        statistics.observeCategory(f, value, train);
        out.writeUTF(value);
      } else {
        out.writeUTF(statistics.observeNumeric(f, value, train, table::position));
      }
    }
    out.writeByte(positive ? 1 : 0);
    out.writeUTF(layout.groupIndex() >= 0 ? row.get(layout.groupIndex()) : "");
  }

  /** Reads back a raw row written by pass 1. */
  static RawRow readRawRow(DataInputStream in, int featureCount, String[] values)
      throws IOException {
    for (int f = 0; f < featureCount; f++) {
      values[f] = in.readUTF();
    }
    int label = in.readByte();
    String group = in.readUTF();
    return new RawRow(values, label, group);
  }

  /** One raw row: feature values (reused array), label 0/1 and the sensitive attribute value. */
  record RawRow(String[] values, int label, String group) {}

  static DataInputStream openRaw(Path file) throws IOException {
    return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> all = new ArrayList<>(paths.toList());
      Collections.reverse(all);
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      log.warn("Could not delete the splitter's temporary files. folder={}", folder, e);
    }
  }
}
