package io.osop.temporal.pipeline.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;
import java.util.Map;

/** Side effects of the evaluate handler: offline scoring of candidate and baseline. */
@ActivityInterface
public interface EvaluationActivities {

  /** Scores candidate and baseline on the same test split and returns both metric sets. */
  @ActivityMethod(name = "Evaluate")
  Evaluation evaluate(EvaluateRequest request);

  /**
   * @param run the run
   * @param nodeId the evaluate node
   * @param candidateModelUri the candidate ONNX model
   * @param datasetUri the dataset folder holding the test split
   * @param baseline the registry pointer of the baseline, e.g. {@code models/production/latest}
   * @param metrics the metric names to compute
   */
  record EvaluateRequest(
      RunRef run,
      String nodeId,
      String candidateModelUri,
      String datasetUri,
      String baseline,
      List<String> metrics) {}

  /**
   * @param metrics the candidate's metrics by name
   * @param baseline the baseline's metrics by name
   * @param baselineModel the baseline model's version, or {@code majority-class}
   * @param baselineKind {@code production} or {@code majority-class} when no production model
   *     exists
   * @param testRows rows scored
   * @param reportUri where the full report is kept
   */
  record Evaluation(
      Map<String, Double> metrics,
      Map<String, Double> baseline,
      String baselineModel,
      String baselineKind,
      long testRows,
      String reportUri) {}
}
