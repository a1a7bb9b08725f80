package io.osop.temporal.activities.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osop.temporal.activities.storage.ObjectStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a prepared dataset from the object store: its manifest and its CSV splits (header = the
 * manifest's features, then {@code label}, then {@code group}). Every malformed value is reported
 * with the file, line and column.
 */
public final class DatasetReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectStore store;

  /** Creates a reader over a store. */
  public DatasetReader(ObjectStore store) {
    this.store = store;
  }

  /** Reads {@code manifest.json} of the dataset folder at {@code datasetUri}. */
  public DatasetManifest manifest(String datasetUri) throws IOException {
    String datasetKey = trimSlash(store.key(datasetUri));
    String manifestKey = datasetKey + "/manifest.json";
    String manifestUri = store.uri(manifestKey);
    JsonNode root;
    try {
      root = JSON.readTree(store.read(manifestKey));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidDatasetException("manifest is not valid JSON: " + manifestUri, e);
    }
    JsonNode features = root.path("features");
    if (!features.isArray() || features.isEmpty()) {
      throw new InvalidDatasetException(
          "manifest has no 'features' list of column names: " + manifestUri);
    }
    List<String> names = new ArrayList<>();
    features.forEach(feature -> names.add(feature.asText()));
    JsonNode sensitive = root.path("sensitive_attribute");
    Map<String, String> splitUris = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("splits").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> split = it.next();
      if (split.getValue().hasNonNull("uri")) {
        splitUris.put(split.getKey(), split.getValue().get("uri").asText());
      }
    }
    return new DatasetManifest(
        manifestUri,
        datasetKey,
        List.copyOf(names),
        sensitive.isTextual() ? sensitive.asText() : null,
        Map.copyOf(splitUris));
  }

  /** Reads a whole split ({@code train}, {@code val} or {@code test}) into memory. */
  public LabelledRows split(DatasetManifest manifest, String split) throws IOException {
    String key =
        manifest.splitUris().containsKey(split)
            ? store.key(manifest.splitUris().get(split))
            : manifest.datasetKey() + "/" + split + ".csv";
    String uri = store.uri(key);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(store.open(key), StandardCharsets.UTF_8))) {
      return parse(reader, uri, manifest.features());
    }
  }

  private static LabelledRows parse(BufferedReader reader, String uri, List<String> features)
      throws IOException {
    String header = reader.readLine();
    List<String> expected = new ArrayList<>(features);
    expected.add("label");
    expected.add("group");
    if (header == null || !List.of(header.split(",", -1)).equals(expected)) {
      throw new InvalidDatasetException(
          uri + ":1: header must be " + String.join(",", expected) + ", found " + header);
    }
    int width = features.size();
    List<float[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    int lineNumber = 1;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != width + 2) {
        throw new InvalidDatasetException(
            uri
                + ":"
                + lineNumber
                + ": expected "
                + (width + 2)
                + " columns, found "
                + cells.length);
      }
      float[] row = new float[width];
      for (int column = 0; column < width; column++) {
        row[column] = number(cells[column], uri, lineNumber, column);
      }
      rows.add(row);
      labels.add(label(cells[width], uri, lineNumber, width));
      groups.add(cells[width + 1]);
    }
    return new LabelledRows(
        uri,
        rows.toArray(float[][]::new),
        labels.stream().mapToInt(Integer::intValue).toArray(),
        groups.toArray(String[]::new));
  }

  private static float number(String cell, String uri, int line, int column) {
    String where =
        uri + ":" + line + ":" + (column + 1) + ": '" + cell + "' is not a finite number";
    float value;
    try {
      value = Float.parseFloat(cell);
    } catch (NumberFormatException e) {
      throw new InvalidDatasetException(where, e);
    }
    if (!Float.isFinite(value)) {
      throw new InvalidDatasetException(where);
    }
    return value;
  }

  private static int label(String cell, String uri, int line, int column) {
    if (cell.equals("0") || cell.equals("1")) {
      return cell.charAt(0) - '0';
    }
    throw new InvalidDatasetException(
        uri + ":" + line + ":" + (column + 1) + ": label must be 0 or 1, found '" + cell + "'");
  }

  private static String trimSlash(String key) {
    return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
  }
}
