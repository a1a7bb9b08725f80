package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricNameCheckTest {

  private final Compilation result = Fixtures.compile("metric-typo.osop.yaml");

  @Test
  void misspeltMetricIsAnErrorAtItsNameWithDidYouMean() {
    // when: "metrics.acuracy > 0.8 && ...": the name starts 8 characters into the expression.
    assertThat(Fixtures.at(result, 23, 20).message())
        .isEqualTo(
            "in condition of edge evaluate -> deploy: 'acuracy' is not a metric node 'evaluate'"
                + " computes (did you mean 'accuracy'?); its config.metrics: accuracy, f1");
  }

  @Test
  void metricTheNodeIsNotConfiguredForIsAnErrorThroughOutputsAndIndexing() {
    // when: "outputs.evaluate.baseline['p99_latency'] < 100.0"
    assertThat(Fixtures.at(result, 27, 39).message())
        .isEqualTo(
            "in condition of edge evaluate -> rollback: 'p99_latency' is not a metric node"
                + " 'evaluate' computes; its config.metrics: accuracy, f1");
  }

  @Test
  void configuredMetricsPass() {
    assertThat(result.errors()).hasSize(2);
    assertThat(result.findings()).hasSize(2);
  }

  @Test
  void theSeedsMetricsPassAndAnOverriddenListIsTheOneChecked() {
    assertThat(Fixtures.compile("seed.osop.yaml").findings()).isEmpty();

    Compilation narrowed = Fixtures.compile("seed.osop.yaml", Map.of("evaluate.metrics", "[f1]"));

    assertThat(narrowed.errors())
        .isNotEmpty()
        .allSatisfy(
            f ->
                assertThat(f.message())
                    .contains(
                        "'accuracy' is not a metric node 'evaluate' computes; its config.metrics:"
                            + " f1"));
  }
}
