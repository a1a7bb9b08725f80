package io.osop.temporal.activities.data;

import io.osop.temporal.activities.storage.ObjectStore;
import io.osop.temporal.activities.storage.RunKeys;
import io.osop.temporal.pipeline.activity.DataActivities;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prepare-data handler's side effects: streams a feature table into hash-stable splits and a
 * manifest under {@code runs/<workflowId>/<nodeId>/}. A retry that finds the manifest of an earlier
 * attempt returns it instead of splitting again; a retry that finds only some split files rewrites
 * identical bytes over them, which the store accepts.
 */
public final class DataActivitiesImpl implements DataActivities {

  /** Failure type for a malformed table, schema or split configuration (not retried). */
  public static final String INVALID_DATA = "InvalidData";

  /** Failure type for a table location that does not exist (not retried). */
  public static final String TABLE_NOT_FOUND = "FeatureTableNotFound";

  /** Default cap on distinct values of one categorical column in the train split. */
  public static final int DEFAULT_MAX_CATEGORIES = 1000;

  private static final Logger log = LoggerFactory.getLogger(DataActivitiesImpl.class);

  private final FeatureStore features;
  private final ObjectStore store;
  private final Path tempRoot;

  /**
   * @param features where tables are read from
   * @param store where splits are written
   * @param tempRoot folder for the splitter's temporary files (null: the system default)
   */
  public DataActivitiesImpl(FeatureStore features, ObjectStore store, Path tempRoot) {
    this.features = Objects.requireNonNull(features, "features");
    this.store = Objects.requireNonNull(store, "store");
    this.tempRoot = tempRoot;
  }

  @Override
  public PreparedData prepareData(PrepareDataRequest request) {
    String prefix = RunKeys.nodePrefix(request.run().workflowId(), request.nodeId());
    String manifestKey = prefix + SplitManifest.FILE_NAME;
    try {
      if (store.stat(manifestKey).isPresent()) {
        log.info("Splits exist from an earlier attempt; reusing them. manifest={}", manifestKey);
        return result(SplitManifest.read(store, manifestKey), prefix);
      }
      SplitPlan plan = SplitPlan.of(request.splits());
      int maxCategories = maxCategories(request.config());
      ActivityExecutionContext context = Activity.getExecutionContext();
      StreamingSplitter splitter =
          new StreamingSplitter(store, tempRoot, rows -> context.heartbeat(rows));
      try (FeatureTable table = features.open(request.source())) {
        return result(splitter.split(table, request.source(), plan, prefix, maxCategories), prefix);
      }
    } catch (TableFormatException | IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          "Node " + request.nodeId() + ": " + e.getMessage(), INVALID_DATA, e);
    } catch (FileNotFoundException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          "Node " + request.nodeId() + ": " + e.getMessage(), TABLE_NOT_FOUND, e);
    } catch (IOException e) {
      throw Activity.wrap(
          new IOException(
              "Node " + request.nodeId() + ": splitting " + request.source() + " failed", e));
    }
  }

  private PreparedData result(SplitManifest manifest, String prefix) throws IOException {
    long manifestBytes = store.stat(prefix + SplitManifest.FILE_NAME).orElseThrow().size();
    return new PreparedData(
        store.uri(prefix),
        store.uri(prefix + SplitManifest.FILE_NAME),
        manifest.rowsBySplit(),
        manifest.splitBytes() + manifestBytes,
        manifest.features(),
        manifest.label(),
        manifest.sensitiveAttribute());
  }

  private static int maxCategories(Map<String, Object> config) {
    Object value = config == null ? null : config.get("max_categories");
    if (value == null) {
      return DEFAULT_MAX_CATEGORIES;
    }
    if (value instanceof Number number && number.intValue() > 0) {
      return number.intValue();
    }
    throw new IllegalArgumentException(
        "config.max_categories must be a positive whole number, got " + value);
  }
}
