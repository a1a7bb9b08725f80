package io.osop.temporal.activities.data;

import io.osop.temporal.activities.storage.ObjectKeys;
import io.osop.temporal.activities.storage.ObjectStore;
import io.osop.temporal.activities.storage.ObjectStore.ObjectInfo;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A {@link FeatureStore} kept in an {@link ObjectStore}: {@code feature-store://name/version} is
 * the folder {@code <prefix>/name/version/} holding {@code schema.yaml} and one or more {@code
 * *.csv} files read in key order. A local feature store is this over a {@code LocalObjectStore}
 * rooted at the feature-store folder; on GCS it is the same layout under a prefix.
 */
public final class ObjectStoreFeatureStore implements FeatureStore {

  /** The scheme of feature table locations. */
  public static final String SCHEME = "feature-store://";

  private final ObjectStore store;
  private final String prefix;

  /** Creates a feature store over a store's keys under {@code prefix} (empty: the whole store). */
  public ObjectStoreFeatureStore(ObjectStore store, String prefix) {
    this.store = Objects.requireNonNull(store, "store");
    this.prefix = prefix.isEmpty() ? "" : ObjectKeys.requireValid(prefix) + "/";
  }

  /** The folder key of a table location, ending with a slash. */
  public String tableKey(String source) {
    if (source == null || !source.startsWith(SCHEME)) {
      throw new IllegalArgumentException(
          "feature table location must look like feature-store://name/version, got: " + source);
    }
    String table = source.substring(SCHEME.length()).replaceAll("/+$", "");
    try {
      return prefix + ObjectKeys.requireValid(table) + "/";
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad feature table location " + source, e);
    }
  }

  @Override
  public FeatureTable open(String source) throws IOException {
    String folder = tableKey(source);
    String schemaKey = folder + "schema.yaml";
    if (store.stat(schemaKey).isEmpty()) {
      throw new FileNotFoundException(
          "feature table " + source + " has no schema: missing " + store.uri(schemaKey));
    }
    TableSchema declared = SchemaFile.parse(store.read(schemaKey), store.uri(schemaKey));
    List<String> files =
        store.list(folder).stream()
            .map(ObjectInfo::key)
            .filter(key -> key.endsWith(".csv"))
            .filter(key -> key.indexOf('/', folder.length()) < 0)
            .toList();
    if (files.isEmpty()) {
      throw new FileNotFoundException(
          "feature table " + source + " has no *.csv files in " + store.uri(folder));
    }
    return CsvFeatureTable.open(store, files, declared, store.uri(schemaKey));
  }
}
