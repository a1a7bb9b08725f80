package io.osop.temporal.pipeline;

import io.osop.temporal.pipeline.activity.DataActivities;
import java.util.LinkedHashMap;
import java.util.Map;

/** The prepare-data handler: one call that splits a feature-store table into a dataset. */
final class PrepareDataStep implements NodeStep {

  private static final Map<String, Double> DEFAULT_SPLITS = orderedSplits(0.8, 0.1, 0.1);

  private final Services services;

  PrepareDataStep(Services services) {
    this.services = services;
  }

  @Override
  public Map<String, Object> run(NodeRun node) {
    PipelineNode definition = node.node;
    NodeConfig config = new NodeConfig(definition);
    String source = config.requiredString("source");
    Map<String, Double> splits = config.numberMap("splits", DEFAULT_SPLITS);

    node.detail = "preparing data from " + source;
    DataActivities data =
        services
            .stubs()
            .forNode(
                DataActivities.class,
                definition,
                definition.id() + ": prepare data from " + source);
    DataActivities.PreparedData prepared =
        data.prepareData(
            new DataActivities.PrepareDataRequest(
                services.state().run, definition.id(), source, splits, config.all()));

    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put(NodeOutputKeys.DATASET_URI, prepared.datasetUri());
    outputs.put(NodeOutputKeys.MANIFEST_URI, prepared.manifestUri());
    outputs.put(NodeOutputKeys.ROWS, prepared.rows());
    outputs.put(NodeOutputKeys.BYTES, prepared.bytes());
    outputs.put(NodeOutputKeys.FEATURES, prepared.features());
    return outputs;
  }

  private static Map<String, Double> orderedSplits(double train, double val, double test) {
    Map<String, Double> splits = new LinkedHashMap<>();
    splits.put("train", train);
    splits.put("val", val);
    splits.put("test", test);
    return splits;
  }
}
