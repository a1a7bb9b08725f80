package io.osop.temporal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionEvaluatorTest {

  private static Map<String, Object> scope(
      Map<String, Map<String, Object>> outputs, String source, Map<String, Object> error) {
    Map<String, Object> parameters = CelValues.normalizeMap(Map.of("threshold", 3));
    Map<String, Object> metadata = Map.of("workflow_id", "wf-1", "run_id", "r", "attempt", 1L);
    return ConditionScope.forEdge(outputs, source, parameters, metadata, error);
  }

  private static Map<String, Map<String, Object>> evaluateOutputs(double accuracy) {
    Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
    outputs.put(
        "evaluate",
        CelValues.normalizeMap(
            Map.of(
                "metrics", Map.of("accuracy", accuracy),
                "baseline", Map.of("accuracy", 0.8),
                "test_rows", 120)));
    return outputs;
  }

  @Test
  void comparesBareMetricsAgainstBaseline() {
    var scope = scope(evaluateOutputs(0.9), "evaluate", null);

    assertThat(ConditionEvaluator.evaluate("metrics.accuracy > baseline.accuracy", scope)).isTrue();
    assertThat(ConditionEvaluator.evaluate("metrics.accuracy <= baseline.accuracy", scope))
        .isFalse();
  }

  @Test
  void readsNodeOutputsInputsAndMetadataWithWidenedNumbers() {
    var scope = scope(evaluateOutputs(0.9), "evaluate", null);

    assertThat(ConditionEvaluator.evaluate("outputs.evaluate.test_rows == 120", scope)).isTrue();
    assertThat(ConditionEvaluator.evaluate("inputs.threshold < test_rows", scope)).isTrue();
    assertThat(ConditionEvaluator.evaluate("metadata.workflow_id == 'wf-1'", scope)).isTrue();
    assertThat(ConditionEvaluator.evaluate("metrics.accuracy > 0", scope)).isTrue();
  }

  @Test
  void seesNullAsCelNull() {
    Map<String, Object> deploy = new HashMap<>();
    deploy.put("previous_revision", null);
    Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
    outputs.put("deploy", CelValues.normalizeMap(deploy));

    assertThat(ConditionEvaluator.evaluate("previous_revision == null", scope(outputs, "x", null)))
        .isTrue();
  }

  @Test
  void failsOnAMissingKeyInsteadOfEvaluatingFalse() {
    var scope = scope(evaluateOutputs(0.9), "evaluate", null);

    assertThatThrownBy(() -> ConditionEvaluator.evaluate("metrics.recall > 0.5", scope))
        .isInstanceOf(ConditionEvaluator.ConditionException.class)
        .hasMessageContaining("recall");
  }

  @Test
  void failsOnAnOutputNoFinishedNodeProduced() {
    var scope = scope(evaluateOutputs(0.9), "evaluate", null);

    assertThatThrownBy(() -> ConditionEvaluator.evaluate("ab_result == 'winner'", scope))
        .isInstanceOf(ConditionEvaluator.ConditionException.class)
        .hasMessageContaining("ab_result");
  }

  @Test
  void failsOnATypeError() {
    var scope = scope(evaluateOutputs(0.9), "evaluate", null);

    assertThatThrownBy(() -> ConditionEvaluator.evaluate("metrics.accuracy > 'high'", scope))
        .isInstanceOf(ConditionEvaluator.ConditionException.class);
    assertThatThrownBy(() -> ConditionEvaluator.evaluate("test_rows", scope))
        .isInstanceOf(ConditionEvaluator.ConditionException.class);
  }

  @Test
  void failsOnAnUnknownIdentifierOrSyntaxError() {
    var scope = scope(evaluateOutputs(0.9), "evaluate", null);

    assertThatThrownBy(() -> ConditionEvaluator.evaluate("f1_score >= 0.85", scope))
        .isInstanceOf(ConditionEvaluator.ConditionException.class)
        .hasMessageContaining("f1_score");
    assertThatThrownBy(() -> ConditionEvaluator.evaluate("metrics.accuracy >", scope))
        .isInstanceOf(ConditionEvaluator.ConditionException.class);
  }

  @Test
  void readsTheErrorOnFailureEdges() {
    Map<String, Object> error = Map.of("type", "OutOfMemory", "message", "boom", "timeout", false);
    var scope = scope(new LinkedHashMap<>(), "train", error);

    assertThat(ConditionEvaluator.evaluate("error.type == 'OutOfMemory'", scope)).isTrue();
    assertThatThrownBy(
            () ->
                ConditionEvaluator.evaluate(
                    "error.type == 'x'", scope(new LinkedHashMap<>(), "t", null)))
        .isInstanceOf(ConditionEvaluator.ConditionException.class);
  }
}
