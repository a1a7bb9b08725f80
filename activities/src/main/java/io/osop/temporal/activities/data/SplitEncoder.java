package io.osop.temporal.activities.data;

import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.storage.ObjectStore;
import io.osop.temporal.activities.storage.ObjectWrites;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Pass 2 of the splitter: turns one split's raw rows into the encoded CSV object (numeric values as
 * they are, missing ones as the train mean, categories one-hot over the train vocabulary, then
 * {@code label} and {@code group}), counting bytes and the CRC32C as it writes.
 */
final class SplitEncoder {

  private final ObjectStore store;
  private final ColumnLayout layout;
  private final List<Map<String, Integer>> categoryIndexes;
  private final String header;
  private final String[] means;

  SplitEncoder(
      ObjectStore store, ColumnLayout layout, TrainStatistics statistics, List<String> features) {
    this.store = store;
    this.layout = layout;
    this.categoryIndexes = statistics.categoryIndexes();
    this.means = new String[layout.featureCount()];
    for (int f = 0; f < means.length; f++) {
      means[f] = statistics.meanText(f);
    }
    StringBuilder line = new StringBuilder();
    for (String feature : features) {
      CsvText.appendField(line, feature);
      line.append(',');
    }
    line.append(SplitManifest.LABEL_COLUMN).append(',').append(SplitManifest.GROUP_COLUMN);
    this.header = line.append('\n').toString();
  }

  SplitManifest.SplitFile encode(Path rawFile, long rows, String key) throws IOException {
    CountingCrc counter = new CountingCrc();
    long[] positives = {0};
    long[] unseen = {0};
    ObjectWrites.create(
        store,
        key,
        out -> {
          Writer writer =
              new BufferedWriter(
                  new OutputStreamWriter(counter.wrap(out), StandardCharsets.UTF_8), 64 * 1024);
          writer.write(header);
          String[] values = new String[layout.featureCount()];
          StringBuilder line = new StringBuilder(256);
          try (DataInputStream in = StreamingSplitter.openRaw(rawFile)) {
            for (long r = 0; r < rows; r++) {
              StreamingSplitter.RawRow row =
                  StreamingSplitter.readRawRow(in, layout.featureCount(), values);
              line.setLength(0);
              unseen[0] += appendEncoded(line, row);
              positives[0] += row.label();
              writer.append(line);
            }
          }
          writer.flush();
        });
    return new SplitManifest.SplitFile(
        rows,
        positives[0],
        unseen[0],
        counter.bytes,
        LocalObjectStore.encodeCrc32c(counter.crc.getValue()),
        store.uri(key));
  }

  /** Appends one encoded line; returns 1 when a category was not in the train vocabulary. */
  private int appendEncoded(StringBuilder line, StreamingSplitter.RawRow row) {
    int unseen = 0;
    for (int f = 0; f < layout.featureCount(); f++) {
      String value = row.values()[f];
      Map<String, Integer> index = categoryIndexes.get(f);
      if (index == null) {
        line.append(value.isEmpty() ? means[f] : value).append(',');
        continue;
      }
      Integer hot = index.get(value);
      if (hot == null) {
        unseen = 1;
      }
      int size = index.size();
      for (int k = 0; k < size; k++) {
        line.append(hot != null && hot == k ? '1' : '0').append(',');
      }
    }
    line.append(row.label()).append(',');
    CsvText.appendField(line, row.group());
    line.append('\n');
    return unseen;
  }

  /** Counts bytes and computes the CRC32C of what passes through. */
  private static final class CountingCrc {
    private final CRC32C crc = new CRC32C();
    private long bytes;

    OutputStream wrap(OutputStream out) {
      return new FilterOutputStream(out) {
        @Override
        public void write(int b) throws IOException {
          out.write(b);
          crc.update(b);
          bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          crc.update(b, off, len);
          bytes += len;
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
  }
}
