package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.runtime.CelRuntime;
import io.osop.temporal.pipeline.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The declarations the validator checks with also evaluate conditions over plain maps. */
class ConditionEnvironmentTest {

  private final ConditionEnvironment environment =
      ConditionEnvironment.forNodes(
          new LinkedHashMap<>(
              Map.of(
                  "evaluate", Handler.EVALUATE,
                  "ab_test", Handler.SHADOW_AB_TEST)));

  @Test
  void seedConditionsEvaluateOverMapsOfOutputs() throws Exception {
    Map<String, Object> evaluate =
        Map.of(
            "metrics", Map.of("accuracy", 0.91),
            "baseline", Map.of("accuracy", 0.88),
            "test_rows", 1000L);
    Map<String, Object> scope = new LinkedHashMap<>(evaluate);
    scope.put("ab_result", "winner");
    scope.put("outputs", Map.of("evaluate", evaluate, "ab_test", Map.of("ab_result", "winner")));
    scope.put("inputs", Map.of("force", true));
    scope.put("metadata", Map.of("workflow_id", "w", "run_id", "r", "attempt", 1L));

    assertThat(evaluate("metrics.accuracy > baseline.accuracy", scope)).isEqualTo(true);
    assertThat(evaluate("ab_result == 'winner'", scope)).isEqualTo(true);
    assertThat(evaluate("outputs.evaluate.test_rows > 999 && inputs.force", scope)).isEqualTo(true);
    assertThat(evaluate("metrics.accuracy > 1 || metadata.attempt > 1", scope)).isEqualTo(false);
  }

  @Test
  void typeErrorsAreFoundWithoutEvaluating() {
    assertThat(environment.compile("ab_result > 1").hasError()).isTrue();
    assertThat(environment.compile("metrics.accuracy == 'x'").hasError()).isTrue();
    assertThat(environment.compile("metrics.accuracy").hasError()).isTrue();
    assertThat(environment.compile("outputs.evaluate.nope == 1").hasError()).isTrue();
  }

  @Test
  void handlerOutputsAreDeclaredPerHandler() {
    assertThat(NodeOutputs.of(Handler.SHADOW_AB_TEST).keySet())
        .containsExactly("ab_result", "ab_reason", "ab_evidence", "ab_checks");
    assertThat(NodeOutputs.producerOf("rolled_back")).isEqualTo(Handler.ROLLBACK);
    assertThat(NodeOutputs.producerOf("nothing")).isNull();
    for (Handler handler : Handler.values()) {
      assertThat(NodeOutputs.of(handler)).as(handler.id()).isNotEmpty();
    }
  }

  private Object evaluate(String expression, Map<String, Object> scope) throws Exception {
    CelAbstractSyntaxTree ast = environment.compile(expression).getAst();
    CelRuntime runtime = ConditionEnvironment.runtime();
    return runtime.createProgram(ast).eval(scope);
  }

  @Test
  void everyBareKeyIsDeclaredWithoutClashingWithCelNames() {
    Map<String, Handler> all = new LinkedHashMap<>();
    int i = 0;
    for (Handler handler : Handler.values()) {
      all.put("node" + i++, handler);
    }
    ConditionEnvironment full = ConditionEnvironment.forNodes(all);
    for (String expression :
        List.of(
            "bytes > 0",
            "size(rows) > 0",
            "size(features) >= 0",
            "previous_revision == null",
            "size(rolled_back) == 0")) {
      assertThat(full.compile(expression).getErrors()).as(expression).isEmpty();
    }
  }
}
