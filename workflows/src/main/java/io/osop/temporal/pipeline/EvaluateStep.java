package io.osop.temporal.pipeline;

import io.osop.temporal.pipeline.activity.EvaluationActivities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The evaluate handler: one call that scores candidate and baseline on the same test split. */
final class EvaluateStep implements NodeStep {

  /** The baseline pointer when the node names none. */
  static final String DEFAULT_BASELINE = "models/production/latest";

  private static final List<String> DEFAULT_METRICS =
      List.of("accuracy", "f1", "p99_latency", "demographic_parity");

  private final Services services;

  EvaluateStep(Services services) {
    this.services = services;
  }

  @Override
  public Map<String, Object> run(NodeRun node) {
    PipelineNode definition = node.node;
    NodeConfig config = new NodeConfig(definition);
    String baseline = config.string("baseline", DEFAULT_BASELINE);
    List<String> metrics = config.stringList("metrics", DEFAULT_METRICS);
    String model = services.artifacts().require(definition.id(), NodeOutputKeys.MODEL_URI);
    String dataset = services.artifacts().require(definition.id(), NodeOutputKeys.DATASET_URI);

    node.detail = "scoring the candidate against " + baseline;
    EvaluationActivities evaluation =
        services
            .stubs()
            .forNode(
                EvaluationActivities.class,
                definition,
                definition.id() + ": evaluate " + String.join(", ", metrics) + " vs " + baseline);
    EvaluationActivities.Evaluation result =
        evaluation.evaluate(
            new EvaluationActivities.EvaluateRequest(
                services.state().run, definition.id(), model, dataset, baseline, metrics));

    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put(NodeOutputKeys.METRICS, CelValues.normalizeMap(result.metrics()));
    outputs.put(NodeOutputKeys.BASELINE, CelValues.normalizeMap(result.baseline()));
    outputs.put(NodeOutputKeys.BASELINE_MODEL, result.baselineModel());
    outputs.put(NodeOutputKeys.BASELINE_KIND, result.baselineKind());
    outputs.put(NodeOutputKeys.TEST_ROWS, result.testRows());
    outputs.put(NodeOutputKeys.REPORT_URI, result.reportUri());
    return outputs;
  }
}
