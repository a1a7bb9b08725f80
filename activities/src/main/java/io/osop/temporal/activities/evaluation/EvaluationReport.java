package io.osop.temporal.activities.evaluation;

import java.util.List;

/**
 * The full evaluation report kept at {@code runs/<workflow>/<node>/evaluation.json}.
 *
 * @param workflowId the run
 * @param nodeId the evaluate node
 * @param datasetUri the dataset scored
 * @param testRows rows of the test split scored
 * @param metricNames the metrics computed
 * @param candidate the candidate's scores
 * @param baseline the baseline's scores
 * @param baselineKind {@code production} or {@code majority-class}
 * @param baselinePointer the registry pointer consulted for the baseline
 * @param settings the settings used
 */
public record EvaluationReport(
    String workflowId,
    String nodeId,
    String datasetUri,
    long testRows,
    List<String> metricNames,
    ModelEvaluator.Score candidate,
    ModelEvaluator.Score baseline,
    String baselineKind,
    String baselinePointer,
    EvaluationSettings settings) {}
