package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionCheckTest {

  private final Compilation result = Fixtures.compile("condition-errors.osop.yaml");

  @Test
  void nameNotProducedUpstreamIsAnErrorAtTheName() {
    // when: "ab_result == 'winner'" starts at column 11; the name at column 12.
    assertThat(Fixtures.at(result, 33, 12).message())
        .isEqualTo(
            "in condition of edge prepare_data -> train_model: 'ab_result' is an output of"
                + " shadow-ab-test nodes (ab_test), but none runs before edge prepare_data ->"
                + " train_model");
  }

  @Test
  void onlyTheNameThatIsNotUpstreamIsReported() {
    // "exit_code == 0 && metrics.accuracy > 0.5": exit_code comes from train_model, the source.
    assertThat(Fixtures.containing(result, "edge train_model -> evaluate"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.position().column()).isEqualTo(30);
              assertThat(f.message()).contains("'metrics' is an output of evaluate nodes");
            });
  }

  @Test
  void comparingDoubleWithStringIsATypeErrorAtTheOperator() {
    assertThat(Fixtures.at(result, 41, 29).message())
        .isEqualTo(
            "in condition of edge evaluate -> ab_test: '==' cannot be applied to double and"
                + " string (incompatible types)");
  }

  @Test
  void orderingAStringAgainstANumberIsATypeError() {
    assertThat(Fixtures.at(result, 45, 22).message())
        .isEqualTo(
            "in condition of edge ab_test -> deploy_serving: '>' cannot be applied to string and"
                + " int (incompatible types)");
  }

  @Test
  void syntaxErrorPointsAtTheEndOfTheBrokenExpression() {
    Finding finding = Fixtures.at(result, 49, 33);

    assertThat(finding.message())
        .isEqualTo(
            "in condition of edge ab_test -> rollback: the expression ends where a value was"
                + " expected after '||'");
  }

  @Test
  void nodeOutputsMustComeFromANodeThatRunsBefore() {
    // In single quotes, the column counts the opening quote: outputs.deploy_serving at 62.
    assertThat(Fixtures.at(result, 53, 62).message())
        .isEqualTo(
            "in condition of edge evaluate -> rollback: outputs.deploy_serving is not available"
                + " here: node 'deploy_serving' does not run before edge evaluate -> rollback");
    assertThat(Fixtures.containing(result, "outputs.evaluate")).isEmpty();
    assertThat(Fixtures.containing(result, "inputs")).isEmpty();
  }

  @Test
  void everyKindOfNameInScopeTypeChecks() {
    Compilation scope = Fixtures.compile("condition-scope.osop.yaml");

    assertThat(scope.findings()).isEmpty();
  }

  @Test
  void bareKeyFromTwoUpstreamNodesIsAWarningThatSuggestsOutputs() {
    Compilation ambiguous = Fixtures.compile("ambiguous-bare-key.osop.yaml");

    Finding finding = Fixtures.at(ambiguous, 44, 12);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.message())
        .isEqualTo(
            "'metrics' is produced by more than one node before edge report -> deploy (eval_a,"
                + " eval_b); write outputs.eval_a.metrics to say which");
    assertThat(ambiguous.errors()).isEmpty();
  }

  @Test
  void bareKeyIsNotAmbiguousWhenTheEdgeSourceProducesIt() {
    Compilation ambiguous = Fixtures.compile("ambiguous-bare-key.osop.yaml");

    // eval_c -> deploy reads metrics after eval_a, eval_b and eval_c; eval_c's value wins.
    assertThat(ambiguous.findings()).noneMatch(f -> f.position().line() == 50);
  }

  @Test
  void unknownNameSuggestsAClosestNameInScope() {
    Compilation typo = Fixtures.compile("condition-typo.osop.yaml");

    Finding finding = Fixtures.at(typo, 14, 12);
    assertThat(finding.message())
        .startsWith(
            "in condition of edge train_model -> deploy: unknown name 'exit_cod' (did you mean"
                + " 'exit_code'?); in scope here: attempt, duration_ms, exit_code");
  }

  @Test
  void escapesInDoubleQuotedConditionsKeepColumnsRight() {
    Compilation typo = Fixtures.compile("condition-typo.osop.yaml");

    // when: "model_uri != \"\" && ab_result == 'x'": ab_result sits after two escaped quotes.
    assertThat(Fixtures.at(typo, 18, 33).message())
        .endsWith("'ab_result' is an output of shadow-ab-test nodes, and this pipeline has none");
  }

  @Test
  void conditionsInFoldedBlocksPointAtTheRightLine() {
    Compilation typo = Fixtures.compile("condition-typo.osop.yaml");

    assertThat(Fixtures.at(typo, 24, 17).message())
        .contains("'>' cannot be applied to string and int");
  }

  @Test
  void conditionsOfOneShapeAreTypedByTheHandlerOfEachNodeTheyRead() {
    Compilation shapes = Fixtures.compile("condition-shapes.osop.yaml");

    assertThat(shapes.errors()).extracting(f -> f.position().line()).containsExactly(33, 37, 45);
    assertThat(Fixtures.at(shapes, 33, 28).message()).endsWith("undefined field 'exit_code'");
    assertThat(Fixtures.at(shapes, 37, 38).message())
        .endsWith("'==' cannot be applied to int and uint (incompatible types)");
  }

  @Test
  void errorIsReadableOnlyOnFailureEdges() {
    Compilation shapes = Fixtures.compile("condition-shapes.osop.yaml");

    assertThat(shapes.findings()).noneMatch(f -> f.position().line() == 41);
    assertThat(Fixtures.at(shapes, 45, 16).message())
        .isEqualTo(
            "in condition of edge evaluate -> deploy: 'error' (the source node's failure) is set"
                + " only on fallback, error and timeout edges, not on this conditional edge");
  }
}
