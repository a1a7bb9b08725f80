package io.osop.temporal.pipeline.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;
import java.util.Map;

/** Side effects of the prepare-data handler. */
@ActivityInterface
public interface DataActivities {

  /** Reads a feature-store table, splits it by entity hash and writes splits and a manifest. */
  @ActivityMethod(name = "PrepareData")
  PreparedData prepareData(PrepareDataRequest request);

  /**
   * @param run the run
   * @param nodeId the data node
   * @param source a {@code feature-store://name/version} location
   * @param splits split name to fraction, summing to 1
   * @param config the node's whole config, for handler options
   */
  record PrepareDataRequest(
      RunRef run,
      String nodeId,
      String source,
      Map<String, Double> splits,
      Map<String, Object> config) {}

  /**
   * @param datasetUri the folder (prefix) holding the splits and the manifest
   * @param manifestUri the manifest object
   * @param rows rows per split
   * @param bytes bytes written in all
   * @param features encoded feature names, in column order
   * @param label the label column
   * @param sensitiveAttribute the sensitive attribute column, or null
   */
  record PreparedData(
      String datasetUri,
      String manifestUri,
      Map<String, Long> rows,
      long bytes,
      List<String> features,
      String label,
      String sensitiveAttribute) {}
}
