package io.osop.temporal.activities.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.osop.temporal.activities.storage.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} written beside the splits: where the data came from, the encoded
 * feature columns in order, the train vocabularies, and per split its rows, bytes, CRC32C and URI.
 * Its bytes depend only on the input, so a retried split writes an identical manifest.
 */
public final class SplitManifest {

  /** The manifest's object name inside the dataset folder. */
  public static final String FILE_NAME = "manifest.json";

  /** The 0/1 label column of every split file. */
  public static final String LABEL_COLUMN = "label";

  /** The sensitive attribute column of every split file (empty when the table has none). */
  public static final String GROUP_COLUMN = "group";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One split file.
   *
   * @param rows data rows
   * @param positives rows whose label is the positive class
   * @param unseenCategoryRows rows with a category the train split never had (encoded all zero)
   * @param bytes bytes of the file, header included
   * @param crc32c the file's CRC32C, base64 as GCS reports it
   * @param uri where the file lies
   */
  public record SplitFile(
      long rows, long positives, long unseenCategoryRows, long bytes, String crc32c, String uri) {}

  private final Map<String, Object> body;

  SplitManifest(
      String source,
      TableSchema schema,
      List<String> features,
      TrainStatistics statistics,
      Map<String, SplitFile> splits,
      long rowsRead,
      long missingLabel,
      String datasetUri) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", "osop-splits/1");
    json.put("source", source);
    json.put("dataset_uri", datasetUri);
    json.put("entity_key", schema.entityKey());
    json.put("split_hash", schema.entityKey() == null ? "sha256(row)" : "sha256(entity_key)");
    json.put("features", features);
    json.put("label", schema.label());
    json.put("positive_label", schema.positiveLabel());
    json.put("label_column", LABEL_COLUMN);
    json.put("sensitive_attribute", schema.sensitiveAttribute());
    json.put("group_column", GROUP_COLUMN);
    json.put("source_features", schema.features());
    json.put("categorical", statistics.vocabularies());
    json.put("missing_values", statistics.missingCounts());
    json.put("imputed_train_means", statistics.imputedMeans());
    json.put("rows_read", rowsRead);
    json.put("rows_skipped_missing_label", missingLabel);
    Map<String, Object> splitJson = new LinkedHashMap<>();
    long bytes = 0;
    for (Map.Entry<String, SplitFile> split : splits.entrySet()) {
      SplitFile file = split.getValue();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("rows", file.rows());
      entry.put("positives", file.positives());
      entry.put("unseen_category_rows", file.unseenCategoryRows());
      entry.put("bytes", file.bytes());
      entry.put("crc32c", file.crc32c());
      entry.put("uri", file.uri());
      splitJson.put(split.getKey(), entry);
      bytes += file.bytes();
    }
    json.put("splits", splitJson);
    json.put("split_bytes", bytes);
    this.body = normalized(json);
  }

  /** Round-trips through JSON so a fresh manifest and one read back hold the same value types. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> normalized(Map<String, Object> json) {
    try {
      return JSON.readValue(JSON.writeValueAsBytes(json), LinkedHashMap.class);
    } catch (IOException e) {
      throw new IllegalStateException("manifest is not serialisable as JSON", e);
    }
  }

  private SplitManifest(Map<String, Object> body) {
    this.body = body;
  }

  /** Reads a manifest written before. */
  @SuppressWarnings("unchecked")
  public static SplitManifest read(ObjectStore store, String key) throws IOException {
    return new SplitManifest(JSON.readValue(store.read(key), LinkedHashMap.class));
  }

  void write(ObjectStore store, String key) throws IOException {
    store.write(key, bytes());
  }

  /** The manifest as JSON bytes. */
  public byte[] bytes() throws IOException {
    return JSON.writeValueAsBytes(body);
  }

  /** The manifest as a JSON object. */
  public Map<String, Object> body() {
    return body;
  }

  /** Encoded feature names in column order. */
  @SuppressWarnings("unchecked")
  public List<String> features() {
    return new ArrayList<>((List<String>) body.get("features"));
  }

  /** Rows per split, in split order. */
  @SuppressWarnings("unchecked")
  public Map<String, Long> rowsBySplit() {
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Map<String, Object>> splits = (Map<String, Map<String, Object>>) body.get("splits");
    splits.forEach((name, split) -> rows.put(name, ((Number) split.get("rows")).longValue()));
    return rows;
  }

  /** Bytes of all split files together. */
  public long splitBytes() {
    return ((Number) body.get("split_bytes")).longValue();
  }

  /** The source table's label column. */
  public String label() {
    return (String) body.get("label");
  }

  /** The sensitive attribute column, or null. */
  public String sensitiveAttribute() {
    return (String) body.get("sensitive_attribute");
  }
}
